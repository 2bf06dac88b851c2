// Private to the assist module.
#pragma once

#include "assist/assist.h"
#include "csim/csim.h"

#include <functional>
#include <map>

namespace hlsv::assist::detail {

/// How candidate fixes are run: the first judgement uses the plain build; the proof of a fix
/// that passes re-runs it under ASan+UBSan, once per testbench case (`env` HLSV_CASE=k).
struct RunMode {
    double timeout = 0; ///< per run, from the failing design's own run (see fix_check_timeout)
    bool sanitize = false;
    std::map<std::string, std::string> env;
};

/// Decides whether candidate versions of the design (each replacing one or more of its files)
/// make it pass. With a reference (the golden design, in evaluation, or `--reference`),
/// candidates run as one batch against its outputs; without one (a user's failing design), each
/// candidate runs its own testbench. An empty answer: the candidates could not be judged (the
/// build or the reference run failed), which is not a verdict on them.
using FixOracle =
    std::function<std::vector<bool>(const std::vector<csim::Variant>& versions, const RunMode&)>;

/// The debugging assistant with a given file to investigate (the other sources of the design
/// and the `.c` files they include are analysed too) and an optional fix oracle (nullptr: no
/// simulation-based fix search). `reference`: a design whose outputs are the expected ones
/// (the failing design's verdict and coverage are taken against it), or nullptr.
DebugReport debug_impl(const DesignSpec& design, const DebugOptions& opts,
                       const fs::path& target_file, const FixOracle& oracle,
                       const DesignSpec* reference = nullptr);

/// A suspect proposed by the LLM, with its fix applied to the whole file when it applies.
struct LlmCandidate {
    int line = 0;
    std::string type;
    std::string explanation;
    std::string fixed_text; ///< the file with the fix applied ("" when none applies)
    double weight = 1;      ///< rank-based: the model's first candidate weighs most
};

/// Asks the configured LLM backend for suspects (localize prompt, similar known bugs from the
/// store). Problems (no answer, unusable reply, lines that do not exist) go to `notes`.
std::vector<LlmCandidate> llm_candidates(const DesignSpec& design, const std::string& file_name,
                                         const std::string& text, const std::string& symptom,
                                         const DebugOptions& opts, std::vector<std::string>& notes);

/// Timeout for judging candidate fixes: `user` when set, else ten times the reference run
/// (at least 1 s, at most the design's timeout). Most candidates leave the bug in place, and a
/// loop bug would otherwise make each of them wait out the design's full timeout.
double fix_check_timeout(const DesignSpec& reference, double user);

/// The same from a reference run already made (`design_timeout`: the design's own limit).
double fix_check_timeout(const csim::Result& reference_run, double design_timeout, double user);

/// Copies `design` into `dir` with `file_name` replaced by `text`, and loads the copy.
DesignSpec materialize(const DesignSpec& design, const fs::path& dir, const std::string& file_name,
                       const std::string& text);

/// Recomputes the totals of `result` (by type, total, functional, pragma) from its per-sample
/// scores: the one tally of an evaluation and of a merge of shards, so both give the same.
void tally(EvalResult& result);

} // namespace hlsv::assist::detail
