// Checker findings on a document's in-memory text, and their LSP Diagnostic form.
#pragma once

#include "check/check.h"
#include "documents.h"
#include "project.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hlsv::lsp {

/// One check of one version of a document.
struct Analysis {
    int version = -1;
    std::vector<check::Finding> findings;
    std::vector<check::FileNote> notes;
    std::string skipped; ///< why the text was not checked ("looks like a binary file"), or ""
    double check_ms = 0; ///< time spent in the checker
};

/// Runs the checker on `doc.text` with the project's options; binary or oversized text is
/// not checked (Analysis::skipped says why).
Analysis analyze(const Document& doc, const Project& project, std::size_t max_bytes);

/// The LSP range of a finding: from its column to the end of its line (trailing blanks off).
nlohmann::json finding_range(const std::string& text, const check::Finding& f, Encoding enc);

/// LSP severity (1 error .. 4 hint) of a checker severity.
int lsp_severity(check::Severity s);

/// `Diagnostic[]` for the analysis and the project's problems.
nlohmann::json to_diagnostics(const Document& doc, const Analysis& a, const Project& project,
                              Encoding enc);

} // namespace hlsv::lsp
