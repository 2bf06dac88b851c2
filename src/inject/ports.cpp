// How a function's body uses its ports, for the interface rules.
#include "ports.h"

#include <algorithm>
#include <cctype>

namespace hlsv::inject {

std::vector<Port> ports_of(const Scan& s, const ScanFunction& f) {
    std::vector<std::string> loop_vars;
    for (const auto& l : s.loops) {
        if (l.function == f.name && !l.var.empty()) {
            loop_vars.push_back(l.var);
        }
    }
    auto known = [&](std::string_view w) {
        std::string n(w);
        bool caps = std::all_of(n.begin(), n.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) ||
                   std::isdigit(static_cast<unsigned char>(c)) || c == '_';
        });
        return caps || std::find(loop_vars.begin(), loop_vars.end(), n) != loop_vars.end() ||
               std::find(f.params.begin(), f.params.end(), n) != f.params.end();
    };
    std::vector<Port> out;
    auto [b, e] = token_range(s, f.body_begin, f.body_end);
    for (const auto& name : f.params) {
        Port p;
        p.name = name;
        p.is_array =
            std::find(f.array_params.begin(), f.array_params.end(), name) != f.array_params.end();
        for (const auto& pr : s.pragmas) {
            if (pr.function == f.name && pr.directive == "interface") {
                auto it = pr.options.find("port");
                if (it != pr.options.end() && it->second == name) {
                    p.pragma = &pr;
                    p.mode = interface_mode(pr);
                }
            }
        }
        for (std::size_t i = b; i + 1 < e; ++i) {
            if (s.toks[i].text != name || s.toks[i + 1].text != "[") {
                continue;
            }
            ++p.accesses;
            int depth = 0;
            std::size_t idx_tokens = 0;
            for (std::size_t j = i + 1; j < e; ++j) {
                depth += s.toks[j].text == "[" ? 1 : s.toks[j].text == "]" ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                if (j == i + 1) {
                    continue;
                }
                ++idx_tokens;
                if (s.toks[j].kind == TokKind::ident && !known(s.toks[j].text)) {
                    p.data_dependent = true;
                }
                if (s.toks[j].kind != TokKind::ident ||
                    std::find(loop_vars.begin(), loop_vars.end(), std::string(s.toks[j].text)) ==
                        loop_vars.end()) {
                    p.simple = false;
                }
            }
            if (idx_tokens != 1) {
                p.simple = false;
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace hlsv::inject
