// Comparing a run's observable behaviour with the golden's, and turning a sandbox outcome into
// a verdict.
#pragma once

#include "csim.h"
#include "sandbox.h"

#include <map>
#include <optional>
#include <string>

namespace hlsv::csim {

/// What a run produced that `compare` may look at.
struct Observed {
    int exit_code = -1;
    std::string out, err;
    std::map<std::string, std::optional<std::string>> files; ///< nullopt: not written
};

/// The first difference between golden and variant under the design's `compare` and `ignore`
/// settings, as one line ("stdout line 12: expected '...', got '...'"), or nullopt.
std::optional<std::string> first_difference(const DesignSpec& design, const Observed& golden,
                                            const Observed& variant);

/// The first difference between a run and the design's reference outputs ("expect"), with its
/// numeric tolerance, or nullopt.
std::optional<std::string> reference_difference(const DesignSpec& design, const Observed& run);

/// Output files named in `compare` or in `expect.files` (everything but exit/stdout/stderr), read
/// from `run_dir`.
std::map<std::string, std::optional<std::string>> collect_files(const DesignSpec& design,
                                                                const fs::path& run_dir);

/// The verdict of a finished run before comparison: timeout, sanitizer, crash, fail or pass.
Result classify(const Outcome& o, const Options& opts, double timeout_s);

} // namespace hlsv::csim
