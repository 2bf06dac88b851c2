#include "util.h"

#include <algorithm>
#include <cctype>

namespace hlsv::check {

std::string bare_name(std::string_view value) {
    std::string s(trim(value));
    for (std::string_view sep : {".", "->", "["}) {
        if (auto p = s.find(sep); p != std::string::npos) {
            s.resize(p);
        }
    }
    return s;
}

int pragma_target(const Model& m, const PragmaInfo& p, std::string_view key) {
    auto v = p.p.get(key);
    if (!v || v->empty()) {
        return -1;
    }
    int function = p.function >= 0 ? p.function : m.function_at(p.line);
    return m.find_decl(bare_name(*v), function);
}

std::string interface_mode(const PragmaInfo& p) {
    return p.p.get("mode").value_or("");
}

std::vector<const Access*> accesses_of(const Model& m, int decl) {
    std::vector<const Access*> out;
    for (const auto& a : m.accesses) {
        if (a.decl == decl) {
            out.push_back(&a);
        }
    }
    return out;
}

bool loop_within(const Model& m, std::optional<int> inner, int outer) {
    for (auto l = inner; l; l = m.loops[*l].parent) {
        if (*l == outer) {
            return true;
        }
    }
    return false;
}

std::vector<int> loop_chain(const Model& m, std::optional<int> innermost) {
    std::vector<int> out;
    for (auto l = innermost; l; l = m.loops[*l].parent) {
        out.push_back(*l);
    }
    return out;
}

bool conditional_within(TSNode n, TSNode region) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (!ts_node_is_null(region) && ts_node_eq(p, region)) {
            return false;
        }
        if (is(p, "if_statement") || is(p, "switch_statement") || is(p, "conditional_expression") ||
            is(p, "case_statement")) {
            return true;
        }
        if (is(p, "function_definition")) {
            return false;
        }
    }
    return false;
}

bool conditional_within(const Access& a, TSNode region) {
    if (ts_node_is_null(a.condition)) {
        return false;
    }
    return ts_node_is_null(region) ||
           (contains(region, a.condition) && !ts_node_eq(region, a.condition));
}

std::optional<std::string> variable_in(const Model& m, std::string_view expr, int function) {
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t i = 0; i < expr.size();) {
        if (!ident(expr[i]) || std::isdigit(static_cast<unsigned char>(expr[i]))) {
            while (i < expr.size() && ident(expr[i])) {
                ++i; // the rest of a number such as 0x10 or 4u
            }
            i += i < expr.size() && !ident(expr[i]);
            continue;
        }
        std::size_t start = i;
        while (i < expr.size() && ident(expr[i])) {
            ++i;
        }
        std::string_view name = expr.substr(start, i - start);
        // A qualified or member name (T::n, cfg.n, p->n) is not a plain variable of ours.
        bool qualified = (start >= 2 && expr.substr(start - 2, 2) == "::") ||
                         (start >= 1 && expr[start - 1] == '.') ||
                         (start >= 2 && expr.substr(start - 2, 2) == "->") ||
                         expr.substr(i, 2) == "::";
        if (qualified || m.eval(name)) {
            continue;
        }
        int d = m.find_decl(name, function);
        if (d >= 0 && !m.decls[d].is_const && !m.decls[d].is_array()) {
            return std::string(name);
        }
    }
    return std::nullopt;
}

std::string at_line(int line) {
    return "line " + std::to_string(line);
}

std::string describe_decl(const Decl& d) {
    std::string kind = d.is_param    ? "parameter"
                       : d.is_global ? "global"
                       : d.is_static ? "static local"
                                     : "local";
    std::string what = d.is_stream()  ? " stream"
                       : d.is_array() ? " array"
                       : d.is_pointer ? " pointer"
                                      : " scalar";
    return kind + what + " '" + d.name + "'";
}

std::vector<int> callee_params(const Model& m, int decl, int depth) {
    std::vector<int> out;
    if (decl < 0 || depth <= 0) {
        return out;
    }
    const Decl& d = m.decls[decl];
    for (int f = 0; f < static_cast<int>(m.functions.size()); ++f) {
        if (!d.is_global && d.function != f) {
            continue;
        }
        walk(m.functions[f].body, [&](TSNode n) {
            if (!is(n, "call_expression")) {
                return true;
            }
            TSNode fn = field(n, "function");
            if (is(fn, "template_function")) {
                fn = field(fn, "name");
            }
            TSNode args = field(n, "arguments");
            if (!is(fn, "identifier") || ts_node_is_null(args)) {
                return true;
            }
            std::string_view callee = m.text(fn);
            uint32_t count = ts_node_named_child_count(args);
            for (uint32_t i = 0; i < count; ++i) {
                TSNode a = unwrap(ts_node_named_child(args, i));
                if (!is(a, "identifier") || m.text(a) != d.name || m.find_decl(d.name, f) != decl) {
                    continue;
                }
                for (int g = 0; g < static_cast<int>(m.functions.size()); ++g) {
                    const FunctionInfo& gi = m.functions[g];
                    if (g == f || gi.name != callee || ts_node_is_null(gi.body) ||
                        gi.params.size() <= i) {
                        continue;
                    }
                    int p = gi.params[i];
                    if (std::find(out.begin(), out.end(), p) == out.end()) {
                        out.push_back(p);
                        for (int q : callee_params(m, p, depth - 1)) {
                            if (std::find(out.begin(), out.end(), q) == out.end()) {
                                out.push_back(q);
                            }
                        }
                    }
                }
            }
            return true;
        });
    }
    return out;
}

} // namespace hlsv::check
