#include "ShiftWidthCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& ShiftWidthCheck::info() const {
    static const RuleInfo r{
        "hls-shift-width",
        "SHFT",
        Severity::error,
        "A shift amount is a constant at least as large as the width of the shifted operand.",
        "shift by {amount} of a {width}-bit operand",
        "Shifting by the operand's width or more is undefined for C integers and yields 0 (or the "
        "sign) for ap_int/ap_uint. Widen the operand first (cast to a wider type) or fix the "
        "amount."};
    return r;
}

namespace {

// Width of the shifted operand after C integer promotion (ap_int keeps its own width).
std::optional<int> operand_width(const Model& m, TSNode n, bool promote) {
    n = field(n, "left");
    while (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) {
        n = ts_node_named_child(n, 0);
    }
    std::string type;
    if (is(n, "identifier")) {
        int d = m.find_decl(m.text(n), m.function_at(line_of(n)));
        if (d < 0 || m.decls[d].is_array() || m.decls[d].is_pointer) {
            return std::nullopt;
        }
        type = m.decls[d].type;
    } else if (is(n, "number_literal")) {
        std::string_view s = m.text(n);
        if (s.find('.') != std::string_view::npos ||
            s.find_first_of("xX") != std::string_view::npos) {
            return std::nullopt;
        }
        return s.find_first_of("lL") != std::string_view::npos ? 64 : 32;
    } else if (is(n, "cast_expression")) {
        type = std::string(m.text(field(n, "type")));
    } else {
        return std::nullopt;
    }
    auto t = m.int_type(type);
    if (!t) {
        return std::nullopt;
    }
    bool ap = m.resolve_type(type).rfind("ap_", 0) == 0;
    if (promote && !ap && t->first < 32) {
        return 32; // built-in narrow types promote to int before shifting
    }
    return t->first;
}

} // namespace

void ShiftWidthCheck::run(const Model& m, Sink& out) const {
    walk(m.tree->root(), [&](TSNode n) {
        bool bin = is(n, "binary_expression");
        bool asg = is(n, "assignment_expression");
        if (!bin && !asg) {
            return true;
        }
        std::string_view op = operator_of(n, m.src.text());
        if (!(bin && (op == "<<" || op == ">>")) && !(asg && (op == "<<=" || op == ">>="))) {
            return true;
        }
        auto amount = m.eval(field(n, "right"));
        if (!amount) {
            return true;
        }
        auto width = operand_width(m, n, bin);
        if (!width) {
            return true;
        }
        if (*amount >= *width || *amount < 0) {
            TSNode left = field(n, "left");
            out.report(line_of(n), col_of(n),
                       "shift by " + std::to_string(*amount) + " of the " + std::to_string(*width) +
                           "-bit operand '" + std::string(m.text(left)) + "'" +
                           (*amount < 0 ? ": a negative shift is undefined"
                                        : ": every bit is shifted out"));
        }
        return true;
    });
}

} // namespace hlsv::check
