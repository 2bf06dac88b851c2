#include "project.h"

#include "csim/csim.h"

namespace hlsv::lsp {

namespace {

bool is_design_dir(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "hlsv.json", ec) ||
        fs::is_regular_file(dir / "hls_config.cfg", ec)) {
        return true;
    }
    // A Vitis HLS project read from its Tcl script (what load_design accepts: a .tcl with set_top).
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".tcl" && e.is_regular_file(ec)) {
            try {
                if (read_file(e.path(), 1 << 20).find("set_top") != std::string::npos) {
                    return true;
                }
            } catch (const Error&) {
                // unreadable: not a project script
            }
        }
    }
    return false;
}

} // namespace

std::optional<fs::path> find_design_dir(const fs::path& file) {
    if (file.empty()) {
        return std::nullopt;
    }
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).parent_path();
    while (!dir.empty()) {
        if (is_design_dir(dir)) {
            return dir;
        }
        if (dir == dir.parent_path()) {
            break;
        }
        dir = dir.parent_path();
    }
    return std::nullopt;
}

Project find_project(const fs::path& file) {
    Project p;
    if (file.empty()) {
        return p;
    }
    try {
        p.config = load_config(file.parent_path());
    } catch (const Error& e) {
        p.problems.push_back(e.what());
    }
    p.check.include_dirs = p.config.include_dirs;
    p.check.include_dirs.push_back(file.parent_path().string());
    p.design = find_design_dir(file);
    if (p.design) {
        try {
            DesignSpec spec = load_design(*p.design);
            p.check.include_dirs.push_back(spec.dir.string());
            for (const auto& d : csim::include_dirs_of(spec)) {
                p.check.include_dirs.push_back(d);
            }
        } catch (const Error& e) {
            p.problems.push_back(e.what());
        }
    }
    return p;
}

} // namespace hlsv::lsp
