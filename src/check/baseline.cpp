// Baselines: fingerprints of known findings, read from an earlier JSON or SARIF output.
#include "check.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hlsv::check {

std::set<std::string> load_baseline(const fs::path& file) {
    std::string text = read_file(file);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file, std::string("baseline is not JSON: ") + e.what());
    }
    std::set<std::string> out;
    auto take = [&](const nlohmann::json& v) {
        if (v.is_string() && !v.get<std::string>().empty()) {
            out.insert(v.get<std::string>());
        }
    };
    if (j.is_object() && j.contains("findings") && j["findings"].is_array()) {
        for (const auto& f : j["findings"]) {
            if (f.is_object() && f.contains("fingerprint")) {
                take(f["fingerprint"]);
            }
        }
        return out;
    }
    if (j.is_object() && j.contains("runs") && j["runs"].is_array()) {
        for (const auto& run : j["runs"]) {
            if (!run.is_object() || !run.contains("results") || !run["results"].is_array()) {
                continue;
            }
            for (const auto& r : run["results"]) {
                if (r.is_object() && r.contains("partialFingerprints") &&
                    r["partialFingerprints"].is_object() &&
                    r["partialFingerprints"].contains("hlsvFingerprint/v1")) {
                    take(r["partialFingerprints"]["hlsvFingerprint/v1"]);
                }
            }
        }
        return out;
    }
    throw InputError(file,
                     "baseline is neither hlsv JSON output (\"findings\") nor SARIF (\"runs\")");
}

void apply_baseline(Report& report, const std::set<std::string>& known) {
    auto it = std::remove_if(report.findings.begin(), report.findings.end(),
                             [&](const Finding& f) { return known.count(f.fingerprint) > 0; });
    report.baselined += static_cast<std::size_t>(report.findings.end() - it);
    report.findings.erase(it, report.findings.end());
}

} // namespace hlsv::check
