#include "InfRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

std::vector<Site> InfRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (const auto& l : s.loops) {
        if (l.var.empty() || l.step.empty()) {
            continue;
        }
        // "i++" -> "i + 1", "c += 4" -> "c + 4": the step is computed and thrown away.
        auto t = code_tokens(l.step);
        std::string step;
        if (t.size() == 2 && t[0].text == l.var && (t[1].text == "++" || t[1].text == "--")) {
            step = l.var + (t[1].text == "++" ? " + 1" : " - 1");
        } else if (t.size() == 2 && t[1].text == l.var &&
                   (t[0].text == "++" || t[0].text == "--")) {
            step = l.var + (t[0].text == "++" ? " + 1" : " - 1");
        } else if (t.size() == 3 && t[0].text == l.var &&
                   (t[1].text == "+=" || t[1].text == "-=")) {
            step = l.var + (t[1].text == "+=" ? " + " : " - ") + std::string(t[2].text);
        } else {
            continue;
        }
        std::string line(source.line(l.line));
        auto pos = line.rfind(l.step);
        if (pos == std::string::npos || line.find(';') == std::string::npos ||
            pos < line.rfind(';')) {
            continue;
        }
        line.replace(pos, l.step.size(), step);
        out.push_back(line_site(
            s, type(), id(), l.line, line,
            fmt::format("the loop step '{}' became '{}', which never updates '{}', so the "
                        "loop cannot terminate",
                        l.step, step, l.var)));
    }
    return out;
}

} // namespace hlsv::inject
