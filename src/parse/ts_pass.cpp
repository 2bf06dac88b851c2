// Pass 1: facts from the tree-sitter C++ grammar. One linear walk with a tree cursor (never
// ts_node_child(i), which is linear per call), node kinds compared as small integers, and
// expressions evaluated after the walk so constants defined anywhere in the file are known.
#include "internal.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_cpp(void);

namespace hlsv::parse::detail {

namespace {

enum class K : std::uint8_t {
    other,
    error,
    function_definition,
    function_declarator,
    parameter_declaration,
    declaration,
    init_declarator,
    array_declarator,
    pointer_declarator,
    reference_declarator,
    parenthesized_declarator,
    identifier,
    qualified_identifier,
    template_type,
    template_function,
    compound_statement,
    for_statement,
    for_range_loop,
    while_statement,
    do_statement,
    labeled_statement,
    preproc_call,
    preproc_def,
    call_expression,
    expression_statement,
    enumerator,
    update_expression,
    assignment_expression,
    binary_expression,
    parenthesized_expression,
    string_literal,
    type_qualifier,
    storage_class_specifier,
    field_identifier,
    comment,
};

/// Symbol table and field ids of the grammar, built once per process.
struct Grammar {
    const TSLanguage* lang = nullptr;
    std::vector<K> kinds; // by symbol id
    /// Expression-like symbols whose subtree can hold a fact only through a call, a template
    /// type or a lambda, i.e. only when its text has '(', '<' or '{' (see Walker::visit).
    std::vector<bool> plain_expr;
    TSFieldId f_declarator = 0, f_body = 0, f_type = 0, f_parameters = 0, f_initializer = 0,
              f_condition = 0, f_update = 0, f_left = 0, f_right = 0, f_operator = 0, f_value = 0,
              f_name = 0, f_arguments = 0, f_label = 0, f_size = 0, f_argument = 0, f_function = 0,
              f_directive = 0, f_scope = 0;

    Grammar() {
        lang = tree_sitter_cpp();
        static const std::pair<const char*, K> names[] = {
            {"ERROR", K::error},
            {"function_definition", K::function_definition},
            {"function_declarator", K::function_declarator},
            {"parameter_declaration", K::parameter_declaration},
            {"optional_parameter_declaration", K::parameter_declaration},
            {"declaration", K::declaration},
            {"init_declarator", K::init_declarator},
            {"array_declarator", K::array_declarator},
            {"pointer_declarator", K::pointer_declarator},
            {"reference_declarator", K::reference_declarator},
            {"parenthesized_declarator", K::parenthesized_declarator},
            {"identifier", K::identifier},
            {"qualified_identifier", K::qualified_identifier},
            {"template_type", K::template_type},
            {"template_function", K::template_function},
            {"compound_statement", K::compound_statement},
            {"for_statement", K::for_statement},
            {"for_range_loop", K::for_range_loop},
            {"while_statement", K::while_statement},
            {"do_statement", K::do_statement},
            {"labeled_statement", K::labeled_statement},
            {"preproc_call", K::preproc_call},
            {"preproc_def", K::preproc_def},
            {"call_expression", K::call_expression},
            {"expression_statement", K::expression_statement},
            {"enumerator", K::enumerator},
            {"update_expression", K::update_expression},
            {"assignment_expression", K::assignment_expression},
            {"binary_expression", K::binary_expression},
            {"parenthesized_expression", K::parenthesized_expression},
            {"string_literal", K::string_literal},
            {"type_qualifier", K::type_qualifier},
            {"storage_class_specifier", K::storage_class_specifier},
            {"field_identifier", K::field_identifier},
            {"comment", K::comment},
        };
        static const char* const exprs[] = {
            "expression_statement", "return_statement",       "init_declarator",
            "binary_expression",    "assignment_expression",  "subscript_expression",
            "update_expression",    "condition_clause",       "parenthesized_expression",
            "field_expression",     "pointer_expression",     "unary_expression",
            "initializer_list",     "conditional_expression", "subscript_argument_list"};
        uint32_t n = ts_language_symbol_count(lang);
        kinds.assign(n, K::other);
        plain_expr.assign(n, false);
        for (uint32_t s = 0; s < n; ++s) {
            if (ts_language_symbol_type(lang, static_cast<TSSymbol>(s)) != TSSymbolTypeRegular) {
                continue;
            }
            const char* nm = ts_language_symbol_name(lang, static_cast<TSSymbol>(s));
            for (const auto& [name, k] : names) {
                if (std::strcmp(nm, name) == 0) {
                    kinds[s] = k;
                }
            }
            for (const char* e : exprs) {
                if (std::strcmp(nm, e) == 0) {
                    plain_expr[s] = true;
                }
            }
        }
        auto field = [&](const char* name) {
            return ts_language_field_id_for_name(lang, name,
                                                 static_cast<uint32_t>(std::strlen(name)));
        };
        f_declarator = field("declarator");
        f_body = field("body");
        f_type = field("type");
        f_parameters = field("parameters");
        f_initializer = field("initializer");
        f_condition = field("condition");
        f_update = field("update");
        f_left = field("left");
        f_right = field("right");
        f_operator = field("operator");
        f_value = field("value");
        f_name = field("name");
        f_arguments = field("arguments");
        f_label = field("label");
        f_size = field("size");
        f_argument = field("argument");
        f_function = field("function");
        f_directive = field("directive");
        f_scope = field("scope");
    }
};

const Grammar& grammar() {
    static const Grammar g;
    return g;
}

/// A declarator taken apart: the declared name, array sizes (outermost first) and modifiers.
struct Declarator {
    std::string name;
    std::vector<std::string> dim_exprs; ///< "" for `[]`
    bool is_pointer = false;
    bool is_reference = false;
    bool is_function = false;
    std::string suffix; ///< declarator text minus the name, spaces removed: "[N]", "*", "&"
    TSNode init{};      ///< initializer value (null node when none)
    bool has_init = false;
};

/// Loop header pieces kept for evaluation after the walk.
struct LoopExprs {
    std::string init_expr, bound_expr, step_expr;
    long long step_sign = 1;
    std::uint32_t init_b = 0, init_e = 0, bound_b = 0, bound_e = 0, step_b = 0, step_e = 0;
    std::string scope;
};

struct PendingDims {
    enum What { array, parameter } what;
    std::size_t index = 0; // array index, or function index
    std::size_t param = 0; // param index within the function
    std::vector<std::string> exprs;
    std::string scope;
};

struct PendingType {
    std::size_t index = 0;
    std::string width_expr, int_width_expr, scope;
};

/// A `_Pragma("...")` operator, cut out of the text before parsing: it needs no `;`, so
/// tree-sitter would fold it into the following statement and report a syntax error.
struct PragmaOperator {
    std::uint32_t offset = 0;
    int line = 0;
    std::string inner;
};

/// Finds `_Pragma("...")` outside comments and literals, blanks it (same length, so offsets and
/// lines hold) and returns what it said.
std::vector<PragmaOperator> cut_pragma_operators(std::string& s) {
    std::vector<PragmaOperator> out;
    if (s.find("_Pragma") == std::string::npos) {
        return out; // the common case costs one scan
    }
    int line = 1;
    std::size_t i = 0;
    auto skip_quoted = [&](char q) {
        for (++i; i < s.size() && s[i] != q && s[i] != '\n'; ++i) {
            if (s[i] == '\\') {
                ++i;
            }
        }
    };
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n') {
            ++line;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            while (i + 1 < s.size() && s[i + 1] != '\n') {
                ++i;
            }
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            for (i += 2; i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/'); ++i) {
                line += s[i] == '\n';
            }
            ++i;
        } else if (c == '"' || c == '\'') {
            skip_quoted(c);
        } else if (c == '_' && s.compare(i, 7, "_Pragma") == 0 &&
                   (i == 0 ||
                    !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_'))) {
            std::size_t p = i + 7;
            while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) {
                ++p;
            }
            if (p >= s.size() || s[p] != '(') {
                continue;
            }
            std::size_t q = p + 1;
            while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) {
                ++q;
            }
            if (q >= s.size() || s[q] != '"') {
                continue;
            }
            std::string inner;
            std::size_t k = q + 1;
            for (; k < s.size() && s[k] != '"' && s[k] != '\n'; ++k) {
                if (s[k] == '\\' && k + 1 < s.size()) {
                    ++k;
                }
                inner += s[k];
            }
            std::size_t close = k + 1;
            while (close < s.size() && (s[close] == ' ' || s[close] == '\t')) {
                ++close;
            }
            if (k >= s.size() || s[k] != '"' || close >= s.size() || s[close] != ')') {
                continue;
            }
            out.push_back({static_cast<std::uint32_t>(i), line, std::move(inner)});
            std::fill(s.begin() + static_cast<std::ptrdiff_t>(i),
                      s.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
            i = close;
        }
    }
    return out;
}

