#include "SignExtensionCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& SignExtensionCheck::info() const {
    static const RuleInfo r{
        "hls-sign-extension",
        "USE",
        Severity::warning,
        "A narrow signed value is widened into a wider unsigned variable, copying its sign bit "
        "into the high bits.",
        "signed {from}-bit '{value}' is sign-extended into unsigned {to}-bit '{target}'",
        "Declare the narrow value unsigned (ap_uint, uint8_t) when it holds raw bits, or mask it "
        "(`x & 0xFF`) before widening. If a signed result was meant, make the target signed."};
    return r;
}

namespace {

// The declared type of an identifier or array element expression.
std::optional<std::pair<int, bool>> type_of(const Model& m, TSNode n, int function,
                                            std::string* name) {
    n = unwrap(n);
    bool element = false;
    while (is(n, "subscript_expression")) {
        n = unwrap(field(n, "argument"));
        element = true;
    }
    if (!is(n, "identifier")) {
        return std::nullopt;
    }
    int d = m.find_decl(m.text(n), function);
    if (d < 0 || m.decls[d].is_pointer || (m.decls[d].is_array() && !element)) {
        return std::nullopt;
    }
    *name = std::string(m.text(n));
    return m.int_type(m.decls[d].type);
}

// Signed operands narrower than `to_width` in `e`, not under a mask.
void signed_narrow(const Model& m, TSNode e, int function, int to_width,
                   std::vector<std::pair<TSNode, std::string>>& out, int* from) {
    TSNode u = e;
    while (is(u, "parenthesized_expression") && ts_node_named_child_count(u) == 1) {
        u = ts_node_named_child(u, 0);
    }
    if (is(u, "binary_expression")) {
        std::string_view op = operator_of(u, m.src.text());
        if (op == "&") {
            return; // masked: the mask decides the high bits
        }
        if (op == "|" || op == "^" || op == "+" || op == "<<") {
            signed_narrow(m, field(u, "left"), function, to_width, out, from);
            if (op != "<<") {
                signed_narrow(m, field(u, "right"), function, to_width, out, from);
            }
        }
        return;
    }
    if (is(u, "cast_expression")) {
        // A cast to an unsigned type of the operand's own width stops the sign from spreading.
        auto ct = m.int_type(m.text(field(u, "type")));
        if (ct && !ct->second) {
            std::string nm;
            auto inner = type_of(m, field(u, "value"), function, &nm);
            if (inner && inner->second && inner->first <= 16 && ct->first > inner->first &&
                ct->first <= to_width) {
                out.emplace_back(u, nm);
                *from = inner->first;
            }
            return;
        }
        return;
    }
    std::string nm;
    auto t = type_of(m, u, function, &nm);
    if (t && t->second && t->first < to_width && t->first <= 16) {
        out.emplace_back(u, nm);
        *from = t->first;
    }
}

} // namespace

void SignExtensionCheck::run(const Model& m, Sink& out) const {
    walk(m.tree->root(), [&](TSNode n) {
        TSNode target{}, value{};
        if (is(n, "assignment_expression")) {
            std::string_view op = operator_of(n, m.src.text());
            if (op != "=" && op != "|=" && op != "+=") {
                return true;
            }
            target = field(n, "left");
            value = field(n, "right");
        } else if (is(n, "init_declarator")) {
            target = field(n, "declarator");
            value = field(n, "value");
        } else {
            return true;
        }
        if (ts_node_is_null(value) || ts_node_is_null(target)) {
            return true;
        }
        int function = m.function_at(line_of(n));
        std::string tname;
        auto tt = type_of(m, target, function, &tname);
        if (!tt || tt->second || tt->first <= 8) {
            return true;
        }
        std::vector<std::pair<TSNode, std::string>> hits;
        int from = 0;
        signed_narrow(m, value, function, tt->first, hits, &from);
        if (!hits.empty()) {
            out.report(line_of(hits.front().first), col_of(hits.front().first),
                       "signed " + std::to_string(from) + "-bit '" + hits.front().second +
                           "' is sign-extended into unsigned " + std::to_string(tt->first) +
                           "-bit '" + tname + "': negative values fill the high bits with ones");
        }
        return true;
    });
}

} // namespace hlsv::check
