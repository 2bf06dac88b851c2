// The type classifier. It reads only the edit and the facts, never the rule that made the edit,
// so a rule (or an LLM) that labels a dropped reset as MLU, a computed value zeroed as ZERO or a
// shift that stays inside a 64-bit operand as SHFT is caught and the sample rejected.
#include "classify_internal.h"

namespace hlsv::inject {

using namespace classify_detail;

TypeConfirmation confirm_type(const ErrorSpec& spec, const parse::DesignFacts& before,
                              const parse::DesignFacts& after, const std::string& after_text) {
    const std::string& t = spec.type;
    auto a = toks(code_only(spec.original));
    auto b = toks(code_only(spec.faulty));
    std::string function;
    for (const auto& fn : before.functions) {
        if (fn.line_start <= sline(spec) && sline(spec) <= fn.line_end) {
            function = fn.name;
        }
    }
    if (t == "OOB")
        return confirm_oob(spec, before, a, b);
    if (t == "INIT")
        return confirm_init(a, b, after_text);
    if (t == "SHFT")
        return confirm_shft(spec, before, b);
    if (t == "INF")
        return confirm_inf(spec, before, a, b);
    if (t == "USE")
        return confirm_use(a, b);
    if (t == "MLU")
        return confirm_mlu(spec, after_text, a, b);
    if (t == "ZERO")
        return confirm_zero(spec, before);
    if (t == "BUF")
        return confirm_buf(before, a, b, function);
    if (t == "PREC")
        return confirm_prec(a, b);
    if (t == "RAMB")
        return confirm_ramb(spec, after, after_text);
    if (t == "ILNU")
        return confirm_ilnu(spec, after);
    auto added = new_pragmas(spec, after);
    TypeConfirmation last = no("the edit adds or changes no pragma");
    for (const auto* p : added) {
        TypeConfirmation c;
        if (t == "APT")
            c = confirm_apt(*p, after, after_text);
        else if (t == "FND")
            c = confirm_fnd(*p, before, after);
        else if (t == "DID")
            c = confirm_did(*p, before, after);
        else if (t == "DFP")
            c = confirm_dfp(*p, after);
        else if (t == "IDAP")
            c = confirm_idap(*p, after, after_text);
        else if (t == "SMA")
            c = confirm_port_mode(*p, after, after_text, true);
        else if (t == "AMS")
            c = confirm_port_mode(*p, after, after_text, false);
        else if (t == "MLP")
            c = confirm_mlp(*p, after);
        else
            return no("the classifier does not know type " + t);
        if (c.ok) {
            return c;
        }
        last = c;
    }
    return last;
}

} // namespace hlsv::inject