constexpr int max_syntax_diagnostics = 20;
// Deeper trees are not walked: stack safety, with room for sanitizer builds whose frames are
// several times larger (real HLS code nests a few dozen levels).
constexpr int max_nesting = 400;

class Walker {
  public:
    Walker(const std::string& text, TsResult& r) : text_(text), r_(r), g_(grammar()) {}

    void run(TSNode root, const std::vector<PragmaOperator>& ops) {
        cur_ = ts_tree_cursor_new(root);
        visit(0);
        ts_tree_cursor_delete(&cur_);
        add_pragma_operators(ops);
        std::stable_sort(r_.facts.pragmas.begin(), r_.facts.pragmas.end(),
                         [](const Pragma& a, const Pragma& b) { return a.line < b.line; });
        evaluate();
        if (syntax_errors_ > max_syntax_diagnostics) {
            r_.facts.diagnostics.push_back(
                {"note", 0,
                 std::to_string(syntax_errors_ - max_syntax_diagnostics) +
                     " more syntax errors not shown"});
        }
    }

  private:
    // ---- small helpers ----
    K kind(TSNode n) const {
        TSSymbol s = ts_node_symbol(n);
        if (s == static_cast<TSSymbol>(-1)) {
            return K::error; // ts_builtin_sym_error lies outside the symbol table
        }
        return s < g_.kinds.size() ? g_.kinds[s] : K::other;
    }
    std::string_view text(TSNode n) const {
        uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
        if (e > text_.size() || b > e) {
            return {};
        }
        return std::string_view(text_).substr(b, e - b);
    }
    static int line(TSNode n) { return static_cast<int>(ts_node_start_point(n).row) + 1; }
    static int end_line(TSNode n) {
        TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
        if (e.column == 0 && e.row > s.row) {
            return static_cast<int>(e.row); // ends at a line start: the previous line
        }
        return static_cast<int>(e.row) + 1;
    }
    TSNode field(TSNode n, TSFieldId f) const { return ts_node_child_by_field_id(n, f); }

    void syntax_diag(int ln, std::string msg) {
        if (++syntax_errors_ <= max_syntax_diagnostics) {
            r_.facts.diagnostics.push_back({"warning", ln, std::move(msg)});
        }
    }

