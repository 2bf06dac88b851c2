// Compiler-style text: `file:line:col: warning: message [rule]`, the source line and a caret.
#include "check.h"

namespace hlsv::check {

std::string format_text(const Report& report) {
    std::string out;
    for (const auto& n : report.notes) {
        out += n.file;
        if (n.line > 0) {
            out += ':';
            out += std::to_string(n.line);
        }
        out += ": note: " + n.message + "\n";
    }
    for (const auto& f : report.findings) {
        out += f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
               std::string(to_string(f.severity)) + ": " + f.message + " [" + f.rule +
               (f.type ? "," + *f.type : "") + "]\n";
        if (!f.source_line.empty()) {
            out += f.source_line + "\n";
            std::string caret;
            for (int i = 1; i < f.column && static_cast<std::size_t>(i) <= f.source_line.size();
                 ++i) {
                caret += f.source_line[i - 1] == '\t' ? '\t' : ' ';
            }
            out += caret + "^\n";
        }
    }
    std::size_t errors = 0, warnings = 0;
    for (const auto& f : report.findings) {
        errors += f.severity == Severity::error;
        warnings += f.severity == Severity::warning;
    }
    out += std::to_string(report.files.size()) + " file" + (report.files.size() == 1 ? "" : "s") +
           " checked, " + std::to_string(errors) + " error" + (errors == 1 ? "" : "s") + ", " +
           std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") +
           (report.baselined ? ", " + std::to_string(report.baselined) + " in baseline"
                             : std::string()) +
           "\n";
    return out;
}

} // namespace hlsv::check
