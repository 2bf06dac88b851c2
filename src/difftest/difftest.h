// hlsv difftest: validating a function without a testbench by comparing it with a variant.
// A generated driver builds golden and variant into one binary (two namespaces), feeds both
// the same generated inputs (seeded random plus boundary values), compares every output
// (return value, arrays and pointers, references, hls::stream contents, static state across
// calls) and shrinks the first difference to a witness testbench that compiles on its own.
// For code that does not compile alone, a prelude of the missing declarations is synthesized.
// Builds and runs go through the C-simulation sandbox (csim).
#pragma once

#include "core/core.h"
#include "csim/csim.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::difftest {

// ---------------------------------------------------------------------------------------------
// Signature model
// ---------------------------------------------------------------------------------------------

struct Argument {
    std::string name;
    std::string type;       ///< as written
    long long elements = 0; ///< pointers/arrays: elements of the outermost dimension
    int stream_depth = 0;   ///< hls::stream arguments: elements fed before the call
    bool pointer = false;   ///< passed as a pointer (arrays decay)
};

struct Signature {
    std::string top;
    std::vector<Argument> args;
};

struct SignatureOptions {
    long long depth = 1024; ///< elements of a pointer with no declared size or depth pragma
    int stream_depth = 64;  ///< elements of an input stream with no depth pragma
};

/// The top function's arguments from the parse facts of `source` (declared array sizes,
/// `depth` of interface pragmas, else the defaults). Throws InputError when the source has no
/// definition of `top`.
Signature signature_of(const fs::path& source, const std::string& text, const std::string& top,
                       const std::vector<std::string>& cflags, const SignatureOptions& opts = {});

// ---------------------------------------------------------------------------------------------
// Prelude synthesis
// ---------------------------------------------------------------------------------------------

struct Prelude {
    bool compiles = false;
    std::string text; ///< the declarations (empty when none are needed)
    /// Headers the source includes that do not exist: provided empty (in `stub_dir`).
    std::vector<std::string> empty_headers;
    std::vector<std::string> provided; ///< one line each: "type foo_t = int", "constant N = 32"
    std::string diagnostic;            ///< first remaining compiler error when !compiles
    int rounds = 0;
};

/// Finds what `source` needs to compile (from compiler diagnostics, over a few rounds) and
/// synthesizes declarations for it: unknown type names become integer or HLS types chosen
/// from their use, unknown constants get sizes that fit the arrays they bound, missing
/// helpers become pure functions with a deterministic body. Compiles with the design's own
/// compiler (gcc for C, g++ for C++) and the HLS headers.
Prelude synthesize_prelude(const fs::path& source, const std::string& language,
                           const std::vector<std::string>& cflags,
                           const std::string& hls_include = "");

// ---------------------------------------------------------------------------------------------
// Differential run
// ---------------------------------------------------------------------------------------------

struct Options {
    std::uint64_t seed = 1;
    long cases = 20000;         ///< upper bound on cases
    double seconds = 3;         ///< upper bound on time spent running cases
    double call_timeout_s = 1;  ///< one call of golden or variant
    double shrink_seconds = 2;  ///< time for shrinking the first difference
    bool sanitize_phase = true; ///< when no difference: a shorter run under ASan + UBSan
    SignatureOptions signature;
    std::string prelude; ///< prelude text shared by golden and variant ("" for none)
    std::vector<std::string> empty_headers; ///< missing headers to provide empty (Prelude)
    csim::Options sim;                      ///< hls_include, cache dir, keep, ...
};

enum class Status {
    same,       ///< no difference in the cases run
    difference, ///< a difference, with a witness
    no_driver,  ///< the driver does not build (message in detail)
    no_cases,   ///< the golden failed (crashed or timed out) on every case
};
std::string_view to_string(Status s);

struct Witness {
    std::string testbench; ///< a testbench: compile it with the design (HLSV_DUT names the file)
    std::string inputs;    ///< the inputs, as text
    std::string expected;  ///< the golden's outputs, as text
    std::string actual;    ///< the variant's outputs (mismatch only)
    std::uint64_t seed = 0;
    long history = 0;      ///< calls before the witness call (static state)
    std::size_t words = 0; ///< non-zero input words after shrinking
};

struct Result {
    Status status = Status::same;
    std::string kind;   ///< difference: mismatch | crash | timeout | sanitizer
    std::string detail; ///< one line
    long cases = 0;     ///< cases run (both sides)
    long skipped = 0;   ///< cases the golden itself failed on
    double seconds = 0;
    std::optional<Witness> witness;
    nlohmann::ordered_json to_json() const;
};

/// Driver source for `design` with the variant text of its top source (exposed for tests and
/// for `--keep`-style inspection).
std::string driver_source(const DesignSpec& design, const fs::path& top_source,
                          const fs::path& variant_file, const Signature& sig,
                          const std::string& prelude);

/// Compares the design's top source file with `variant_text` (the same file, edited).
/// `variant_text` empty: the golden against itself (a smoke test of the driver).
Result run(const DesignSpec& design, const std::string& variant_text, const Options& opts = {});

/// Compares several variants of the design's top source (one driver build each, in parallel
/// up to opts.sim.jobs). Results are in order.
std::vector<Result> run_many(const DesignSpec& design, const std::vector<std::string>& variants,
                             const Options& opts = {});

/// The design source that defines the top function (sources[0] when none is found).
fs::path top_source(const DesignSpec& design);

} // namespace hlsv::difftest