    // ---- the walk ----
    /// Visits the cursor's node; returns the id of a loop whose body is still missing (an
    /// unbraced `for (...)` followed by a pragma line), else -1.
    int visit(int nesting) {
        TSNode n = ts_tree_cursor_current_node(&cur_);
        if (nesting > max_nesting) {
            if (!deep_warned_) {
                deep_warned_ = true;
                r_.facts.diagnostics.push_back(
                    {"warning", line(n), "nesting too deep: facts below this line are skipped"});
            }
            return -1;
        }
        if (ts_node_is_missing(n)) {
            syntax_diag(line(n), std::string("syntax error: missing '") + ts_node_type(n) + "'");
            return -1;
        }
        const K k = kind(n);
        if (k != K::for_statement && k != K::for_range_loop && k != K::while_statement &&
            k != K::do_statement) {
            pending_label_.clear();
        }
        switch (k) {
        case K::error: {
            if (error_depth_ == 0) {
                syntax_diag(line(n), "syntax error: cannot parse '" + snippet(n) + "'");
            }
            ++error_depth_; // one report per broken region
            int d = visit_children(nesting, nullptr);
            --error_depth_;
            return d;
        }
        case K::function_definition:
            return visit_function(n, nesting);
        case K::for_statement:
        case K::for_range_loop:
        case K::while_statement:
        case K::do_statement:
            return visit_loop(n, nesting);
        case K::labeled_statement:
            return visit_labeled(n, nesting);
        case K::preproc_call:
            visit_preproc_call(n);
            return -1;
        case K::preproc_def:
            visit_define(n);
            return -1;
        case K::comment:
        case K::string_literal:
            return -1;
        case K::declaration:
            visit_declaration(n);
            break;
        case K::call_expression:
            visit_call(n);
            break;
        case K::template_type:
            visit_template_type(n);
            break;
        case K::qualified_identifier:
            visit_qualified(n);
            break;
        case K::enumerator: {
            TSNode name = field(n, g_.f_name), value = field(n, g_.f_value);
            if (!ts_node_is_null(name) && !ts_node_is_null(value)) {
                r_.consts.define(func_, std::string(text(name)), squeeze(text(value)));
            }
            break;
        }
        default:
            if (skippable(n)) {
                return -1;
            }
            break;
        }
        return visit_children(nesting, nullptr);
    }

    /// True for an error-free expression whose text cannot hold a call, a template type or a
    /// lambda: most statements of a kernel body, skipped without walking their tokens.
    bool skippable(TSNode n) const {
        TSSymbol s = ts_node_symbol(n);
        if (s >= g_.plain_expr.size() || !g_.plain_expr[s] || ts_node_has_error(n)) {
            return false;
        }
        std::string_view t = text(n);
        return t.find_first_of("(<{") == std::string_view::npos;
    }

    /// `label: statement`: the label belongs to the statement when it is a loop.
    int visit_labeled(TSNode n, int nesting) {
        TSNode lbl = field(n, g_.f_label);
        int d = -1;
        if (!ts_tree_cursor_goto_first_child(&cur_)) {
            return -1;
        }
        do {
            TSNode c = ts_tree_cursor_current_node(&cur_);
            if (!ts_node_is_null(lbl) && ts_node_eq(c, lbl)) {
                continue;
            }
            if (!ts_node_is_named(c) || kind(c) == K::comment) {
                continue;
            }
            if (!ts_node_is_null(lbl)) {
                pending_label_ = std::string(text(lbl));
                pending_label_line_ = line(n);
            }
            d = visit(nesting + 1);
            pending_label_.clear();
        } while (ts_tree_cursor_goto_next_sibling(&cur_));
        ts_tree_cursor_goto_parent(&cur_);
        return d;
    }

    /// Visits all children. A child loop left without a body captures the pragma lines and
    /// the statement that follow it. `skip_body` (optional) names a child to skip.
    /// `propagate` (a loop's own children): a loop among them still waiting for its body is
    /// returned for the enclosing block to complete (`for (...) for (...)` then a pragma line).
    int visit_children(int nesting, const TSNode* skip, bool propagate = false) {
        if (!ts_tree_cursor_goto_first_child(&cur_)) {
            return -1;
        }
        std::vector<int> dangling; // chain of loops waiting for their body, outermost first
        int macro_body = -1;       // the loop of a loop macro whose block comes next
        TSNode macro_body_node{};
        do {
            TSNode c = ts_tree_cursor_current_node(&cur_);
            if (skip && ts_node_eq(c, *skip)) {
                continue;
            }
            if (ts_node_child_count(c) == 0 && !ts_node_is_missing(c)) {
                continue; // a token: facts live in inner nodes (missing tokens are reported)
            }
            if (macro_body >= 0 && ts_node_eq(c, macro_body_node)) {
                loop_stack_.push_back(macro_body);
                visit(nesting + 1);
                loop_stack_.pop_back();
                macro_body = -1;
                continue;
            }
            if (dangling.empty()) {
                int d = visit(nesting + 1);
                if (d >= 0) {
                    dangling.push_back(d);
                } else if (TSNode body = macro_loop_body(c); !ts_node_is_null(body)) {
                    macro_body = add_macro_loop(c, body);
                    macro_body_node = body;
                }
                continue;
            }
            K k = kind(c);
            if (k == K::comment) {
                continue;
            }
            for (int id : dangling) {
                loop_stack_.push_back(id);
            }
            int d = visit(nesting + 1);
            loop_stack_.resize(loop_stack_.size() - dangling.size());
            if (k == K::preproc_call) {
                continue; // a pragma line between the header and the body
            }
            for (int id : dangling) {
                auto& lp = r_.facts.loops[static_cast<std::size_t>(id)];
                lp.line_end = std::max(lp.line_end, end_line(c));
                if (lp.body_line_start == 0) {
                    lp.body_line_start = line(c);
                }
                // Brace-less outer loops end where their innermost body does.
                for (auto up = lp.parent; up;
                     up = r_.facts.loops[static_cast<std::size_t>(*up)].parent) {
                    auto& outer = r_.facts.loops[static_cast<std::size_t>(*up)];
                    outer.line_end = std::max(outer.line_end, end_line(c));
                }
            }
            if (d >= 0) {
                dangling.push_back(d);
            } else {
                dangling.clear();
            }
        } while (ts_tree_cursor_goto_next_sibling(&cur_));
        ts_tree_cursor_goto_parent(&cur_);
        if (propagate && !dangling.empty()) {
            return dangling.back();
        }
        for (int id : dangling) {
            r_.facts.diagnostics.push_back({"warning",
                                            r_.facts.loops[static_cast<std::size_t>(id)].line_start,
                                            "loop has no body"});
        }
        return -1;
    }

    std::string snippet(TSNode n) const {
        std::string s = squeeze(text(n).substr(0, 60));
        if (s.size() > 40) {
            s = s.substr(0, 40) + "...";
        }
        return s;
    }

