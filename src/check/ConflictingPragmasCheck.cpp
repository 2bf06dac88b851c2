#include "ConflictingPragmasCheck.h"

#include "util.h"

namespace hlsv::check {

const RuleInfo& ConflictingPragmasCheck::info() const {
    static const RuleInfo r{
        "hls-conflicting-pragmas",
        std::nullopt,
        Severity::error,
        "Two pragmas on the same target contradict each other.",
        "{directive} pragma contradicts the one at line {line}",
        "Keep one pragma per target and aspect: one partition per array dimension, one data "
        "interface mode per port (s_axilite control alongside m_axi is fine), one pipeline per "
        "region. Partition conflicts map to APT, interface conflicts to IDAP."};
    return r;
}

namespace {

std::string partition_key(const PragmaInfo& p) {
    return p.p.get("type").value_or("complete") + " factor=" + p.p.get("factor").value_or("-");
}

} // namespace

void ConflictingPragmasCheck::run(const Model& m, Sink& out) const {
    const auto& ps = m.pragmas;
    for (std::size_t j = 0; j < ps.size(); ++j) {
        const PragmaInfo& b = ps[j];
        for (std::size_t i = 0; i < j; ++i) {
            const PragmaInfo& a = ps[i];
            if (a.function != b.function || a.function < 0 || a.p.directive != b.p.directive) {
                continue;
            }
            const std::string& d = a.p.directive;
            if ((d == "array_partition" || d == "array_reshape") &&
                a.p.get("variable") == b.p.get("variable") && !a.p.has("off") && !b.p.has("off")) {
                std::string da = a.p.get("dim").value_or("1");
                std::string db = b.p.get("dim").value_or("1");
                bool overlap = da == db || da == "0" || db == "0";
                if (overlap && partition_key(a) != partition_key(b)) {
                    out.report(b.line, b.col,
                               d + " of '" + a.p.get("variable").value_or("") + "' (" +
                                   partition_key(b) + ", dim=" + db +
                                   ") contradicts the one at line " + std::to_string(a.line) +
                                   " (" + partition_key(a) + ", dim=" + da + ")",
                               "APT");
                    break;
                }
            }
            if (d == "interface" && a.p.get("port") == b.p.get("port")) {
                std::string ma = interface_mode(a);
                std::string mb = interface_mode(b);
                if (ma != mb && ma != "s_axilite" && mb != "s_axilite" &&
                    ma.rfind("ap_ctrl", 0) != 0 && mb.rfind("ap_ctrl", 0) != 0 && !ma.empty() &&
                    !mb.empty()) {
                    out.report(b.line, b.col,
                               "interface mode=" + mb + " for port '" +
                                   b.p.get("port").value_or("") + "' contradicts mode=" + ma +
                                   " at line " + std::to_string(a.line),
                               "IDAP");
                    break;
                }
            }
            if (d == "pipeline" && a.loop == b.loop) {
                if (a.p.get("ii") != b.p.get("ii") || a.p.has("off") != b.p.has("off")) {
                    out.report(b.line, b.col,
                               "pipeline pragma contradicts the one at line " +
                                   std::to_string(a.line) + " on the same " +
                                   (a.loop ? "loop" : "function"),
                               std::nullopt);
                    break;
                }
            }
        }
    }
}

} // namespace hlsv::check
