#include "diagnostics.h"

#include <chrono>

namespace hlsv::lsp {

using json = nlohmann::json;

namespace {

std::string_view line_text(const std::string& text, int line1) {
    std::size_t at = 0;
    for (int l = 1; l < line1; ++l) {
        at = text.find('\n', at);
        if (at == std::string::npos) {
            return {};
        }
        ++at;
    }
    std::size_t end = text.find('\n', at);
    std::string_view s(text);
    s = s.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (!s.empty() && s.back() == '\r') {
        s.remove_suffix(1);
    }
    return s;
}

json position(int line0, int character) {
    return {{"line", std::max(line0, 0)}, {"character", std::max(character, 0)}};
}

json file_start_range() {
    return {{"start", position(0, 0)}, {"end", position(0, 0)}};
}

} // namespace

Analysis analyze(const Document& doc, const Project& project, std::size_t max_bytes) {
    Analysis a;
    a.version = doc.version;
    if (doc.text.size() > max_bytes) {
        a.skipped = "not checked: " + std::to_string(doc.text.size() >> 20) +
                    " MiB is over the limit of " + std::to_string(max_bytes >> 20) + " MiB";
        return a;
    }
    if (looks_binary(doc.text)) {
        a.skipped = "not checked: the buffer looks like a binary file";
        return a;
    }
    std::string name = doc.path.empty() ? doc.uri : doc.path.string();
    auto t0 = std::chrono::steady_clock::now();
    a.findings = check::check_source(name, doc.text, project.check, &a.notes, nullptr,
                                     doc.parse_cache.get());
    a.check_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return a;
}

json finding_range(const std::string& text, const check::Finding& f, Encoding enc) {
    std::string_view line = line_text(text, f.line);
    std::size_t end = line.find_last_not_of(" \t");
    end = end == std::string_view::npos ? 0 : end + 1;
    std::size_t start = f.column > 0 ? static_cast<std::size_t>(f.column - 1) : 0;
    if (start >= end) {
        start = line.find_first_not_of(" \t");
        start = start == std::string_view::npos ? 0 : start;
    }
    return {{"start", position(f.line - 1, character_of(line, start, enc))},
            {"end", position(f.line - 1, character_of(line, std::max(start, end), enc))}};
}

int lsp_severity(check::Severity s) {
    switch (s) {
    case check::Severity::error:
        return 1;
    case check::Severity::warning:
        return 2;
    case check::Severity::note:
        return 3;
    }
    return 3;
}

json to_diagnostics(const Document& doc, const Analysis& a, const Project& project, Encoding enc) {
    json out = json::array();
    for (const auto& problem : project.problems) {
        out.push_back({{"range", file_start_range()},
                       {"severity", 2},
                       {"source", "hlsv"},
                       {"message", problem}});
    }
    if (!a.skipped.empty()) {
        out.push_back({{"range", file_start_range()},
                       {"severity", 3},
                       {"source", "hlsv"},
                       {"message", a.skipped}});
        return out;
    }
    for (const auto& f : a.findings) {
        json d = {{"range", finding_range(doc.text, f, enc)},
                  {"severity", lsp_severity(f.severity)},
                  {"code", f.rule},
                  {"source", "hlsv"},
                  {"message", f.message},
                  {"data", {{"fingerprint", f.fingerprint}}}};
        if (f.type) {
            d["data"]["type"] = *f.type;
        }
        out.push_back(std::move(d));
    }
    for (const auto& n : a.notes) {
        int line = std::max(n.line, 1) - 1;
        out.push_back({{"range", {{"start", position(line, 0)}, {"end", position(line, 0)}}},
                       {"severity", 4},
                       {"source", "hlsv"},
                       {"message", n.message}});
    }
    return out;
}

} // namespace hlsv::lsp
