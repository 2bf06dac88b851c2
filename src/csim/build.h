// The toolchain: compiler choice and flags for a design, compiling with the first diagnostic
// kept, and a content-addressed object cache (testbench and golden objects compile once).
#pragma once

#include "csim.h"

#include <optional>
#include <string>
#include <vector>

namespace hlsv::csim {

/// The outcome of one compiler or linker invocation.
struct BuildStep {
    bool ok = false;
    std::string diagnostic; ///< first error line (or the failure reason)
    std::string log;        ///< capped compiler output
};

/// True for .c files (compiled with gcc); everything else is C++.
bool is_c_file(const fs::path& file);

/// Flags and the compiler for one design under one set of options.
class Toolchain {
  public:
    Toolchain(const DesignSpec& design, const Options& opts, bool coverage = false);

    /// "gcc" or "g++" for `file`.
    std::string compiler_for(const fs::path& file) const;
    /// The linker driver: g++ when any C++ is involved.
    std::string linker() const;
    /// Flags to compile `file` (includes, defaults, design cflags, sanitizers).
    std::vector<std::string> compile_flags(const fs::path& file) const;
    std::vector<std::string> link_flags() const;
    /// Hash of everything besides the source text that determines an object: compiler version,
    /// flags, the design's headers and the HLS headers.
    const std::string& fingerprint() const { return fingerprint_; }
    const fs::path& hls_include() const { return hls_include_; }
    const fs::path& design_dir() const { return design_.dir; }
    /// Hash of the compiler version(s) and the HLS header tree: what a precompiled header of
    /// those headers depends on besides the flags.
    const std::string& hls_fingerprint() const { return hls_fingerprint_; }

  private:
    const DesignSpec& design_;
    Options opts_;
    bool coverage_;
    fs::path hls_include_;
    std::string fingerprint_;
    std::string hls_fingerprint_;
};

/// Runs the compiler `argv` in `cwd` (sandboxed, not privilege-dropped) with a generous timeout.
BuildStep run_compiler(const std::vector<std::string>& argv, const fs::path& cwd);

/// Limits of every compiler and linker run (RLIMIT_AS and CPU/wall seconds).
inline constexpr std::uint64_t k_compiler_memory = 3ull << 30;
inline constexpr double k_compiler_seconds = 300;

/// Sources (and variant texts) larger than the input limit (input_limit()) are a compile_error
/// before the compiler runs: false, with `step` filled.
bool check_source_size(const fs::path& source, BuildStep& step);

/// Compiles `source` (compiled from its own directory under its file name, so __FILE__ does
/// not depend on where it lives) into an object in the cache, or returns the cached one.
/// A cached object is reused only while every file the compiler read for it (its -MD
/// dependency list: headers in any folder, `#include`d .inc/.dat files, system and HLS
/// headers) has the content it had. `key`, when given, receives a hash of the object's whole
/// input (flags, toolchain, dependency closure). `use_cache` false: compile afresh and store
/// nothing reusable. On failure returns nullopt and fills `step`.
std::optional<fs::path> cached_object(const Toolchain& tc, const fs::path& cache_dir,
                                      const fs::path& source, BuildStep& step,
                                      std::string* key = nullptr, bool use_cache = true);

/// Flags that make a compile of `file` (whose text is `text`) use a precompiled header of the
/// HLS headers the text includes, directly or through the design's own headers: {"-include",
/// <cache_dir>/pch/<hash>/hlsv_pch.h}. Built on first use and shared by every design with the
/// same flags (include paths aside); checked with `-H` that g++ really uses it. Empty when no
/// PCH applies: C files, no HLS header, a design that defines a macro the HLS headers test or
/// shadows one of them, or a PCH that fails to build. Thread-safe.
std::vector<std::string> pch_flags(const Toolchain& tc, const fs::path& cache_dir,
                                   const fs::path& file, const std::string& text);

/// The default cache directory ($HLSV_CACHE_DIR, else $XDG_CACHE_HOME/hlsv/csim, else
/// ~/.cache/hlsv/csim).
fs::path default_cache_dir();

/// SHA-256 of a file's content ("missing" when it is not a regular file), memoized by stat.
std::string content_hash(const fs::path& p);
/// A file's content_hash, or for a directory a hash of every file under it (names and
/// contents; past `content_budget` bytes, size and times stand in for contents).
std::string path_hash(const fs::path& p, std::uintmax_t content_budget = 256ull << 20);

/// Design-directory headers and C/C++ files (top level), whose text affects compilation.
std::vector<fs::path> design_code_files(const fs::path& dir);

} // namespace hlsv::csim
