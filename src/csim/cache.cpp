// The simulation cache on disk (`hlsv cache info|clear`): objects with their dependency
// manifests, golden results and precompiled headers, all under one directory.
#include "build.h"
#include "csim.h"

namespace hlsv::csim {

fs::path default_cache_directory() {
    return default_cache_dir();
}

CacheInfo cache_info(const fs::path& dir) {
    CacheInfo info;
    info.dir = dir.empty() ? default_cache_dir() : dir;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(info.dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) {
            continue;
        }
        info.bytes += it->file_size(ec);
        auto parent = it->path().parent_path().filename().string();
        auto ext = it->path().extension().string();
        if (parent == "obj" && ext == ".o") {
            ++info.objects;
        } else if (parent == "obj" && ext == ".manifest") {
            ++info.manifests;
        } else if (parent == "golden") {
            ++info.goldens;
        } else if (it->path().string().find("/pch/") != std::string::npos) {
            ++info.pch;
        } else {
            ++info.other;
        }
    }
    return info;
}

std::uintmax_t clear_cache(const fs::path& dir) {
    fs::path d = dir.empty() ? default_cache_dir() : dir;
    std::uintmax_t bytes = cache_info(d).bytes;
    std::error_code ec;
    // Only what hlsv puts there: a cache dir pointed at a wrong folder loses nothing else.
    for (const char* sub : {"obj", "golden", "pch"}) {
        fs::remove_all(d / sub, ec);
        if (ec) {
            throw InputError(d / sub, "cannot remove: " + ec.message());
        }
    }
    return bytes;
}

} // namespace hlsv::csim
