// A temporary directory removed when its owner goes out of scope, also on exceptions, so no
// build or run leaves files behind. A SIGKILLed process cannot clean up, so every name carries
// its owner's pid (and pid namespace): a later Simulator sweeps directories whose owner is gone.
#pragma once

#include "core/core.h"

#include <chrono>
#include <cstddef>
#include <string>

namespace hlsv::csim {

/// Where temporary directories go: $TMPDIR, else /tmp.
fs::path temp_parent();

/// "<pid>.<pid-namespace inode>": the owner tag in a temporary directory's name.
std::string temp_owner_tag();

/// Removes directories `<parent>/hlsv-<word>-...-<pid>.<ns>-XXXXXX` (the names TempDir makes)
/// whose owning process is gone, that belong to this user, that were made in this pid namespace
/// (another container's pids mean nothing here), and that nobody modified for `min_age`.
/// Best effort: errors are skipped. Returns how many it removed.
std::size_t sweep_stale_temp_dirs(const fs::path& parent, std::chrono::seconds min_age);

class TempDir {
  public:
    /// Creates `<parent>/<prefix><pid>.<ns>-XXXXXX` (parent: temp_parent()). Throws
    /// InternalError.
    explicit TempDir(const std::string& prefix, const fs::path& parent = {}, bool keep = false);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
    bool keep_;
};

} // namespace hlsv::csim
