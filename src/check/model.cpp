#include "model.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>

namespace hlsv::check {

namespace {

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Expands the function-like macros in `text` (arguments substituted token-wise, the result
// expanded again, a few levels deep): enough for declarator macros, not a preprocessor.
std::string expand_function_macros(std::string_view text,
                                   const std::map<std::string, FunctionMacro>& macros,
                                   int depth = 0) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (!ident_char(text[i]) || std::isdigit(static_cast<unsigned char>(text[i]))) {
            out += text[i++];
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && ident_char(text[i])) {
            ++i;
        }
        std::string name(text.substr(start, i - start));
        auto it = macros.find(name);
        std::size_t open = i;
        while (open < text.size() && text[open] == ' ') {
            ++open;
        }
        if (it == macros.end() || depth > 8 || open >= text.size() || text[open] != '(') {
            out += name;
            continue;
        }
        // The arguments, split at top-level commas.
        std::vector<std::string> args(1);
        int level = 0;
        std::size_t k = open + 1;
        for (; k < text.size(); ++k) {
            char c = text[k];
            if (c == '(') {
                ++level;
            } else if (c == ')' && level-- == 0) {
                break;
            } else if (c == ',' && level == 0) {
                args.emplace_back();
                continue;
            }
            args.back() += c;
        }
        if (k >= text.size()) {
            out += name;
            continue;
        }
        i = k + 1;
        const FunctionMacro& m = it->second;
        std::string body;
        for (std::size_t b = 0; b < m.body.size();) {
            if (!ident_char(m.body[b])) {
                body += m.body[b++];
                continue;
            }
            std::size_t s = b;
            while (b < m.body.size() && ident_char(m.body[b])) {
                ++b;
            }
            std::string tok = m.body.substr(s, b - s);
            auto p = std::find(m.params.begin(), m.params.end(), tok);
            std::size_t idx = static_cast<std::size_t>(p - m.params.begin());
            body += p != m.params.end() && idx < args.size() ? std::string(trim(args[idx])) : tok;
        }
        out += expand_function_macros(body, macros, depth + 1);
    }
    return out;
}

} // namespace
namespace {

// Declarator chains: `*p`, `&r`, `a[4][8]`, `x = 3` down to the identifier.
struct DeclaratorInfo {
    std::string name;
    std::vector<TSNode> sizes; ///< outermost first
    bool pointer = false;
    bool reference = false;
    bool has_init = false;
    bool function = false;
};

DeclaratorInfo read_declarator(TSNode d, std::string_view src) {
    DeclaratorInfo info;
    std::vector<TSNode> sizes_inner_last;
    while (!ts_node_is_null(d)) {
        std::string_view t = node_type(d);
        if (t == "identifier" || t == "field_identifier" || t == "type_identifier") {
            info.name = std::string(text_of(d, src));
            break;
        }
        if (t == "init_declarator") {
            info.has_init = true;
            d = field(d, "declarator");
        } else if (t == "array_declarator") {
            sizes_inner_last.push_back(field(d, "size"));
            d = field(d, "declarator");
        } else if (t == "pointer_declarator") {
            info.pointer = true;
            d = field(d, "declarator");
        } else if (t == "reference_declarator") {
            info.reference = true;
            d = ts_node_named_child_count(d) ? ts_node_named_child(d, 0) : TSNode{};
        } else if (t == "function_declarator") {
            info.function = true;
            d = field(d, "declarator");
        } else if (t == "parenthesized_declarator") {
            d = ts_node_named_child_count(d) ? ts_node_named_child(d, 0) : TSNode{};
        } else {
            break;
        }
    }
    // a[4][8] nests as array(array(a, 4), 8): the walk met 8 first.
    info.sizes.assign(sizes_inner_last.rbegin(), sizes_inner_last.rend());
    return info;
}

bool has_child_text(TSNode n, std::string_view type, std::string_view text, std::string_view src) {
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (node_type(c) == type && text_of(c, src) == text) {
            return true;
        }
    }
    return false;
}

bool is_loop_node(TSNode n) {
    return is(n, "for_statement") || is(n, "while_statement") || is(n, "do_statement");
}

} // namespace

std::string LoopInfo::describe() const {
    if (!label.empty()) {
        return "'" + label + "'";
    }
    return "at line " + std::to_string(line);
}

namespace {
std::string active_text(std::string text, const parse::Defines& defines, int& skipped, int& regions,
                        int& first) {
    parse::PreprocResult r = parse::blank_inactive(text, defines);
    skipped = r.skipped_lines;
    regions = r.skipped_regions;
    first = r.first_skipped_line;
    return std::move(r.text);
}
} // namespace

