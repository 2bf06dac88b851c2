// JUnit XML: one testsuite, one testcase per checked file, one <failure> per finding.
#include "check.h"

#include <map>

namespace hlsv::check {

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
