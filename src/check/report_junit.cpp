// JUnit XML: one testsuite, one testcase per checked file, one <failure> per finding.
#include "check.h"

#include <map>

namespace hlsv::check {

namespace {

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // XML 1.0 forbids most control characters.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                out += ' ';
            } else {
                out += c;
            }
        }
    }
    return out;
}

} // namespace

std::string format_junit(const Report& report) {
    std::map<std::string, std::vector<const Finding*>> by_file;
    for (const auto& f : report.findings) {
        by_file[f.file].push_back(&f);
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites name=\"hlsv check\" tests=\"" + std::to_string(report.files.size()) +
           "\" failures=\"" + std::to_string(by_file.size()) + "\">\n";
    out += "  <testsuite name=\"hlsv check\" tests=\"" + std::to_string(report.files.size()) +
           "\" failures=\"" + std::to_string(by_file.size()) + "\" errors=\"0\">\n";
    for (const auto& file : report.files) {
        out += "    <testcase classname=\"hlsv.check\" name=\"" + xml_escape(file) + "\"";
        auto it = by_file.find(file);
        if (it == by_file.end()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        for (const Finding* f : it->second) {
            std::string where =
                f->file + ":" + std::to_string(f->line) + ":" + std::to_string(f->column);
            out += "      <failure type=\"" + xml_escape(f->rule) + "\" message=\"" +
                   xml_escape(f->message) + "\">" +
                   xml_escape(where + ": " + std::string(to_string(f->severity)) + ": " +
                              f->message + " [" + f->rule + "]") +
                   "</failure>\n";
        }
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

} // namespace hlsv::check
