// SARIF 2.1.0: rule metadata from the registry, results with relative artifact URIs
// (uriBaseId SRCROOT), regions, and partialFingerprints so CI can track findings across commits.
#include "check.h"

#include <nlohmann/json.hpp>

namespace hlsv::check {

namespace {

std::string percent_encode_path(std::string_view p) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : p) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// CamelCase name for a kebab-case id ("hls-nested-pipeline" -> "HlsNestedPipeline").
std::string camel(std::string_view id) {
    std::string out;
    bool up = true;
    for (char c : id) {
        if (c == '-') {
            up = true;
            continue;
        }
        out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        up = false;
    }
    return out;
}

std::string level(Severity s) {
    return std::string(to_string(s));
}

} // namespace

std::string format_sarif(const Report& report, const fs::path& base) {
    using json = nlohmann::ordered_json;
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(base, ec), ec);
    auto artifact = [&](const std::string& file) {
        fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
        fs::path rel = abs.lexically_relative(root);
        json loc;
        if (!rel.empty() && rel.native().rfind("..", 0) != 0) {
            loc["uri"] = percent_encode_path(rel.generic_string());
            loc["uriBaseId"] = "SRCROOT";
        } else {
            loc["uri"] = "file://" + percent_encode_path(abs.generic_string());
        }
        return loc;
    };

    json driver;
    driver["name"] = "hlsv";
    driver["fullName"] = "hlsv static HLS checker";
    driver["version"] = HLSV_VERSION;
    driver["semanticVersion"] = HLSV_VERSION;
    driver["rules"] = json::array();
    const auto& all = rules();
    for (const auto& r : all) {
        json rule;
        rule["id"] = r.id;
        rule["name"] = camel(r.id);
        rule["shortDescription"] = {{"text", r.summary}};
        rule["fullDescription"] = {{"text", r.summary + " " + r.help}};
        rule["help"] = {{"text", r.help}};
        rule["defaultConfiguration"] = {{"level", level(r.severity)}};
        json props;
        props["tags"] = json::array({"hls"});
        if (r.type) {
            props["tags"].push_back(*r.type);
            props["chrysalisType"] = *r.type;
        }
        rule["properties"] = props;
        driver["rules"].push_back(std::move(rule));
    }

    json results = json::array();
    for (const auto& f : report.findings) {
        json res;
        res["ruleId"] = f.rule;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].id == f.rule) {
                res["ruleIndex"] = i;
            }
        }
        res["level"] = level(f.severity);
        res["message"] = {{"text", f.message}};
        json region = {{"startLine", std::max(f.line, 1)}, {"startColumn", std::max(f.column, 1)}};
        if (!f.source_line.empty()) {
            region["snippet"] = {{"text", f.source_line}};
        }
        res["locations"] = json::array(
            {{{"physicalLocation", {{"artifactLocation", artifact(f.file)}, {"region", region}}}}});
        res["partialFingerprints"] = {{"hlsvFingerprint/v1", f.fingerprint}};
        if (f.type) {
            res["properties"] = {{"chrysalisType", *f.type}};
        }
        results.push_back(std::move(res));
    }

    json notifications = json::array();
    for (const auto& n : report.notes) {
        json note;
        note["level"] = "note";
        note["message"] = {{"text", n.message}};
        json phys = {{"artifactLocation", artifact(n.file)}};
        if (n.line > 0) {
            phys["region"] = {{"startLine", n.line}};
        }
        note["locations"] = json::array({{{"physicalLocation", phys}}});
        notifications.push_back(std::move(note));
    }

    json run;
    run["tool"] = {{"driver", driver}};
    std::string root_uri = "file://" + percent_encode_path(root.generic_string());
    if (root_uri.back() != '/') {
        root_uri += '/';
    }
    run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", root_uri}}}};
    run["invocations"] = json::array(
        {{{"executionSuccessful", true}, {"toolExecutionNotifications", notifications}}});
    run["columnKind"] = "utf16CodeUnits";
    run["results"] = results;

    json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = json::array({run});
    return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace hlsv::check
