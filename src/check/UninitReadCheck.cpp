#include "UninitReadCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& UninitReadCheck::info() const {
    static const RuleInfo r{
        "hls-uninitialized-read",
        "INIT",
        Severity::error,
        "A local variable is read before anything is written to it.",
        "'{variable}' is read before it is written",
        "Give the variable an initializer where it is declared (`acc_t acc = 0;`, `int buf[N] = "
        "{};`) "
        "or write it on every path before the first read. In hardware an uninitialized register "
        "holds whatever the last run left, so C simulation and RTL disagree."};
    return r;
}

namespace {

enum class Event { none, read, write, unknown };

// Finds the first use of `var` after byte `from`, in evaluation order (right side of an
// assignment before its left side). `unknown` for uses that may write through an alias.
class FirstUse {
  public:
    FirstUse(const Model& m, std::string_view var, uint32_t from, bool array)
        : m_(m), var_(var), from_(from), array_(array) {}
    Event event = Event::none;
    TSNode where{};

    void visit(TSNode n) {
        if (event != Event::none || ts_node_is_null(n) || ts_node_end_byte(n) <= from_) {
            return;
        }
        std::string_view t = node_type(n);
        if (t == "assignment_expression") {
            visit(field(n, "right"));
            if (event != Event::none) {
                return;
            }
            TSNode left = unwrap(field(n, "left"));
            bool plain = operator_of(n, m_.src.text()) == "=";
            if (names_var(left)) {
                set(plain ? Event::write : Event::read, left);
                return;
            }
            if (is(left, "subscript_expression") && base_is_var(left)) {
                visit_indices(left);
                if (event == Event::none) {
                    set(plain ? Event::write : Event::read, left);
                }
                return;
            }
            visit(left);
            return;
        }
        if (t == "update_expression") {
            TSNode arg = unwrap(field(n, "argument"));
            if (names_var(arg) || (is(arg, "subscript_expression") && base_is_var(arg))) {
                set(Event::read, arg);
                return;
            }
        }
        if (t == "pointer_expression" && operator_of(n, m_.src.text()) == "&") {
            TSNode arg = unwrap(field(n, "argument"));
            if (names_var(arg) || (is(arg, "subscript_expression") && base_is_var(arg))) {
                set(Event::unknown, arg);
                return;
            }
        }
        if (t == "call_expression") {
            TSNode fn = field(n, "function");
            if (is(fn, "field_expression") && names_var(unwrap(field(fn, "argument")))) {
                set(Event::unknown, fn); // member call on the variable
                return;
            }
            TSNode args = field(n, "arguments");
            uint32_t k = ts_node_named_child_count(args);
            for (uint32_t i = 0; i < k; ++i) {
                TSNode a = ts_node_named_child(args, i);
                bool uses = false;
                walk(a, [&](TSNode e) {
                    uses = uses || names_var(e);
                    return !uses;
                });
                if (uses) {
                    set(Event::unknown, a); // may be an output (reference, array, pointer) argument
                    return;
                }
            }
        }
        if (t == "field_expression" && names_var(unwrap(field(n, "argument")))) {
            set(Event::unknown, n);
            return;
        }
        if (t == "binary_expression" && operator_of(n, m_.src.text()) == ">>" &&
            names_var(unwrap(field(n, "right")))) {
            set(Event::write, n); // stream >> var
            return;
        }
        if (t == "sizeof_expression" || t == "preproc_call" || t == "comment" ||
            t == "asm_statement") {
            if (t == "asm_statement") {
                set(Event::unknown, n);
            }
            return;
        }
        if (t == "subscript_expression" && base_is_var(n)) {
            visit_indices(n);
            if (event == Event::none) {
                set(Event::read, n);
            }
            return;
        }
        if (t == "identifier" && m_.text(n) == var_ && ts_node_start_byte(n) >= from_) {
            // A bare array name decays to a pointer: what happens through it is unknown.
            set(array_ ? Event::unknown : Event::read, n);
            return;
        }
        uint32_t count = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < count && event == Event::none; ++i) {
            visit(ts_node_named_child(n, i));
        }
    }

  private:
    const Model& m_;
    std::string_view var_;
    uint32_t from_;
    bool array_;

    bool names_var(TSNode n) const { return is(n, "identifier") && m_.text(n) == var_; }
    bool base_is_var(TSNode n) const {
        while (is(n, "subscript_expression")) {
            n = unwrap(field(n, "argument"));
        }
        return names_var(n);
    }
    void visit_indices(TSNode n) {
        while (is(n, "subscript_expression") && event == Event::none) {
            visit(field(n, "indices"));
            n = unwrap(field(n, "argument"));
        }
    }
    void set(Event e, TSNode n) {
        if (ts_node_start_byte(n) < from_) {
            return;
        }
        event = e;
        where = n;
    }
};

// A plain write to `var` anywhere inside `region` (loop-carried initialization).
bool plain_write_in(const Model& m, TSNode region, std::string_view var) {
    bool found = false;
    walk(region, [&](TSNode n) {
        if (found) {
            return false;
        }
        if (is(n, "assignment_expression") && operator_of(n, m.src.text()) == "=") {
            TSNode l = unwrap(field(n, "left"));
            while (is(l, "subscript_expression")) {
                l = unwrap(field(l, "argument"));
            }
            found = is(l, "identifier") && m.text(l) == var;
        }
        return !found;
    });
    return found;
}

bool scalar_like(const Model& m, const Decl& d) {
    std::string t = m.resolve_type(d.type);
    return m.int_type(d.type) || t == "float" || t == "double" || t == "half" ||
           t.rfind("ap_fixed<", 0) == 0 || t.rfind("ap_ufixed<", 0) == 0;
}

} // namespace

void UninitReadCheck::run(const Model& m, Sink& out) const {
    for (const Decl& d : m.decls) {
        if (d.function < 0 || d.is_param || d.is_static || d.is_global || d.has_init ||
            d.is_pointer || d.is_reference || !scalar_like(m, d)) {
            continue;
        }
        // A declaration that is a for-loop initializer or has a constructor-style init is skipped.
        if (!is(ts_node_parent(d.node), "compound_statement")) {
            continue;
        }
        TSNode scope = ts_node_parent(d.node);
        FirstUse use(m, d.name, ts_node_end_byte(d.node), d.is_array());
        use.visit(scope);
        if (use.event != Event::read) {
            continue;
        }
        // Written in an earlier iteration of a loop around the read?
        bool carried = false;
        for (TSNode p = ts_node_parent(use.where); !ts_node_is_null(p) && !ts_node_eq(p, scope);
             p = ts_node_parent(p)) {
            if ((is(p, "for_statement") || is(p, "while_statement") || is(p, "do_statement")) &&
                plain_write_in(m, p, d.name)) {
                carried = true;
                break;
            }
        }
        if (carried) {
            continue;
        }
        out.report(line_of(use.where), col_of(use.where),
                   "'" + d.name + "' (declared without initializer at line " +
                       std::to_string(d.line) + ") is read here before anything is written to it");
    }
}

} // namespace hlsv::check
