// JSON: {"findings": [{file, line, column, rule, type, severity, message, fingerprint}], ...}.
#include "check.h"

#include <nlohmann/json.hpp>

namespace hlsv::check {

std::string format_json(const Report& report) {
    nlohmann::ordered_json j;
    j["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : report.findings) {
        nlohmann::ordered_json o;
        o["file"] = f.file;
        o["line"] = f.line;
        o["column"] = f.column;
        o["rule"] = f.rule;
        o["type"] = f.type ? nlohmann::ordered_json(*f.type) : nlohmann::ordered_json(nullptr);
        o["severity"] = to_string(f.severity);
        o["message"] = f.message;
        o["fingerprint"] = f.fingerprint;
        j["findings"].push_back(std::move(o));
    }
    j["files_checked"] = report.files.size();
    j["lines_checked"] = report.lines;
    j["baselined"] = report.baselined;
    j["lines_skipped"] = report.skipped_lines; // inactive #if branches
    j["notes"] = nlohmann::ordered_json::array();
    for (const auto& n : report.notes) {
        j["notes"].push_back({{"file", n.file}, {"line", n.line}, {"message", n.message}});
    }
    // Invalid UTF-8 in messages (quoted source) is replaced rather than failing the report.
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace hlsv::check