Model::Model(std::string file_name, std::string text, const std::vector<std::string>& include_dirs,
             const parse::Defines& defines, ParseCache* cache)
    : name(std::move(file_name)), src(active_text(std::move(text), defines, skipped_lines,
                                                  skipped_regions, first_skipped_line)),
      defines_(defines) {
    tree = parse_with(cache, src.text());
    TSNode root = tree->root();
    std::vector<std::string> seen{name};
    collect_symbols(root, src.text(), 0, name, include_dirs, seen);
    if (ts_node_has_error(root)) {
        walk(root, [&](TSNode n) {
            if (!ts_node_has_error(n)) {
                return false;
            }
            if (is(n, "ERROR") || ts_node_is_missing(n)) {
                error_lines.push_back(line_of(n));
            }
            return true;
        });
    }
    build(root, -1, std::nullopt, BuildContext{});
}

void Model::collect_symbols(TSNode root, std::string_view text, int depth, const std::string& file,
                            const std::vector<std::string>& include_dirs,
                            std::vector<std::string>& seen) {
    walk(root, [&](TSNode n) {
        std::string_view t = node_type(n);
        if (t == "preproc_function_def") {
            TSNode nm = field(n, "name");
            TSNode params = field(n, "parameters");
            TSNode val = field(n, "value");
            if (!ts_node_is_null(nm) && !ts_node_is_null(params) && !ts_node_is_null(val)) {
                FunctionMacro fm;
                walk(params, [&](TSNode c) {
                    if (is(c, "identifier")) {
                        fm.params.emplace_back(text_of(c, text));
                    }
                    return true;
                });
                fm.body = std::string(trim(text_of(val, text)));
                if (auto c = fm.body.find("//"); c != std::string::npos) {
                    fm.body = std::string(trim(fm.body.substr(0, c)));
                }
                function_macros[std::string(text_of(nm, text))] = std::move(fm);
            }
            return false;
        }
        if (t == "preproc_def") {
            TSNode nm = field(n, "name");
            TSNode val = field(n, "value");
            if (!ts_node_is_null(nm) && !ts_node_is_null(val)) {
                std::string v(trim(text_of(val, text)));
                // Drop a trailing // comment from the macro body.
                if (auto c = v.find("//"); c != std::string::npos) {
                    v = std::string(trim(v.substr(0, c)));
                }
                symbols[std::string(text_of(nm, text))] = v;
            }
            return false;
        }
        if (t == "type_definition") {
            TSNode ty = field(n, "type");
            TSNode d = field(n, "declarator");
            if (!ts_node_is_null(ty) && !ts_node_is_null(d)) {
                typedefs[std::string(text_of(d, text))] = std::string(text_of(ty, text));
            }
            return false;
        }
        if (t == "alias_declaration") {
            TSNode nm = field(n, "name");
            TSNode ty = field(n, "type");
            if (!ts_node_is_null(nm) && !ts_node_is_null(ty)) {
                typedefs[std::string(text_of(nm, text))] = std::string(text_of(ty, text));
            }
            return false;
        }
        if (t == "enumerator_list") {
            std::string prev;
            long long next = 0;
            uint32_t count = ts_node_named_child_count(n);
            for (uint32_t i = 0; i < count; ++i) {
                TSNode e = ts_node_named_child(n, i);
                if (!is(e, "enumerator")) {
                    continue;
                }
                std::string nm(text_of(field(e, "name"), text));
                TSNode val = field(e, "value");
                if (!ts_node_is_null(val)) {
                    symbols[nm] = std::string(text_of(val, text));
                    prev = nm;
                    next = 1;
                } else if (prev.empty()) {
                    symbols[nm] = std::to_string(next++);
                } else {
                    symbols[nm] = "(" + prev + ") + " + std::to_string(next++);
                }
            }
            return false;
        }
        if (t == "declaration" || t == "field_declaration") {
            bool is_const = has_child_text(n, "type_qualifier", "const", text) ||
                            has_child_text(n, "type_qualifier", "constexpr", text);
            if (!is_const) {
                return true;
            }
            for_each_field(n, "declarator", [&](TSNode d) {
                if (is(d, "init_declarator")) {
                    TSNode id = field(d, "declarator");
                    TSNode val = field(d, "value");
                    if (is(id, "identifier") && !ts_node_is_null(val) &&
                        !is(val, "initializer_list")) {
                        std::string_view v = text_of(val, text);
                        if (is(val, "argument_list") && v.size() >= 2) {
                            v = v.substr(1, v.size() - 2);
                        }
                        symbols.emplace(std::string(text_of(id, text)), std::string(v));
                    }
                }
            });
            return false;
        }
        if (t == "preproc_include" && depth < 4) {
            TSNode path = field(n, "path");
            // `<suite.h>` too, when it is in the design's include directories (PolyBench's
            // `-Iutilities`); system headers are never among them.
            bool angle = is(path, "system_lib_string");
            if (is(path, "string_literal") || angle) {
                std::string_view p = text_of(path, text);
                std::string rel(p.substr(1, p.size() >= 2 ? p.size() - 2 : 0));
                std::vector<fs::path> candidates;
                if (!angle) {
                    candidates.push_back(fs::path(file).parent_path() / rel);
                }
                for (const auto& dir : include_dirs) {
                    candidates.push_back(fs::path(dir) / rel);
                }
                for (const auto& c : candidates) {
                    std::error_code ec;
                    if (!fs::is_regular_file(c, ec) || fs::file_size(c, ec) > (1u << 20)) {
                        continue;
                    }
                    std::string key = fs::weakly_canonical(c, ec).string();
                    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
                        break;
                    }
                    seen.push_back(key);
                    merge_header(c, key, depth, include_dirs, seen);
                    break;
                }
            }
            return false;
        }
        return true;
    });
}

