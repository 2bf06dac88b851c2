// Mutant schemata for C++ designs: many versions of one source file in one translation unit.
// `#include` lines are hoisted to the top; each version's remaining text goes into its own
// namespace (hlsv_v0000 = golden, hlsv_v0001.. = variants), with the functions the rest of the
// program calls renamed by a macro so argument-dependent lookup cannot see the global
// declarations; global dispatchers with the original signatures forward to the slot chosen by
// $HLSV_VARIANT (read once).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hlsv::csim {

/// A function defined at file scope that other translation units may call.
struct ExportedFunction {
    std::string name;
    std::string head;                     ///< declaration text: return type, name, (params)
    std::vector<std::string> param_names; ///< in order
    std::string signature;                ///< normalized head (whitespace collapsed)
};

/// The exported (non-static, non-inline, non-template, unqualified) functions defined at file
/// scope in `text`, or nullopt when the text has something the schema cannot wrap safely
/// (qualified definitions like `A::f`, operators, unnamed or function-pointer parameters).
std::optional<std::vector<ExportedFunction>> exported_functions(const std::string& text);

/// Builds the batch translation unit. `versions[0]` is the golden text; `file_name` names the
/// original file in `#line` directives. All versions must export the same signatures (checked
/// by the caller).
std::string make_batch(const std::string& file_name, const std::vector<std::string>& versions,
                       const std::vector<ExportedFunction>& exports);

} // namespace hlsv::csim