    // ---- functions ----
    int visit_function(TSNode n, int nesting) {
        TSNode decl = field(n, g_.f_declarator);
        // Drill through pointer/reference declarators of the return type.
        while (!ts_node_is_null(decl) && kind(decl) != K::function_declarator) {
            TSNode inner = field(decl, g_.f_declarator);
            if (ts_node_is_null(inner) && ts_node_named_child_count(decl) > 0) {
                inner = ts_node_named_child(decl, ts_node_named_child_count(decl) - 1);
            }
            decl = inner;
        }
        Function f;
        if (!ts_node_is_null(decl)) {
            TSNode name = field(decl, g_.f_declarator);
            f.name = ts_node_is_null(name) ? "" : squeeze(text(name));
        }
        f.line_start = line(n);
        f.line_end = end_line(n);
        TSNode body = field(n, g_.f_body);
        f.body_line_start = ts_node_is_null(body) ? 0 : line(body);
        std::string saved_func = std::move(func_);
        std::vector<int> saved_loops = std::move(loop_stack_);
        loop_stack_.clear();
        func_ = f.name;
        std::size_t fi = r_.facts.functions.size();
        r_.facts.functions.push_back(std::move(f));
        r_.calls.push_back({func_, {}});
        func_ranges_.push_back({ts_node_start_byte(n), ts_node_end_byte(n), func_});
        call_slot_ = r_.calls.size() - 1;
        if (!ts_node_is_null(decl)) {
            TSNode params = field(decl, g_.f_parameters);
            if (!ts_node_is_null(params)) {
                read_params(params, fi);
            }
        }
        pending_label_.clear();
        visit_children(nesting, nullptr);
        func_ = std::move(saved_func);
        loop_stack_ = std::move(saved_loops);
        call_slot_ = static_cast<std::size_t>(-1);
        return -1;
    }