namespace {

// Symbols of a header, parsed once per process: checking a tree re-includes the same headers
// from every file, and parsing them again would dominate the run time.
struct HeaderSymbols {
    fs::file_time_type mtime;
    std::uintmax_t size = 0;
    Symbols symbols;
    std::map<std::string, std::string> typedefs;
    std::map<std::string, FunctionMacro> function_macros;
};

std::mutex g_header_mutex;
std::map<std::string, HeaderSymbols>& header_cache() {
    static std::map<std::string, HeaderSymbols> cache;
    return cache;
}

} // namespace

void Model::merge_header(const fs::path& path, const std::string& key, int depth,
                         const std::vector<std::string>& include_dirs,
                         std::vector<std::string>& seen) {
    std::error_code ec;
    auto mtime = fs::last_write_time(path, ec);
    auto size = fs::file_size(path, ec);
    // A header's values depend on the defines (`#ifdef MINI_DATASET` picks the sizes): cached
    // per set of defines.
    std::string cache_key = key;
    for (const auto& [k, v] : defines_) {
        cache_key += "\n" + k + "=" + v;
    }
    {
        std::lock_guard<std::mutex> lock(g_header_mutex);
        auto it = header_cache().find(cache_key);
        if (it != header_cache().end() && it->second.mtime == mtime && it->second.size == size) {
            for (const auto& [k, v] : it->second.symbols) {
                symbols.insert_or_assign(k, v);
            }
            for (const auto& [k, v] : it->second.typedefs) {
                typedefs.insert_or_assign(k, v);
            }
            for (const auto& [k, v] : it->second.function_macros) {
                function_macros.insert_or_assign(k, v);
            }
            return;
        }
    }
    Symbols saved_symbols = std::move(symbols);
    auto saved_typedefs = std::move(typedefs);
    auto saved_macros = std::move(function_macros);
    symbols.clear();
    typedefs.clear();
    function_macros.clear();
    try {
        std::string header = parse::blank_inactive(read_file(path), defines_).text;
        Tree htree(header);
        collect_symbols(htree.root(), header, depth + 1, path.string(), include_dirs, seen);
    } catch (const Error&) {
        // An unreadable header only makes values unknown.
    }
    {
        std::lock_guard<std::mutex> lock(g_header_mutex);
        header_cache()[cache_key] = HeaderSymbols{mtime, size, symbols, typedefs, function_macros};
    }
    for (auto& [k, v] : function_macros) {
        saved_macros.insert_or_assign(k, std::move(v));
    }
    function_macros = std::move(saved_macros);
    for (auto& [k, v] : symbols) {
        saved_symbols.insert_or_assign(k, std::move(v));
    }
    for (auto& [k, v] : typedefs) {
        saved_typedefs.insert_or_assign(k, std::move(v));
    }
    symbols = std::move(saved_symbols);
    typedefs = std::move(saved_typedefs);
}

std::optional<long long> Model::eval(TSNode n) const {
    if (ts_node_is_null(n)) {
        return std::nullopt;
    }
    return eval(text(n));
}

std::optional<long long> Model::eval(std::string_view expr) const {
    if (auto v = eval_const(expr, symbols); v || function_macros.empty()) {
        return v;
    }
    // `i < _PB_NI` where _PB_NI is `POLYBENCH_LOOP_BOUND(NI, ni)`: function-like macros in the
    // text and in the values of the names are expanded (once per model, only when needed).
    if (!expanded_symbols_) {
        expanded_symbols_ = symbols;
        for (auto& [k, v] : *expanded_symbols_) {
            if (v.find('(') != std::string::npos) {
                v = expand_function_macros(v, function_macros);
            }
        }
    }
    return eval_const(expand_function_macros(expr, function_macros), *expanded_symbols_);
}

