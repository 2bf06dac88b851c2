// Output of hlsv debug: JSON (the documented shape), text, SARIF 2.1.0.
#include "assist/assist.h"

#include <sstream>

namespace hlsv::assist {

nlohmann::ordered_json DebugReport::to_json() const {
    nlohmann::ordered_json j;
    j["design"] = design;
    j["verdict_before"] = verdict_before;
    j["detail_before"] = detail_before;
    j["has_testbench"] = has_testbench;
    j["fixed"] = fixed();
    j["candidates_tried"] = candidates_tried;
    j["fixes_validated"] = fixes_validated;
    j["fixes_proven"] = fixes_proven;
    j["notes"] = notes;
    j["suspects"] = nlohmann::ordered_json::array();
    for (const auto& s : suspects) {
        nlohmann::ordered_json e;
        e["file"] = s.file;
        e["line"] = s.line;
        e["type"] = s.type.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.type);
        e["score"] = std::round(s.score * 1000) / 1000;
        e["evidence"] = s.evidence;
        if (s.fix) {
            e["fix"] = {{"diff", s.fix->diff},
                        {"validated", s.fix->validated},
                        {"proven", s.fix->proven},
                        {"operator", s.fix->operator_id},
                        {"fixed_line", s.fix->fixed_line},
                        {"edit_size", s.fix->edit_size}};
        } else {
            e["fix"] = nullptr;
        }
        j["suspects"].push_back(std::move(e));
    }
    return j;
}

std::string DebugReport::to_text() const {
    std::ostringstream o;
    o << design << ": testbench " << verdict_before;
    if (!detail_before.empty()) {
        o << " (" << detail_before << ")";
    }
    o << "\n";
    for (const auto& n : notes) {
        o << "note: " << n << "\n";
    }
    int rank = 0;
    for (const auto& s : suspects) {
        o << "#" << ++rank << " " << s.file << ":" << s.line << " "
          << (s.type.empty() ? "?" : s.type) << " score " << s.score << "\n";
        for (const auto& e : s.evidence) {
            o << "    - " << e << "\n";
        }
        if (s.fix) {
            o << "    fix ("
              << (s.fix->proven      ? "proven: testbench, ASan+UBSan"
                  : s.fix->validated ? "validated by the testbench only"
                                     : "not validated")
              << "):\n";
            std::istringstream d(s.fix->diff);
            std::string line;
            while (std::getline(d, line)) {
                o << "      " << line << "\n";
            }
        }
    }
    if (suspects.empty()) {
        o << "no suspects\n";
    }
    o << (fixed() ? "a validated fix was found\n" : "no fix was proven\n");
    return o.str();
}

std::string to_sarif(const DebugReport& r) {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& s : r.suspects) {
        std::string msg = "suspect line" + (s.type.empty() ? "" : " (" + s.type + ")");
        for (const auto& e : s.evidence) {
            msg += "; " + e;
        }
        nlohmann::ordered_json res;
        res["ruleId"] = "hlsv-debug-suspect";
        res["level"] = s.fix && s.fix->validated ? "error" : "warning";
        res["message"] = {{"text", msg}};
        res["locations"] = nlohmann::ordered_json::array(
            {{{"physicalLocation",
               {{"artifactLocation", {{"uri", s.file}}}, {"region", {{"startLine", s.line}}}}}}});
        res["properties"] = {{"score", s.score}, {"type", s.type}};
        results.push_back(std::move(res));
    }
    nlohmann::ordered_json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = nlohmann::ordered_json::array(
        {{{"tool",
           {{"driver",
             {{"name", "hlsv-debug"},
              {"version", HLSV_VERSION},
              {"rules", nlohmann::ordered_json::array(
                            {{{"id", "hlsv-debug-suspect"},
                              {"shortDescription",
                               {{"text", "A line the debugging assistant suspects."}}}}})}}}}},
          {"results", results}}});
    return log.dump(2) + "\n";
}

} // namespace hlsv::assist
