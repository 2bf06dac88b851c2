// Shared by the fuzz targets: a scratch directory per process and the one rule of every target.
//
// The rule: hlsv::Error (InputError and friends, a clear message and exit 2 or 3) is the
// expected answer to bad input and is swallowed; anything else escaping (std::out_of_range, a
// nlohmann type_error, a crash, a sanitizer report) is a bug the fuzzer reports.
#pragma once

#include "core/core.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unistd.h>

namespace hlsv::fuzz {

/// A directory private to this fuzzing process, emptied at exit by the OS's tmp cleaning only:
/// targets overwrite the same few files on every input.
inline const fs::path& scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("hlsv-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Writes `content` to `scratch()/name` (plain write: the target is single-threaded).
inline fs::path put(const std::string& name, const std::string& content) {
    fs::path p = scratch() / name;
    write_file_atomic(p, content);
    return p;
}

/// Runs `body`, swallowing only hlsv's own errors.
template <class F> int guarded(F&& body) {
    try {
        body();
    } catch (const Error&) {
    }
    return 0;
}

} // namespace hlsv::fuzz
