// Finding the designs of a suite: design directories and lone source files.
#include "inject/inject.h"
#include "internal.h"

#include <algorithm>

namespace hlsv::pipeline::detail {

namespace {

bool is_source(const fs::path& p) {
    auto e = p.extension().string();
    return e == ".c" || e == ".cpp" || e == ".cc" || e == ".cxx";
}

bool is_design_dir(const fs::path& d) {
    std::error_code ec;
    if (fs::exists(d / "hlsv.json", ec) || fs::exists(d / "hls_config.cfg", ec)) {
        return true;
    }
    for (const auto& e : fs::directory_iterator(d, ec)) {
        if (e.path().extension() == ".tcl") {
            return true;
        }
    }
    return false;
}

void add_design(Discovery& out, const fs::path& path, const std::string& suite) {
    try {
        DesignEntry e;
        e.spec = load_design(path);
        e.suite = suite;
        e.source_file = inject::injected_source(e.spec);
        e.source = read_file(e.source_file);
        std::string all;
        for (const auto& group : {e.spec.sources, e.spec.testbench}) {
            for (const auto& f : group) {
                all += f.filename().string();
                all += '\0';
                all += read_file(f);
                all += '\0';
            }
        }
        e.hash = sha256_hex(all);
        out.designs.push_back(std::move(e));
    } catch (const Error& ex) {
        out.skipped.push_back(ex.what());
    }
}

} // namespace

Discovery discover(const std::vector<fs::path>& suites) {
    Discovery out;
    for (const auto& suite_path : suites) {
        std::error_code ec;
        if (!fs::exists(suite_path, ec)) {
            throw InputError(suite_path, "no such directory");
        }
        fs::path abs = fs::weakly_canonical(fs::absolute(suite_path));
        std::string suite = abs.filename().string();
        if (fs::is_regular_file(abs) || is_design_dir(abs)) {
            add_design(out, abs, abs.parent_path().filename().string());
            continue;
        }
        std::vector<fs::path> entries;
        for (const auto& e : fs::directory_iterator(abs, ec)) {
            entries.push_back(e.path());
        }
        std::sort(entries.begin(), entries.end());
        for (const auto& p : entries) {
            if (fs::is_directory(p, ec) && is_design_dir(p)) {
                add_design(out, p, suite);
            } else if (fs::is_regular_file(p, ec) && is_source(p)) {
                add_design(out, p, suite);
            }
        }
    }
    std::stable_sort(out.designs.begin(), out.designs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.suite, a.spec.name) < std::tie(b.suite, b.spec.name);
    });
    return out;
}

bool in_shard(const DesignEntry& entry, int index, int count) {
    if (count <= 1) {
        return true;
    }
    // The first 8 hex digits of the content hash: uniform and the same on every machine.
    unsigned long v = std::stoul(entry.hash.substr(0, 8), nullptr, 16);
    return static_cast<int>(v % static_cast<unsigned long>(count)) == index;
}

} // namespace hlsv::pipeline::detail