    void read_params(TSNode list, std::size_t fi) {
        uint32_t count = ts_node_named_child_count(list);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode p = ts_node_named_child(list, i);
            if (kind(p) != K::parameter_declaration) {
                continue;
            }
            std::string base = base_type(p);
            TSNode d = field(p, g_.f_declarator);
            Declarator dd;
            if (!ts_node_is_null(d)) {
                dd = take_apart(d);
            }
            if (dd.name.empty() && (base == "void" || base.empty())) {
                continue;
            }
            Param prm;
            prm.name = dd.name;
            prm.type = base + dd.suffix;
            prm.is_array = !dd.dim_exprs.empty();
            prm.is_pointer = dd.is_pointer;
            prm.is_reference = dd.is_reference;
            prm.dims.assign(dd.dim_exprs.size(), -1);
            auto& fn = r_.facts.functions[fi];
            if (!dd.dim_exprs.empty()) {
                pending_dims_.push_back(
                    {PendingDims::parameter, fi, fn.params.size(), dd.dim_exprs, func_});
                Array a;
                a.name = prm.name;
                a.element_type = element_type(p);
                a.dims.assign(dd.dim_exprs.size(), -1);
                a.storage = "parameter";
                a.line = line(p);
                a.function = func_;
                pending_dims_.push_back(
                    {PendingDims::array, r_.facts.arrays.size(), 0, dd.dim_exprs, func_});
                r_.facts.arrays.push_back(std::move(a));
            }
            Variable v;
            v.name = prm.name;
            v.type = prm.type;
            v.line = line(p);
            v.function = func_;
            v.is_param = true;
            r_.facts.variables.push_back(std::move(v));
            r_.scope_names[func_].push_back(prm.name);
            fn.params.push_back(std::move(prm));
        }
    }

    /// Type text of a declaration or parameter: qualifiers and the type, without storage class.
    std::string base_type(TSNode decl) const {
        std::string out;
        uint32_t count = ts_node_child_count(decl);
        TSNode type = field(decl, g_.f_type);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode c = ts_node_child(decl, i);
            K k = kind(c);
            bool is_type = !ts_node_is_null(type) && ts_node_eq(c, type);
            if (k == K::type_qualifier || is_type) {
                if (!out.empty()) {
                    out += ' ';
                }
                out += squeeze(text(c));
            }
            if (is_type) {
                break;
            }
        }
        return out;
    }

    /// The element type of an array: the type without qualifiers.
    std::string element_type(TSNode decl) const {
        TSNode type = field(decl, g_.f_type);
        return ts_node_is_null(type) ? "" : squeeze(text(type));
    }

    Declarator take_apart(TSNode d) const {
        Declarator out;
        TSNode name_node{};
        bool have_name = false;
        std::vector<std::string> dims_inner_first;
        TSNode cur = d;
        for (int guard = 0; guard < 64 && !ts_node_is_null(cur); ++guard) {
            K k = kind(cur);
            if (k == K::init_declarator) {
                TSNode v = field(cur, g_.f_value);
                if (!ts_node_is_null(v)) {
                    out.init = v;
                    out.has_init = true;
                } else {
                    out.has_init = true; // `x(3)` / `x{3}` constructor forms
                }
                cur = field(cur, g_.f_declarator);
                continue;
            }
            if (k == K::array_declarator) {
                TSNode size = field(cur, g_.f_size);
                dims_inner_first.push_back(ts_node_is_null(size) ? "" : squeeze(text(size)));
                cur = field(cur, g_.f_declarator);
                continue;
            }
            if (k == K::pointer_declarator) {
                out.is_pointer = true;
                cur = field(cur, g_.f_declarator);
                continue;
            }
            if (k == K::function_declarator) {
                out.is_function = true;
                cur = field(cur, g_.f_declarator);
                continue;
            }
            if (k == K::reference_declarator || k == K::parenthesized_declarator) {
                out.is_reference = out.is_reference || k == K::reference_declarator;
                uint32_t nc = ts_node_named_child_count(cur);
                cur = nc ? ts_node_named_child(cur, nc - 1) : TSNode{};
                continue;
            }
            if (k == K::identifier || k == K::field_identifier || k == K::qualified_identifier) {
                name_node = cur;
                have_name = true;
            }
            break;
        }
        // Sizes nest inside-out: `a[2][3]` is array(array(a, 2), 3), seen as 3 then 2.
        out.dim_exprs.assign(dims_inner_first.rbegin(), dims_inner_first.rend());
        std::string_view whole = text(d);
        uint32_t db = ts_node_start_byte(d);
        std::string suffix;
        if (have_name) {
            out.name = std::string(text(name_node));
            uint32_t nb = ts_node_start_byte(name_node) - db;
            uint32_t ne = ts_node_end_byte(name_node) - db;
            suffix = std::string(whole.substr(0, nb)) + std::string(whole.substr(ne));
        } else {
            suffix = std::string(whole);
        }
        if (out.has_init && !ts_node_is_null(out.init)) {
            // Drop the initializer: "= {0}" is not part of the type.
            std::size_t cut = suffix.find('=');
            if (cut != std::string::npos) {
                suffix = suffix.substr(0, cut);
            }
        }
        for (char c : suffix) {
            if (!std::isspace(static_cast<unsigned char>(c))) {
                out.suffix += c;
            }
        }
        return out;
    }

    // ---- declarations ----
    void visit_declaration(TSNode n) {
        bool is_static = false, is_const = false, is_extern = false;
        uint32_t count = ts_node_child_count(n);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode c = ts_node_child(n, i);
            K k = kind(c);
            if (k == K::storage_class_specifier) {
                auto t = text(c);
                is_static = is_static || t == "static";
                is_extern = is_extern || t == "extern";
            } else if (k == K::type_qualifier) {
                auto t = text(c);
                is_const = is_const || t == "const" || t == "constexpr";
            }
        }
        std::string base = base_type(n);
        std::string elem = element_type(n);
        bool integral =
            elem.find("float") == std::string::npos && elem.find("double") == std::string::npos &&
            elem.find("fixed") == std::string::npos && elem.find("half") == std::string::npos;
        // A declaration may declare several names (`int a[4], b;`): every `declarator` field.
        std::vector<TSNode> declarators;
        TSTreeCursor tc = ts_tree_cursor_new(n);
        if (ts_tree_cursor_goto_first_child(&tc)) {
            do {
                if (ts_tree_cursor_current_field_id(&tc) == g_.f_declarator) {
                    declarators.push_back(ts_tree_cursor_current_node(&tc));
                }
            } while (ts_tree_cursor_goto_next_sibling(&tc));
        }
        ts_tree_cursor_delete(&tc);
        for (TSNode d : declarators) {
            Declarator dd = take_apart(d);
            if (dd.is_function || dd.name.empty()) {
                continue; // a prototype
            }
            int ln = line(d);
            Variable v;
            v.name = dd.name;
            v.type = base + dd.suffix;
            v.line = ln;
            v.function = func_;
            v.has_init = dd.has_init;
            v.init_text = ts_node_is_null(dd.init) ? "" : squeeze(text(dd.init));
            v.is_static = is_static;
            if (func_.empty()) {
                r_.global_names.push_back(dd.name);
            } else {
                r_.scope_names[func_].push_back(dd.name);
            }
            if (!dd.dim_exprs.empty()) {
                Array a;
                a.name = dd.name;
                a.element_type = elem;
                a.dims.assign(dd.dim_exprs.size(), -1);
                a.storage = func_.empty() ? "global" : is_static ? "static" : "local";
                a.line = ln;
                a.function = func_;
                pending_dims_.push_back(
                    {PendingDims::array, r_.facts.arrays.size(), 0, dd.dim_exprs, func_});
                r_.facts.arrays.push_back(std::move(a));
            } else if (is_const && integral && !dd.is_pointer && !ts_node_is_null(dd.init) &&
                       !is_extern) {
                r_.consts.define(func_, dd.name, v.init_text);
            }
            r_.facts.variables.push_back(std::move(v));
        }
    }

    void visit_define(TSNode n) {
        TSNode name = field(n, g_.f_name), value = field(n, g_.f_value);
        if (ts_node_is_null(name) || ts_node_is_null(value)) {
            return;
        }
        std::string v = squeeze(text(value));
        // Drop a trailing line comment: `#define N 16 // taps`.
        if (auto c = v.find("//"); c != std::string::npos) {
            v = squeeze(v.substr(0, c));
        }
        r_.consts.define("", std::string(text(name)), v);
    }

    // ---- pragmas ----
    void add_pragma(std::string_view after_pragma, int ln) {
        PragmaText pt = parse_pragma_text(after_pragma);
        if (!pt.is_hls) {
            return;
        }
        if (pt.directive.empty()) {
            r_.facts.diagnostics.push_back({"warning", ln, "'#pragma HLS' without a directive"});
            return;
        }
        Pragma p;
        p.directive = std::move(pt.directive);
        p.options = std::move(pt.options);
        p.text = std::move(pt.text);
        p.line = ln;
        p.function = func_;
        if (!loop_stack_.empty()) {
            p.loop = loop_stack_.back();
        }
        for (const char* key : {"variable", "port"}) {
            if (p.options.contains(key) && p.options[key].is_string()) {
                p.target = p.options[key].get<std::string>();
                break;
            }
        }
        r_.facts.pragmas.push_back(std::move(p));
    }

    void visit_preproc_call(TSNode n) {
        TSNode dir = field(n, g_.f_directive);
        if (ts_node_is_null(dir)) {
            return;
        }
        std::string_view d = text(dir); // "#pragma", or "#  pragma" with spaces after '#'
        if (d.size() < 7 || d.front() != '#' || d.substr(d.size() - 6) != "pragma" ||
            squeeze(d.substr(1, d.size() - 7)).size() != 0) {
            return;
        }
        TSNode arg = field(n, g_.f_argument);
        if (ts_node_is_null(arg)) {
            return;
        }
        add_pragma(text(arg), line(n));
    }

    /// Adds the `_Pragma("...")` operators cut out of the text before parsing, scoped by the
    /// byte ranges of the functions and loops that hold them.
    void add_pragma_operators(const std::vector<PragmaOperator>& ops) {
        for (const auto& op : ops) {
            std::string fn;
            for (const auto& fr : func_ranges_) {
                if (fr.b <= op.offset && op.offset < fr.e) {
                    fn = fr.name; // later (nested) ranges win
                }
            }
            std::optional<int> loop;
            int best_depth = -1;
            for (std::size_t li = 0; li < loop_ranges_.size(); ++li) {
                const auto& lr = loop_ranges_[li];
                const Loop& lp = r_.facts.loops[li];
                if (lr.first < op.offset && op.offset < lr.second && lp.depth > best_depth) {
                    loop = static_cast<int>(li);
                    best_depth = lp.depth;
                }
            }
            func_ = fn;
            loop_stack_.clear();
            if (loop) {
                loop_stack_.push_back(*loop);
            }
            add_pragma(op.inner, op.line);
        }
        func_.clear();
        loop_stack_.clear();
    }

    // ---- calls and types ----
    void visit_call(TSNode n) {
        if (call_slot_ == static_cast<std::size_t>(-1)) {
            return;
        }
        TSNode fn = field(n, g_.f_function);
        if (ts_node_is_null(fn)) {
            return;
        }
        K k = kind(fn);
        if (k == K::template_function || k == K::qualified_identifier) {
            TSNode nm = field(fn, g_.f_name);
            if (!ts_node_is_null(nm)) {
                if (kind(nm) == K::template_function) {
                    nm = field(nm, g_.f_name);
                }
                fn = nm;
                k = kind(fn);
            }
        }
        if (k == K::identifier && !ts_node_is_null(fn)) {
            r_.calls[call_slot_].second.emplace_back(text(fn));
        }
    }

    void visit_template_type(TSNode n) {
        TSNode nm = field(n, g_.f_name);
        if (ts_node_is_null(nm)) {
            return;
        }
        std::string_view name = text(nm);
        if (name != "ap_int" && name != "ap_uint" && name != "ap_fixed" && name != "ap_ufixed") {
            return;
        }
        HlsType t;
        t.name = std::string(name);
        t.text = squeeze(text(n));
        t.line = line(n);
        PendingType pt;
        pt.index = r_.facts.hls_types.size();
        pt.scope = func_;
        TSNode args = field(n, g_.f_arguments);
        if (!ts_node_is_null(args)) {
            uint32_t na = ts_node_named_child_count(args);
            if (na > 0) {
                pt.width_expr = squeeze(text(ts_node_named_child(args, 0)));
            }
            if (na > 1 && t.name.find("fixed") != std::string::npos) {
                pt.int_width_expr = squeeze(text(ts_node_named_child(args, 1)));
            }
        }
        pending_types_.push_back(std::move(pt));
        r_.facts.hls_types.push_back(std::move(t));
    }

    void visit_qualified(TSNode n) {
        TSNode scope = field(n, g_.f_scope), nm = field(n, g_.f_name);
        if (ts_node_is_null(scope) || ts_node_is_null(nm) || text(scope) != "hls" ||
            kind(nm) != K::template_type) {
            return;
        }
        TSNode base = field(nm, g_.f_name);
        if (ts_node_is_null(base) || text(base) != "stream") {
            return;
        }
        HlsType t;
        t.name = "hls::stream";
        t.text = squeeze(text(n));
        t.line = line(n);
        r_.facts.hls_types.push_back(std::move(t));
    }

    // ---- loops ----
    /// The block of a loop macro, `FOR_EACH(i, N) { ... }`: a call statement with no semicolon
    /// and a block after it is no valid C or C++ unless the call expands to a loop header (the
    /// checker reads it the same way). Null otherwise.
    TSNode macro_loop_body(TSNode stmt) const {
        if (std::string_view(ts_node_type(stmt)) != "expression_statement" ||
            ts_node_named_child_count(stmt) != 1 ||
            std::string_view(ts_node_type(ts_node_named_child(stmt, 0))) != "call_expression") {
            return TSNode{};
        }
        TSNode last = ts_node_child(stmt, ts_node_child_count(stmt) - 1);
        if (!ts_node_is_named(last) && !ts_node_is_missing(last) && text(last) == ";") {
            return TSNode{};
        }
        TSNode next = ts_node_next_named_sibling(stmt);
        while (!ts_node_is_null(next) && kind(next) == K::comment) {
            next = ts_node_next_named_sibling(next);
        }
        return !ts_node_is_null(next) &&
                       std::string_view(ts_node_type(next)) == "compound_statement"
                   ? next
                   : TSNode{};
    }

    int add_macro_loop(TSNode header, TSNode body) {
        Loop lp;
        lp.id = static_cast<int>(r_.facts.loops.size());
        lp.kind = "macro";
        lp.line_start = line(header);
        lp.line_end = end_line(body);
        lp.body_line_start = line(body);
        lp.depth = static_cast<int>(loop_stack_.size());
        if (!loop_stack_.empty()) {
            lp.parent = loop_stack_.back();
        }
        lp.function = func_;
        r_.facts.loops.push_back(std::move(lp));
        LoopExprs ex;
        ex.scope = func_;
        loop_exprs_.push_back(std::move(ex));
        loop_ranges_.push_back({ts_node_start_byte(header), ts_node_end_byte(body)});
        return static_cast<int>(r_.facts.loops.size()) - 1;
    }

    int visit_loop(TSNode n, int nesting) {
        K k = kind(n);
        Loop lp;
        lp.id = static_cast<int>(r_.facts.loops.size());
        lp.kind = k == K::while_statement ? "while" : k == K::do_statement ? "do" : "for";
        lp.label = std::move(pending_label_);
        pending_label_.clear();
        lp.line_start = lp.label.empty() ? line(n) : pending_label_line_;
        lp.line_end = end_line(n);
        lp.depth = static_cast<int>(loop_stack_.size());
        if (!loop_stack_.empty()) {
            lp.parent = loop_stack_.back();
        }
        lp.function = func_;
        TSNode body = field(n, g_.f_body);
        bool missing_body =
            !ts_node_is_null(body) && ts_node_start_byte(body) == ts_node_end_byte(body);
        if (!ts_node_is_null(body) && !missing_body) {
            lp.body_line_start = line(body);
        }
        LoopExprs ex;
        ex.scope = func_;
        if (k == K::for_statement) {
            read_for_header(n, lp, ex);
        } else if (k == K::for_range_loop) {
            TSNode d = field(n, g_.f_declarator);
            if (!ts_node_is_null(d)) {
                lp.induction_var = std::string(text(d));
            }
        }
        if (missing_body) {
            lp.line_end = end_line(n); // extended when the body statement is found
        }
        r_.facts.loops.push_back(std::move(lp));
        loop_exprs_.push_back(std::move(ex));
        loop_ranges_.push_back({ts_node_start_byte(n), ts_node_end_byte(n)});
        int id = static_cast<int>(r_.facts.loops.size()) - 1;
        loop_stack_.push_back(id);
        int inner = visit_children(nesting, missing_body ? &body : nullptr, !missing_body);
        loop_stack_.pop_back();
        return missing_body ? id : inner;
    }

    static std::optional<std::string_view> flip(std::string_view op) {
        if (op == "<")
            return ">";
        if (op == "<=")
            return ">=";
        if (op == ">")
            return "<";
        if (op == ">=")
            return "<=";
        if (op == "!=")
            return "!=";
        return std::nullopt;
    }

    TSNode strip_parens(TSNode n) const {
        while (!ts_node_is_null(n) && kind(n) == K::parenthesized_expression &&
               ts_node_named_child_count(n) == 1) {
            n = ts_node_named_child(n, 0);
        }
        return n;
    }

    void set_range(std::uint32_t& b, std::uint32_t& e, TSNode n) const {
        b = ts_node_start_byte(n);
        e = ts_node_end_byte(n);
    }

    void read_for_header(TSNode n, Loop& lp, LoopExprs& ex) {
        TSNode init = field(n, g_.f_initializer);
        TSNode cond = field(n, g_.f_condition);
        TSNode upd = field(n, g_.f_update);
        std::string var;
        if (!ts_node_is_null(init)) {
            lp.init_text = squeeze(text(init));
            if (auto t = lp.init_text; !t.empty() && t.back() == ';') {
                lp.init_text.pop_back();
            }
            TSNode value{};
            if (kind(init) == K::declaration) {
                TSNode d = field(init, g_.f_declarator);
                if (!ts_node_is_null(d) && kind(d) == K::init_declarator) {
                    TSNode nm = field(d, g_.f_declarator);
                    value = field(d, g_.f_value);
                    if (!ts_node_is_null(nm)) {
                        var = std::string(text(nm));
                    }
                }
            } else if (kind(init) == K::assignment_expression) {
                TSNode l = field(init, g_.f_left);
                value = field(init, g_.f_right);
                if (!ts_node_is_null(l) && kind(l) == K::identifier) {
                    var = std::string(text(l));
                }
            }
            if (!ts_node_is_null(value) && !var.empty()) {
                ex.init_expr = squeeze(text(value));
                set_range(ex.init_b, ex.init_e, value);
            }
        }
        if (!ts_node_is_null(cond)) {
            lp.cond_text = squeeze(text(cond));
            TSNode c = strip_parens(cond);
            if (kind(c) == K::binary_expression) {
                TSNode l = strip_parens(field(c, g_.f_left));
                TSNode r = strip_parens(field(c, g_.f_right));
                TSNode op = field(c, g_.f_operator);
                std::string_view ops = ts_node_is_null(op) ? "" : text(op);
                if (!ts_node_is_null(l) && !ts_node_is_null(r) && flip(ops)) {
                    bool left_is_var = kind(l) == K::identifier && (var.empty() || text(l) == var);
                    bool right_is_var = kind(r) == K::identifier && (var.empty() || text(r) == var);
                    if (left_is_var) {
                        var = std::string(text(l));
                        lp.cond_op = std::string(ops);
                        ex.bound_expr = squeeze(text(r));
                        set_range(ex.bound_b, ex.bound_e, r);
                    } else if (right_is_var) {
                        var = std::string(text(r));
                        lp.cond_op = std::string(*flip(ops));
                        ex.bound_expr = squeeze(text(l));
                        set_range(ex.bound_b, ex.bound_e, l);
                    }
                }
            }
        }
        if (!ts_node_is_null(upd)) {
            lp.step_text = squeeze(text(upd));
            read_step(strip_parens(upd), var, ex);
        }
        lp.induction_var = var;
    }

    void read_step(TSNode u, const std::string& var, LoopExprs& ex) {
        K k = kind(u);
        if (k == K::update_expression) {
            TSNode arg = field(u, g_.f_argument);
            if (ts_node_is_null(arg) || (!var.empty() && text(arg) != var)) {
                return;
            }
            std::string_view t = text(u);
            ex.step_expr = "1";
            ex.step_sign = t.find("++") != std::string_view::npos ? 1 : -1;
            set_range(ex.step_b, ex.step_e, u);
            return;
        }
        if (k != K::assignment_expression) {
            return;
        }
        TSNode l = field(u, g_.f_left), r = field(u, g_.f_right), op = field(u, g_.f_operator);
        if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op) ||
            (!var.empty() && text(l) != var)) {
            return;
        }
        std::string_view ops = text(op);
        if (ops == "+=" || ops == "-=") {
            ex.step_expr = squeeze(text(r));
            ex.step_sign = ops == "+=" ? 1 : -1;
            set_range(ex.step_b, ex.step_e, r);
        } else if (ops == "=") {
            TSNode rr = strip_parens(r);
            if (kind(rr) != K::binary_expression) {
                return;
            }
            TSNode a = field(rr, g_.f_left), b = field(rr, g_.f_right),
                   o = field(rr, g_.f_operator);
            if (ts_node_is_null(a) || ts_node_is_null(b) || ts_node_is_null(o)) {
                return;
            }
            std::string_view os = text(o);
            if (text(a) == text(l) && (os == "+" || os == "-")) {
                ex.step_expr = squeeze(text(b));
                ex.step_sign = os == "+" ? 1 : -1;
                set_range(ex.step_b, ex.step_e, b);
            } else if (text(b) == text(l) && os == "+") {
                ex.step_expr = squeeze(text(a));
                set_range(ex.step_b, ex.step_e, a);
            }
        }
    }

    // ---- after the walk ----
    void evaluate() {
        const ConstTable& ct = r_.consts;
        for (const auto& pd : pending_dims_) {
            std::vector<long long>* dims =
                pd.what == PendingDims::array ? &r_.facts.arrays[pd.index].dims
                                              : &r_.facts.functions[pd.index].params[pd.param].dims;
            for (std::size_t i = 0; i < pd.exprs.size() && i < dims->size(); ++i) {
                auto v = pd.exprs[i].empty() ? std::nullopt : ct.eval(pd.exprs[i], pd.scope);
                (*dims)[i] = v ? *v : -1;
            }
        }
        for (const auto& pt : pending_types_) {
            auto& t = r_.facts.hls_types[pt.index];
            if (!pt.width_expr.empty()) {
                if (auto v = ct.eval(pt.width_expr, pt.scope); v && *v > 0 && *v <= (1 << 20)) {
                    t.width = static_cast<int>(*v);
                }
            }
            if (!pt.int_width_expr.empty()) {
                if (auto v = ct.eval(pt.int_width_expr, pt.scope);
                    v && *v >= -(1 << 20) && *v <= (1 << 20)) {
                    t.int_width = static_cast<int>(*v);
                }
            }
        }
        for (std::size_t i = 0; i < loop_exprs_.size(); ++i) {
            const LoopExprs& ex = loop_exprs_[i];
            Loop& lp = r_.facts.loops[i];
            auto resolve = [&](const std::string& expr, std::uint32_t b, std::uint32_t e,
                               ExprRef::What what, long long sign) -> std::optional<long long> {
                if (expr.empty()) {
                    return std::nullopt;
                }
                auto v = ct.eval(expr, ex.scope);
                if (!v) {
                    r_.unresolved[b] = ExprRef{what, i, 0, sign, e};
                }
                return v;
            };
            lp.init_value =
                resolve(ex.init_expr, ex.init_b, ex.init_e, ExprRef::What::loop_init, 1);
            lp.bound_value =
                resolve(ex.bound_expr, ex.bound_b, ex.bound_e, ExprRef::What::loop_bound, 1);
            if (ex.step_expr == "1") {
                lp.step_value = ex.step_sign;
            } else if (auto v = resolve(ex.step_expr, ex.step_b, ex.step_e,
                                        ExprRef::What::loop_step, ex.step_sign)) {
                lp.step_value = *v * ex.step_sign;
            }
            lp.trip_count = trip_count(lp);
        }
    }

    const std::string& text_;
    TsResult& r_;
    const Grammar& g_;
    TSTreeCursor cur_{};
    std::string func_;
    std::vector<int> loop_stack_;
    std::string pending_label_;
    int pending_label_line_ = 0;
    std::size_t call_slot_ = static_cast<std::size_t>(-1);
    int syntax_errors_ = 0;
    bool deep_warned_ = false;
    int error_depth_ = 0;
    struct FuncRange {
        std::uint32_t b, e;
        std::string name;
    };
    std::vector<FuncRange> func_ranges_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> loop_ranges_; // by loop id
    std::vector<PendingDims> pending_dims_;
    std::vector<PendingType> pending_types_;
    std::vector<LoopExprs> loop_exprs_;
};

} // namespace

