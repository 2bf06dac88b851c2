// A temporary directory removed when its owner goes out of scope, also on exceptions, so no
// build or run leaves files behind.
#pragma once

#include "core/core.h"

#include <cstdlib>
#include <string>

namespace hlsv::csim {

class TempDir {
  public:
    /// Creates `<parent>/<prefix>XXXXXX` (parent: $TMPDIR or /tmp). Throws InternalError.
    explicit TempDir(const std::string& prefix, const fs::path& parent = {}, bool keep = false)
        : keep_(keep) {
        fs::path base = parent;
        if (base.empty()) {
            const char* t = std::getenv("TMPDIR");
            base = t && *t ? t : "/tmp";
        }
        std::string templ = (base / (prefix + "XXXXXX")).string();
        if (!::mkdtemp(templ.data())) {
            throw InternalError(base.string() + ": cannot create a temporary directory");
        }
        path_ = templ;
    }
    ~TempDir() {
        if (!keep_ && !path_.empty()) {
            std::error_code ec;
            fs::remove_all(path_, ec);
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
    bool keep_;
};

} // namespace hlsv::csim
