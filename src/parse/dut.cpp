// The design under test: the top function and its transitive callees across a design's files.
#include "parse/parse.h"

#include <map>

namespace hlsv::parse {

namespace {

/// `Foo::bar` is called as `bar` (or `obj.bar()`, which the call list does not see), so calls
/// resolve on the last component of a qualified name.
std::string_view last_component(std::string_view name) {
    auto pos = name.rfind("::");
    return pos == std::string_view::npos ? name : name.substr(pos + 2);
}

} // namespace

Dut design_under_test(const std::vector<const DesignFacts*>& files, std::string_view top,
                      const std::vector<std::string>& extra) {
    // Every definition of a name (overloads, #ifdef variants, one per file) contributes calls.
    std::map<std::string, std::vector<std::string>, std::less<>> calls_of;
    std::map<std::string, std::vector<std::string>, std::less<>> defs_by_last;
    std::vector<std::string> roots;
    for (const DesignFacts* f : files) {
        for (const auto& fn : f->functions) {
            if (fn.name.empty()) {
                continue;
            }
            auto& c = calls_of[fn.name];
            c.insert(c.end(), fn.calls.begin(), fn.calls.end());
            defs_by_last[std::string(last_component(fn.name))].push_back(fn.name);
            if (top.empty() && fn.is_top) {
                roots.push_back(fn.name);
            }
        }
    }
    if (!top.empty()) {
        roots.emplace_back(top);
    }
    roots.insert(roots.end(), extra.begin(), extra.end());

    Dut dut;
    std::vector<std::string> work;
    auto reach = [&](std::string_view name) {
        if (name == "main") {
            return; // the program's entry is the oracle, even when the kernel calls back into it
        }
        auto add = [&](const std::string& n) {
            if (n != "main" && dut.functions.insert(n).second) {
                work.push_back(n);
            }
        };
        if (calls_of.count(name)) {
            add(std::string(name));
        }
        if (auto it = defs_by_last.find(last_component(name)); it != defs_by_last.end()) {
            for (const auto& n : it->second) {
                add(n);
            }
        }
    };
    for (const auto& r : roots) {
        reach(r);
        // A top named but not defined in these files still names the DUT (declared elsewhere).
        if (r != "main") {
            dut.functions.insert(r);
        }
    }
    while (!work.empty()) {
        std::string n = std::move(work.back());
        work.pop_back();
        for (const auto& callee : calls_of[n]) {
            reach(callee);
        }
    }
    return dut;
}

std::string Dut::function_at(const DesignFacts& facts, int line) const {
    const Function* best = nullptr;
    for (const auto& fn : facts.functions) {
        if (fn.line_start <= line && line <= fn.line_end &&
            (!best || fn.line_start >= best->line_start)) {
            best = &fn; // the innermost definition (a method inside a class body)
        }
    }
    return best && contains(best->name) ? best->name : std::string();
}

bool Dut::contains_line(const DesignFacts& facts, int line) const {
    return !function_at(facts, line).empty();
}

} // namespace hlsv::parse