std::optional<long long> trip_count(const Loop& lp) {
    if (!lp.init_value || !lp.bound_value || !lp.step_value || *lp.step_value == 0) {
        return std::nullopt;
    }
    // 128-bit arithmetic: bounds near the limits of long long must not overflow.
    __int128 a = *lp.init_value, b = *lp.bound_value, s = *lp.step_value;
    __int128 n = -1;
    const std::string& op = lp.cond_op;
    if (s > 0 && (op == "<" || op == "<=")) {
        __int128 span = b - a + (op == "<=" ? 1 : 0);
        n = span <= 0 ? 0 : (span + s - 1) / s;
    } else if (s < 0 && (op == ">" || op == ">=")) {
        __int128 span = a - b + (op == ">=" ? 1 : 0);
        n = span <= 0 ? 0 : (span + (-s) - 1) / (-s);
    } else if (op == "!=") {
        __int128 span = b - a;
        if (span == 0) {
            n = 0;
        } else if ((span > 0) == (s > 0) && span % s == 0) {
            n = span / s;
        }
    }
    if (n < 0 || n > static_cast<__int128>(LLONG_MAX)) {
        return std::nullopt; // runs forever (e.g. `!=` stepping past its bound) or unknown
    }
    return static_cast<long long>(n);
}

TsResult run_tree_sitter(std::string& text, bool /*is_c*/) {
    TsResult r;
    std::vector<PragmaOperator> ops = cut_pragma_operators(text);
    const Grammar& g = grammar();
    // One parser per thread, reused: creating one per file costs more than a small file's parse.
    thread_local std::unique_ptr<TSParser, void (*)(TSParser*)> parser(nullptr, ts_parser_delete);
    if (!parser) {
        parser.reset(ts_parser_new());
        if (!ts_parser_set_language(parser.get(), g.lang)) {
            parser.reset();
            throw InternalError("tree-sitter C++ grammar ABI " +
                                std::to_string(ts_language_version(g.lang)) +
                                " is not supported by the tree-sitter runtime");
        }
    }
    ts_parser_reset(parser.get());
    if (text.size() > UINT32_MAX / 2) {
        throw InputError("source too large for the parser");
    }
    std::unique_ptr<TSTree, void (*)(TSTree*)> tree(
        ts_parser_parse_string(parser.get(), nullptr, text.data(),
                               static_cast<uint32_t>(text.size())),
        ts_tree_delete);
    if (!tree) {
        throw InternalError("tree-sitter returned no tree");
    }
    Walker w(text, r);
    w.run(ts_tree_root_node(tree.get()), ops);
    return r;
}

} // namespace hlsv::parse::detail