std::optional<Affine> Model::affine(TSNode n) const {
    n = unwrap(n);
    if (ts_node_is_null(n)) {
        return std::nullopt;
    }
    std::string_view t = node_type(n);
    if (t == "number_literal") {
        auto v = eval(n);
        if (!v) {
            return std::nullopt;
        }
        Affine a;
        a.constant = *v;
        return a;
    }
    if (t == "identifier") {
        Affine a;
        if (auto v = eval(n)) {
            a.constant = *v;
        } else {
            a.coeff[std::string(text(n))] = 1;
        }
        return a;
    }
    if (t == "unary_expression") {
        std::string_view op = operator_of(n, src.text());
        auto inner = affine(field(n, "argument"));
        if (!inner || (op != "-" && op != "+")) {
            return std::nullopt;
        }
        if (op == "-") {
            inner->constant = -inner->constant;
            for (auto& [k, c] : inner->coeff) {
                c = -c;
            }
        }
        return inner;
    }
    if (t == "binary_expression") {
        std::string_view op = operator_of(n, src.text());
        auto l = affine(field(n, "left"));
        auto r = affine(field(n, "right"));
        if (!l || !r) {
            return std::nullopt;
        }
        if (op == "+" || op == "-") {
            long long sign = op == "+" ? 1 : -1;
            l->constant += sign * r->constant;
            for (const auto& [k, c] : r->coeff) {
                l->coeff[k] += sign * c;
            }
            return l;
        }
        if (op == "*" || op == "<<") {
            if (op == "<<") {
                if (!r->coeff.empty() || r->constant < 0 || r->constant > 30) {
                    return std::nullopt;
                }
                r->constant = 1LL << r->constant;
            }
            if (!r->coeff.empty() && !l->coeff.empty()) {
                return std::nullopt;
            }
            const Affine& var = l->coeff.empty() ? *r : *l;
            long long k = l->coeff.empty() ? l->constant : r->constant;
            Affine out;
            out.constant = var.constant * k;
            for (const auto& [name, c] : var.coeff) {
                out.coeff[name] = c * k;
            }
            return out;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

int Model::find_decl(std::string_view nm, int function) const {
    int global = -1;
    for (int i = static_cast<int>(decls.size()) - 1; i >= 0; --i) {
        const Decl& d = decls[i];
        if (d.name != nm) {
            continue;
        }
        if (function >= 0 && d.function == function) {
            return i;
        }
        if (d.is_global) {
            global = i;
        }
    }
    return global;
}

int Model::function_at(int line) const {
    for (int i = 0; i < static_cast<int>(functions.size()); ++i) {
        const auto& f = functions[i];
        if (ts_node_is_null(f.body)) {
            continue;
        }
        if (line >= line_of(f.body) && line <= end_line_of(f.body)) {
            return i;
        }
    }
    return -1;
}

bool Model::pipelined(const std::vector<int>& ids) const {
    for (int id : ids) {
        const auto& p = pragmas[id].p;
        if (p.directive == "pipeline" && !p.has("off")) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> Model::pipelined_ancestor(int loop) const {
    for (auto p = loops[loop].parent; p; p = loops[*p].parent) {
        if (loop_pipelined(*p)) {
            return "loop " + loops[*p].describe();
        }
    }
    int f = loops[loop].function;
    if (function_pipelined(f)) {
        return "function '" + functions[f].name + "'";
    }
    return std::nullopt;
}

const PragmaInfo* Model::unroll_pragma(int loop) const {
    for (int id : loops[loop].pragmas) {
        if (pragmas[id].p.directive == "unroll") {
            return &pragmas[id];
        }
    }
    return nullptr;
}

bool Model::fully_unrolled(int loop) const {
    if (const PragmaInfo* u = unroll_pragma(loop)) {
        if (u->p.has("off")) {
            return false;
        }
        auto f = u->p.get("factor");
        if (!f) {
            return true;
        }
        auto fv = eval(*f);
        const auto& l = loops[loop];
        return fv && l.trip && *fv >= *l.trip;
    }
    return pipelined_ancestor(loop).has_value();
}

std::optional<long long> Model::parallel_factor(int loop) const {
    const auto& l = loops[loop];
    if (fully_unrolled(loop)) {
        return l.trip;
    }
    if (const PragmaInfo* u = unroll_pragma(loop)) {
        if (auto f = u->p.get("factor"); f && !u->p.has("off")) {
            return eval(*f);
        }
    }
    return 1;
}

std::string Model::resolve_type(std::string_view type) const {
    std::string t(trim(type));
    for (int hops = 0; hops < 8; ++hops) {
        for (std::string_view q : {"const ", "volatile ", "static ", "constexpr "}) {
            while (t.rfind(q, 0) == 0) {
                t = std::string(trim(t.substr(q.size())));
            }
        }
        auto it = typedefs.find(t);
        if (it == typedefs.end()) {
            break;
        }
        t = std::string(trim(it->second));
    }
    return t;
}

std::optional<std::pair<int, bool>> Model::int_type(std::string_view type) const {
    std::string t = resolve_type(type);
    static const std::map<std::string, std::pair<int, bool>, std::less<>> k_builtin = {
        {"char", {8, true}},
        {"signed char", {8, true}},
        {"unsigned char", {8, false}},
        {"short", {16, true}},
        {"short int", {16, true}},
        {"unsigned short", {16, false}},
        {"int", {32, true}},
        {"signed", {32, true}},
        {"signed int", {32, true}},
        {"unsigned", {32, false}},
        {"unsigned int", {32, false}},
        {"long", {64, true}},
        {"unsigned long", {64, false}},
        {"long long", {64, true}},
        {"unsigned long long", {64, false}},
        {"int8_t", {8, true}},
        {"uint8_t", {8, false}},
        {"int16_t", {16, true}},
        {"uint16_t", {16, false}},
        {"int32_t", {32, true}},
        {"uint32_t", {32, false}},
        {"int64_t", {64, true}},
        {"uint64_t", {64, false}},
        {"bool", {1, false}},
        {"std::int8_t", {8, true}},
        {"std::uint8_t", {8, false}},
        {"std::int16_t", {16, true}},
        {"std::uint16_t", {16, false}},
        {"std::int32_t", {32, true}},
        {"std::uint32_t", {32, false}},
        {"std::int64_t", {64, true}},
        {"std::uint64_t", {64, false}}};
    if (auto it = k_builtin.find(t); it != k_builtin.end()) {
        return it->second;
    }
    for (std::string_view tmpl : {"ap_int<", "ap_uint<"}) {
        if (t.rfind(tmpl, 0) == 0 && t.back() == '>') {
            auto w = eval(std::string_view(t).substr(tmpl.size(), t.size() - tmpl.size() - 1));
            if (w && *w > 0 && *w <= 4096) {
                return std::make_pair(static_cast<int>(*w), tmpl == "ap_int<");
            }
        }
    }
    return std::nullopt;
}

// ---- building ---------------------------------------------------------------------------------

int Model::build(TSNode n, int function, std::optional<int> loop, BuildContext ctx) {
    std::string_view t = node_type(n);
    if (t == "function_definition") {
        add_function(n);
        function = static_cast<int>(functions.size()) - 1;
        TSNode body = field(n, "body");
        if (!ts_node_is_null(body)) {
            build(body, function, std::nullopt, BuildContext{n, TSNode{}});
        }
        return -1;
    }
    int own_loop = -1;
    if (t == "declaration") {
        add_declaration(n, function, false);
    } else if (is_loop_node(n)) {
        add_loop(n, function, loop);
        own_loop = static_cast<int>(loops.size()) - 1;
        loop = own_loop;
    } else if (t == "preproc_call") {
        TSNode dir = field(n, "directive");
        TSNode arg = field(n, "argument");
        if (!ts_node_is_null(dir) && text(dir) == "#pragma" && !ts_node_is_null(arg)) {
            add_pragma(n, text(arg), function, loop);
        }
        return -1;
    } else if (t == "call_expression") {
        TSNode fn = field(n, "function");
        if (is(fn, "identifier") && text(fn) == "_Pragma") {
            TSNode args = field(n, "arguments");
            std::string body;
            walk(args, [&](TSNode c) {
                if (is(c, "string_content")) {
                    body += std::string(text(c));
                }
                return true;
            });
            add_pragma(n, body, function, loop);
            return -1;
        }
    } else if (t == "subscript_expression") {
        bool outermost = !(is(ctx.parent, "subscript_expression") &&
                           ts_node_eq(field(ctx.parent, "argument"), n));
        if (outermost) {
            add_access(n, function, loop, ctx);
        }
    }
    BuildContext inner{n, ctx.condition};
    if (t == "if_statement" || t == "switch_statement" || t == "conditional_expression" ||
        t == "case_statement") {
        inner.condition = n;
    }
    // A loop written without braces whose header a pragma line follows (`for (...)` newline
    // `#pragma HLS pipeline` newline statement) parses with an empty body: tree-sitter ends the
    // loop at the directive, and the pragma and the statement become its siblings. Vitis binds
    // both to the loop (so does `hlsv parse`), so the siblings are taken into that loop here.
    int dangling = -1;
    int last_child_dangling = -1;
    TSNode skip{};
    // A cursor: ts_node_named_child(i) rescans from the first child, quadratic on big files.
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            TSNode child = ts_tree_cursor_current_node(&c);
            if (!ts_node_is_named(child)) {
                continue;
            }
            if (!ts_node_is_null(skip) && ts_node_eq(child, skip)) {
                continue; // the body of a macro loop, built below its header
            }
            if (dangling < 0) {
                if (TSNode body = macro_loop_body(child); !ts_node_is_null(body)) {
                    build(child, function, loop, inner);
                    add_macro_loop(child, body, function, loop);
                    build(body, function, static_cast<int>(loops.size()) - 1, inner);
                    skip = body;
                    last_child_dangling = -1;
                    continue;
                }
                last_child_dangling = build(child, function, loop, inner);
                dangling =
                    t == "compound_statement" || t == "translation_unit" || t == "case_statement"
                        ? last_child_dangling
                        : -1;
                continue;
            }
            if (is(child, "comment")) {
                continue;
            }
            int d = build(child, function, dangling, inner);
            if (is(child, "preproc_call")) {
                continue; // a pragma line between the header and the body
            }
            loops[dangling].body = child;
            loops[dangling].end_line = std::max(loops[dangling].end_line,
                                                static_cast<int>(ts_node_end_point(child).row) + 1);
            dangling = d;
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    if (own_loop >= 0) {
        // This loop's body is missing, or is a loop whose own body is: the innermost one takes
        // what follows.
        TSNode body = loops[own_loop].body;
        bool empty = ts_node_is_null(body) || ts_node_is_missing(body) ||
                     ts_node_start_byte(body) == ts_node_end_byte(body) ||
                     (is(body, "expression_statement") && ts_node_named_child_count(body) == 0 &&
                      ts_node_has_error(body));
        if (empty) {
            return own_loop;
        }
        return is_loop_node(body) || is(body, "labeled_statement") ? last_child_dangling : -1;
    }
    // A label passes on what its statement leaves open.
    return t == "labeled_statement" ? last_child_dangling : -1;
}

void Model::add_function(TSNode n) {
    FunctionInfo f;
    f.node = n;
    f.body = field(n, "body");
    f.line = line_of(n);
    f.col = col_of(n);
    TSNode d = field(n, "declarator");
    while (!ts_node_is_null(d) && !is(d, "function_declarator")) {
        d = ts_node_named_child_count(d) ? field(d, "declarator") : TSNode{};
    }
    TSNode params{};
    if (!ts_node_is_null(d)) {
        TSNode nm = field(d, "declarator");
        f.name = std::string(text(nm));
        params = field(d, "parameters");
    }
    functions.push_back(f);
    int fi = static_cast<int>(functions.size()) - 1;
    if (!ts_node_is_null(params)) {
        uint32_t count = ts_node_named_child_count(params);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode p = ts_node_named_child(params, i);
            if (is(p, "parameter_declaration") || is(p, "optional_parameter_declaration")) {
                add_declaration(p, fi, true);
            }
        }
    }
}

bool Model::add_macro_declared_param(TSNode declarator, TSNode type, int function) {
    // `DATA_TYPE POLYBENCH_2D(A, NI, NK, ni, nk)` reads as a function declarator named after the
    // macro; its expansion (`A[NI + 0][NK + 0]`) names the array and its sizes.
    TSNode name = field(declarator, "declarator");
    TSNode params = field(declarator, "parameters");
    if (!is(name, "identifier") || ts_node_is_null(params) ||
        function_macros.count(std::string(text(name))) == 0) {
        return false;
    }
    std::string expanded = expand_function_macros(
        std::string(text(name)) + std::string(text(params)), function_macros);
    std::string_view e = trim(expanded);
    std::size_t i = 0;
    while (i < e.size() && ident_char(e[i])) {
        ++i;
    }
    if (i == 0) {
        return false;
    }
    Decl d;
    d.name = std::string(e.substr(0, i));
    d.type = std::string(text(type));
    while (i < e.size()) {
        while (i < e.size() && e[i] == ' ') {
            ++i;
        }
        if (i >= e.size() || e[i] != '[') {
            break;
        }
        int level = 0;
        std::size_t k = i;
        for (; k < e.size(); ++k) {
            level += e[k] == '[' ? 1 : e[k] == ']' ? -1 : 0;
            if (level == 0) {
                break;
            }
        }
        if (k >= e.size()) {
            break;
        }
        // C99 lets qualifiers lead the size (`[restrict N]`), here through a macro that may be
        // empty (PolyBench's POLYBENCH_RESTRICT): dropped before the size is evaluated.
        std::string_view size = trim(e.substr(i + 1, k - i - 1));
        for (;;) {
            std::size_t w = 0;
            while (w < size.size() && ident_char(size[w])) {
                ++w;
            }
            std::string word(size.substr(0, w));
            auto sym = symbols.find(word);
            bool qualifier = word == "restrict" || word == "__restrict" || word == "__restrict__" ||
                             word == "const" || word == "volatile" || word == "static" ||
                             (sym != symbols.end() &&
                              (sym->second.empty() || sym->second == "restrict" ||
                               sym->second == "__restrict" || sym->second == "__restrict__"));
            // A name followed by another operand (`RESTRICT_MACRO N`) can only be a qualifier
            // where a size is expected, also when its (empty) definition was not read.
            std::string_view rest = trim(size.substr(w));
            bool juxtaposed = w > 0 && w < size.size() && !rest.empty() &&
                              ident_char(rest.front()) && word != "sizeof";
            if (w == 0 || w == size.size() || !(qualifier || juxtaposed)) {
                break;
            }
            size = trim(size.substr(w));
        }
        d.dims.push_back(eval(size));
        i = k + 1;
    }
    d.is_param = true;
    d.has_init = true;
    d.line = line_of(declarator);
    d.col = col_of(declarator);
    d.function = function;
    d.node = declarator;
    decls.push_back(std::move(d));
    functions[function].params.push_back(static_cast<int>(decls.size()) - 1);
    return true;
}

void Model::add_declaration(TSNode n, int function, bool is_param) {
    TSNode type = field(n, "type");
    if (ts_node_is_null(type)) {
        return;
    }
    bool is_static = has_child_text(n, "storage_class_specifier", "static", src.text());
    bool is_const = has_child_text(n, "type_qualifier", "const", src.text()) ||
                    has_child_text(n, "type_qualifier", "constexpr", src.text());
    for_each_field(n, "declarator", [&](TSNode dn) {
        DeclaratorInfo info = read_declarator(dn, src.text());
        if (is_param && info.function && is(dn, "function_declarator") &&
            add_macro_declared_param(dn, type, function)) {
            return;
        }
        if (info.name.empty() || info.function) {
            return;
        }
        Decl d;
        d.name = info.name;
        d.type = std::string(text(type));
        for (TSNode s : info.sizes) {
            d.dims.push_back(ts_node_is_null(s) ? std::nullopt : eval(s));
        }
        d.is_pointer = info.pointer;
        d.is_reference = info.reference;
        d.is_param = is_param;
        d.is_static = is_static;
        d.is_const = is_const;
        d.is_global = function < 0;
        d.has_init = info.has_init || is_param;
        d.line = line_of(dn);
        d.col = col_of(dn);
        d.function = function;
        d.node = n;
        decls.push_back(std::move(d));
        if (is_param) {
            functions[function].params.push_back(static_cast<int>(decls.size()) - 1);
        }
    });
}

TSNode Model::macro_loop_body(TSNode stmt) const {
    // `FOR_EACH(i, N) { ... }`: a call statement with no semicolon, then a block. That is no
    // valid C or C++ unless the call is a macro that expands to a loop header.
    if (!is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1 ||
        !is(ts_node_named_child(stmt, 0), "call_expression")) {
        return TSNode{};
    }
    uint32_t n = ts_node_child_count(stmt);
    TSNode last = ts_node_child(stmt, n - 1);
    if (!ts_node_is_named(last) && !ts_node_is_missing(last) && text(last) == ";") {
        return TSNode{};
    }
    TSNode next = ts_node_next_named_sibling(stmt);
    while (is(next, "comment")) {
        next = ts_node_next_named_sibling(next);
    }
    return is(next, "compound_statement") ? next : TSNode{};
}

void Model::add_macro_loop(TSNode header, TSNode body, int function, std::optional<int> parent) {
    LoopInfo l;
    l.id = static_cast<int>(loops.size());
    l.node = header;
    l.kind = "macro";
    l.body = body;
    l.line = line_of(header);
    l.col = col_of(header);
    l.end_line = end_line_of(body);
    l.parent = parent;
    l.function = function;
    if (parent) {
        loops[*parent].children.push_back(l.id);
    }
    loops.push_back(std::move(l));
}

void Model::add_loop(TSNode n, int function, std::optional<int> parent) {
    LoopInfo l;
    l.id = static_cast<int>(loops.size());
    l.node = n;
    l.kind = is(n, "for_statement") ? "for" : is(n, "while_statement") ? "while" : "do";
    l.body = field(n, "body");
    l.line = line_of(n);
    l.col = col_of(n);
    l.end_line = end_line_of(n);
    l.parent = parent;
    l.function = function;
    TSNode up = ts_node_parent(n);
    if (is(up, "labeled_statement")) {
        l.label = std::string(text(field(up, "label")));
    }
    if (l.kind == "for") {
        TSNode init = field(n, "initializer");
        TSNode init_value{};
        if (is(init, "declaration")) {
            TSNode d = field(init, "declarator");
            if (is(d, "init_declarator") && is(field(d, "declarator"), "identifier")) {
                l.iv = std::string(text(field(d, "declarator")));
                l.iv_type = std::string(text(field(init, "type")));
                init_value = field(d, "value");
            }
        } else if (is(init, "assignment_expression") && is(field(init, "left"), "identifier")) {
            l.iv = std::string(text(field(init, "left")));
            init_value = field(init, "right");
            if (int di = find_decl(l.iv, function); di >= 0) {
                l.iv_type = decls[di].type;
            }
        }
        if (!l.iv.empty()) {
            l.init = eval(init_value);
            TSNode cond = field(n, "condition");
            if (is(cond, "binary_expression")) {
                std::string op(operator_of(cond, src.text()));
                TSNode left = unwrap(field(cond, "left"));
                TSNode right = unwrap(field(cond, "right"));
                if (is(left, "identifier") && text(left) == l.iv) {
                    l.cond_op = op;
                    l.bound = eval(right);
                } else if (is(right, "identifier") && text(right) == l.iv) {
                    static const std::map<std::string, std::string> flip = {
                        {"<", ">"}, {">", "<"}, {"<=", ">="}, {">=", "<="}, {"!=", "!="}};
                    auto it = flip.find(op);
                    l.cond_op = it == flip.end() ? "" : it->second;
                    l.bound = eval(left);
                }
            }
            TSNode upd = field(n, "update");
            if (is(upd, "update_expression") && text(unwrap(field(upd, "argument"))) == l.iv) {
                l.step = operator_of(upd, src.text()) == "++" ? 1 : -1;
            } else if (is(upd, "assignment_expression") && text(field(upd, "left")) == l.iv) {
                std::string_view op = operator_of(upd, src.text());
                auto r = eval(field(upd, "right"));
                if (r && op == "+=") {
                    l.step = *r;
                } else if (r && op == "-=") {
                    l.step = -*r;
                } else if (op == "=") {
                    auto a = affine(field(upd, "right"));
                    if (a && a->coeff.size() == 1 && a->coeff.begin()->first == l.iv &&
                        a->coeff.begin()->second == 1) {
                        l.step = a->constant;
                    }
                }
            }
            if (l.init && l.bound && l.step && *l.step != 0) {
                long long i0 = *l.init, b = *l.bound, s = *l.step;
                std::optional<long long> trip;
                if (l.cond_op == "<" && s > 0) {
                    trip = b > i0 ? (b - i0 + s - 1) / s : 0;
                } else if (l.cond_op == "<=" && s > 0) {
                    trip = b >= i0 ? (b - i0) / s + 1 : 0;
                } else if (l.cond_op == ">" && s < 0) {
                    trip = i0 > b ? (i0 - b - s - 1) / -s : 0;
                } else if (l.cond_op == ">=" && s < 0) {
                    trip = i0 >= b ? (i0 - b) / -s + 1 : 0;
                } else if (l.cond_op == "!=" && (b - i0) % s == 0 && (b - i0) / s >= 0) {
                    trip = (b - i0) / s;
                }
                l.trip = trip;
            }
        }
    }
    loops.push_back(std::move(l));
    if (parent) {
        loops[*parent].children.push_back(static_cast<int>(loops.size()) - 1);
    }
}

void Model::add_pragma(TSNode n, std::string_view text_after, int function,
                       std::optional<int> loop) {
    PragmaInfo p;
    // Join `\`-continued lines.
    std::string joined;
    for (std::size_t i = 0; i < text_after.size(); ++i) {
        if (text_after[i] == '\\' && i + 1 < text_after.size() &&
            (text_after[i + 1] == '\n' || text_after[i + 1] == '\r')) {
            joined += ' ';
            continue;
        }
        joined += text_after[i] == '\n' || text_after[i] == '\r' ? ' ' : text_after[i];
    }
    // Drop a trailing comment.
    if (auto c = joined.find("//"); c != std::string::npos) {
        joined.resize(c);
    }
    p.text = std::string(trim(joined));
    p.p = parse_pragma_text(p.text);
    if (p.p.directive.empty()) {
        return;
    }
    // A conditional pragma whose condition is known false does not apply (as Vitis drops it);
    // an unknown condition (a template parameter) keeps it.
    if (p.p.condition) {
        if (auto v = eval(*p.p.condition); v && *v == 0) {
            return;
        }
    }
    p.line = line_of(n);
    p.col = col_of(n);
    p.function = function;
    p.loop = loop;
    p.node = n;
    // Which block holds it: the function body, a loop body, or something else (if, plain block).
    // Nested only when provably so: an if/else/switch/try body or a plain block (an ERROR
    // parent, from code tree-sitter cannot parse, proves nothing).
    TSNode block = ts_node_parent(n);
    if (is(block, "expression_statement")) {
        block = ts_node_parent(block);
    }
    auto conditional = [](TSNode o) {
        return is(o, "if_statement") || is(o, "else_clause") || is(o, "switch_statement") ||
               is(o, "case_statement") || is(o, "try_statement") || is(o, "catch_clause") ||
               is(o, "compound_statement");
    };
    if (loop && ts_node_eq(loops[*loop].body, block)) {
        p.in_nested_block = false; // the block of a loop macro, or a brace-less body taken in
    } else if (is(block, "compound_statement")) {
        p.in_nested_block = conditional(ts_node_parent(block));
    } else {
        p.in_nested_block =
            is(block, "if_statement") || is(block, "else_clause") || is(block, "case_statement");
    }
    pragmas.push_back(std::move(p));
    int id = static_cast<int>(pragmas.size()) - 1;
    if (loop) {
        loops[*loop].pragmas.push_back(id);
    } else if (function >= 0) {
        functions[function].pragmas.push_back(id);
    }
}

void Model::add_access(TSNode n, int function, std::optional<int> loop, BuildContext ctx) {
    Access a;
    a.node = n;
    TSNode base = n;
    std::vector<TSNode> idx_last_first;
    while (is(base, "subscript_expression")) {
        TSNode list = field(base, "indices");
        TSNode idx = ts_node_is_null(list) ? field(base, "index") : list;
        if (is(idx, "subscript_argument_list")) {
            idx = ts_node_named_child_count(idx) == 1 ? ts_node_named_child(idx, 0) : TSNode{};
        }
        idx_last_first.push_back(idx);
        base = unwrap(field(base, "argument"));
    }
    if (!is(base, "identifier")) {
        return;
    }
    a.name = std::string(text(base));
    a.indices.assign(idx_last_first.rbegin(), idx_last_first.rend());
    a.decl = find_decl(a.name, function);
    a.line = line_of(n);
    a.col = col_of(n);
    a.loop = loop;
    a.function = function;
    a.condition = ctx.condition;
    TSNode parent = ctx.parent;
    if (is(parent, "assignment_expression") && ts_node_eq(field(parent, "left"), n)) {
        a.write = true;
        a.read = operator_of(parent, src.text()) != "=";
    } else if (is(parent, "update_expression")) {
        a.write = a.read = true;
    } else {
        a.read = true;
    }
    accesses.push_back(std::move(a));
}

} // namespace hlsv::check
