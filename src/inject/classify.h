// The type classifier: confirms from an injection's edit (original -> faulty text) and the
// design facts before and after it that the bug is of the type it claims, independently of the
// rule (or LLM) that made it, and records why as evidence.
#pragma once

#include "inject.h"

#include <string>

namespace hlsv::inject {

struct TypeConfirmation {
    bool ok = false;
    std::string evidence; ///< ok: why the edit is of this type; else: why it is not
};

/// Confirms one entry's type. `before`/`after` are the facts of the source and of the buggy
/// source (tree-sitter facts suffice); `after_text` the buggy source.
TypeConfirmation confirm_type(const ErrorSpec& spec, const parse::DesignFacts& before,
                              const parse::DesignFacts& after, const std::string& after_text);

} // namespace hlsv::inject
