// Temporary directories with their owner in the name, and the sweep of those whose owner died.
#include "tempdir.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace hlsv::csim {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && s.size() <= 19 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string pid_namespace() {
    char buf[64];
    ssize_t n = ::readlink("/proc/self/ns/pid", buf, sizeof buf - 1);
    std::string s(buf, n > 0 ? std::size_t(n) : 0); // "pid:[4026531836]"
    std::string digits;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    return digits.empty() ? "0" : digits;
}

bool process_alive(long pid) {
    // EPERM: it exists but belongs to someone else.
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

fs::path temp_parent() {
    const char* t = std::getenv("TMPDIR");
    return t && *t ? fs::path(t) : fs::path("/tmp");
}

std::string temp_owner_tag() {
    static const std::string ns = pid_namespace();
    return std::to_string(::getpid()) + "." + ns; // getpid each time: right after fork too
}

std::size_t sweep_stale_temp_dirs(const fs::path& parent, std::chrono::seconds min_age) {
    static const std::string my_ns = pid_namespace();
    std::size_t removed = 0;
    std::error_code ec;
    auto now = fs::file_time_type::clock::now();
    for (auto it = fs::directory_iterator(parent, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        // hlsv-<prefix words>-<pid>.<ns>-XXXXXX
        if (name.rfind("hlsv-", 0) != 0 || name.size() < 5 + 7 + 4 ||
            name[name.size() - 7] != '-') {
            continue;
        }
        std::string rest = name.substr(0, name.size() - 7);
        auto dash = rest.rfind('-');
        auto dot = rest.rfind('.');
        if (dash == std::string::npos || dot == std::string::npos || dot < dash) {
            continue;
        }
        std::string pid = rest.substr(dash + 1, dot - dash - 1);
        std::string ns = rest.substr(dot + 1);
        if (!all_digits(pid) || !all_digits(ns) || ns != my_ns || process_alive(std::stol(pid))) {
            continue;
        }
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            continue;
        }
        // Run directories of a root hlsv belong to nobody (the sandbox user) by then.
        bool mine = st.st_uid == ::getuid() || (::getuid() == 0 && st.st_uid == 65534);
        if (!mine) {
            continue;
        }
        std::error_code tec;
        auto mtime = fs::last_write_time(it->path(), tec);
        if (tec || now - mtime < min_age) {
            continue;
        }
        std::error_code rec;
        if (fs::remove_all(it->path(), rec) > 0 && !rec) {
            ++removed;
            log_verbose("removed stale temporary directory " + it->path().string());
        }
    }
    return removed;
}

TempDir::TempDir(const std::string& prefix, const fs::path& parent, bool keep) : keep_(keep) {
    fs::path base = parent.empty() ? temp_parent() : parent;
    // A kept directory is named so the sweep of dead owners' leftovers never takes it.
    std::string templ =
        (base / ((keep ? "kept-" : "") + prefix + temp_owner_tag() + "-XXXXXX")).string();
    if (!::mkdtemp(templ.data())) {
        throw InternalError(base.string() + ": cannot create a temporary directory");
    }
    path_ = templ;
    if (keep) {
        log_info("kept: " + path_.string());
    }
}

TempDir::~TempDir() {
    if (!keep_ && !path_.empty()) {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
}

} // namespace hlsv::csim
