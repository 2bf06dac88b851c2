// Code actions: each finding's fix-it (a text edit that removes the finding) and the
// `// hlsv-ignore RULE` suppression comment; fixes proven by `hlsv debug` too.
#pragma once

#include "diagnostics.h"
#include "documents.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace hlsv::lsp {

/// A single-edit fix for a finding.
struct FixIt {
    std::string title;
    nlohmann::json edit; ///< LSP TextEdit
    bool preferred = false;
};

/// The fix-it of a finding when the rule has a mechanical one: remove a pragma that cannot be
/// honoured, respell an unknown directive or option, name the closest declared variable, ...
std::optional<FixIt> fix_it(const std::string& text, const check::Finding& f, Encoding enc);

/// The edit that inserts `// hlsv-ignore RULE` on its own line above the finding.
FixIt ignore_action(const std::string& text, const check::Finding& f, Encoding enc);

/// A suspect line with a proven replacement (from the debug command).
struct LineFix {
    int line = 0; ///< 1-based
    std::string replacement;
    std::string title;
};

/// `CodeAction[]` for the findings and proven fixes on 0-based lines [first, last].
/// `context_diagnostics` (from the request) are attached to the actions whose code they match.
nlohmann::json code_actions(const Document& doc, const Analysis& a,
                            const std::vector<LineFix>& proven, int first, int last, Encoding enc,
                            const nlohmann::json& context_diagnostics);

} // namespace hlsv::lsp
