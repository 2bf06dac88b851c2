// The design under test as the injector sees it: which file holds the top function (a source,
// or a .c/.cpp file a source #includes), and which of its lines belong to the top and what it
// calls. Bugs go only there; `main`, init/print helpers and self-checks are the oracle.
#include "inject.h"

#include <fmt/format.h>
#include <regex>

namespace hlsv::inject {

namespace {

/// True when `text` defines `name`: the name, a parameter list, then `{` before any `;`.
bool defines(const std::string& text, const std::string& name) {
    if (name.empty()) {
        return false;
    }
    std::size_t pos = 0;
    while ((pos = text.find(name, pos)) != std::string::npos) {
        std::size_t end = pos + name.size();
        bool left_ok = pos == 0 || !(std::isalnum(static_cast<unsigned char>(text[pos - 1])) ||
                                     text[pos - 1] == '_');
        pos = end;
        if (!left_ok) {
            continue;
        }
        std::size_t i = end;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        if (i >= text.size() || text[i] != '(') {
            continue;
        }
        int depth = 0;
        for (; i < text.size(); ++i) {
            if (text[i] == '(') {
                ++depth;
            } else if (text[i] == ')' && --depth == 0) {
                break;
            }
        }
        std::size_t brace = text.find_first_of("{;", i);
        if (brace != std::string::npos && text[brace] == '{') {
            // Only whitespace, qualifiers and comments-free words may sit between ')' and '{'.
            std::string between = text.substr(i + 1, brace - i - 1);
            if (between.find_first_of("()=,") == std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::vector<fs::path> included_code_files(const fs::path& file) {
    std::vector<fs::path> out;
    static const std::regex inc(R"re(^\s*#\s*include\s*"([^"]+\.(c|cc|cpp|cxx))")re");
    std::string text;
    try {
        text = read_file(file);
    } catch (const Error&) {
        return out;
    }
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? nl : nl - start);
        std::smatch m;
        if (std::regex_search(line, m, inc)) {
            fs::path p = file.parent_path() / m[1].str();
            std::error_code ec;
            if (fs::is_regular_file(p, ec)) {
                out.push_back(fs::weakly_canonical(p, ec));
            }
        }
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

fs::path injected_source(const DesignSpec& design) {
    if (design.sources.empty()) {
        throw InputError(design.dir, "design has no source files");
    }
    if (!design.top.empty()) {
        // The file that defines the top, not one that only calls it (a main.c next to it).
        for (const auto& src : design.sources) {
            if (defines(read_file(src), design.top)) {
                return src;
            }
        }
        // A program built from #included .c files: main.c includes the kernel's file.
        for (const auto& src : design.sources) {
            for (const auto& inc : included_code_files(src)) {
                if (defines(read_file(inc), design.top)) {
                    return inc;
                }
            }
        }
        for (const auto& src : design.sources) {
            std::string text = read_file(src);
            if (text.find(design.top + "(") != std::string::npos ||
                text.find(design.top + " (") != std::string::npos) {
                return src;
            }
        }
    }
    return design.sources.front();
}

parse::Dut dut_of(const DesignSpec& design, const fs::path& injected,
                  const parse::DesignFacts& injected_facts) {
    // The call graph spans every source and the code files they include, so a kernel that
    // calls a helper defined in another file keeps that helper in the DUT (and vice versa).
    std::vector<parse::DesignFacts> others;
    std::vector<fs::path> files;
    auto add = [&](const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        if (c == fs::weakly_canonical(injected, ec) ||
            std::find(files.begin(), files.end(), c) != files.end()) {
            return;
        }
        files.push_back(c);
    };
    for (const auto& s : design.sources) {
        add(s);
        for (const auto& inc : included_code_files(s)) {
            add(inc);
        }
    }
    parse::Options po;
    po.top = design.top;
    po.use_libclang = false;
    for (const auto& f : files) {
        try {
            others.push_back(parse::parse_source(f.string(), read_file(f), po));
        } catch (const Error&) {
            // An unreadable side file only loses its call edges.
        }
    }
    std::vector<const parse::DesignFacts*> all{&injected_facts};
    for (const auto& o : others) {
        all.push_back(&o);
    }
    return parse::design_under_test(all, design.top, design.dut);
}

std::string dut_function_of(const parse::Dut& dut, const parse::DesignFacts& facts, int first,
                            int last, std::string* outside) {
    std::string fn;
    for (int l = first; l <= std::max(first, last); ++l) {
        std::string f = dut.function_at(facts, l);
        if (f.empty()) {
            if (outside) {
                *outside = fmt::format("line {} is not in the design under test ({})", l,
                                       fmt::join(dut.functions, ", "));
            }
            return {};
        }
        if (fn.empty()) {
            fn = f;
        }
    }
    return fn;
}

} // namespace hlsv::inject
