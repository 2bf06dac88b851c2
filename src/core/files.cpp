// File reading with clear errors, and atomic writes (temp file + fsync + rename).
#include "core.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace hlsv {

namespace {
std::atomic<std::uintmax_t> g_input_limit{16u << 20};
} // namespace

std::uintmax_t input_limit() {
    return g_input_limit.load(std::memory_order_relaxed);
}

void set_input_limit(std::uintmax_t bytes) {
    g_input_limit.store(bytes, std::memory_order_relaxed);
}

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw InputError(path, "no such file");
    }
    if (fs::is_directory(status)) {
        throw InputError(path, "is a directory, expected a file");
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        std::string why = "file too large (" + std::to_string(size) + " bytes, limit " +
                          std::to_string(max_bytes) + ")";
        if (max_bytes == input_limit()) {
            why += "; raise the limit with --max-input-mb or max_input_mb in hlsv.toml";
        }
        throw InputError(path, why);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
    }
    std::string content;
    if (!ec) {
        content.reserve(static_cast<std::size_t>(size));
    }
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        throw InputError(path, "read error");
    }
    return content;
}

namespace {

// Errors the user can act on (a full or read-only disk, permissions, a bad target) exit 2 with
// the cause; anything else is ours (exit 3).
[[noreturn]] void throw_write_error(const fs::path& path, const std::string& what, int err) {
    switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EROFS:
    case EACCES:
    case EPERM:
    case EFBIG:
    case EISDIR:
    case ENOTDIR:
    case ENAMETOOLONG:
    case ENXIO:
    case EPIPE:
        throw InputError(path, what + ": " + std::strerror(err));
    default:
        throw InternalError(path.string() + ": " + what + ": " + std::strerror(err));
    }
}

// Writes all of `content` to `fd`; returns 0 or the errno of the failed write.
int write_all(int fd, std::string_view content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return 0;
}

// Where a write to `path` lands: the path itself, or the final target of a symlink chain (a
// dangling link's target is created). A loop is refused.
fs::path resolve_links(const fs::path& path) {
    fs::path cur = path;
    for (int depth = 0; depth < 40; ++depth) {
        struct stat st {};
        if (::lstat(cur.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
            return cur;
        }
        std::error_code ec;
        fs::path next = fs::read_symlink(cur, ec);
        if (ec) {
            throw InputError(path, "cannot read symlink: " + ec.message());
        }
        cur = next.is_absolute() ? next : cur.parent_path() / next;
    }
    throw InputError(path, "too many levels of symbolic links");
}

// Devices and FIFOs are written through, as a shell redirection would: never replaced.
void write_through(const fs::path& shown, const fs::path& target, std::string_view content) {
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        throw_write_error(shown, "cannot open for writing", errno);
    }
    int err = write_all(fd, content);
    if (::close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err != 0) {
        throw_write_error(shown, "write failed", err);
    }
}

} // namespace

void write_file_atomic(const fs::path& path, std::string_view content) {
    fs::path target = resolve_links(path);
    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists) {
        if (S_ISDIR(st.st_mode)) {
            throw InputError(path, "is a directory, expected a file");
        }
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            write_through(path, target, content);
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            throw InputError(path, "not a regular file, character device or FIFO: refusing to "
                                   "write to it");
        }
    }
    std::error_code ec;
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    fs::create_directories(dir, ec);
    if (ec) {
        throw InputError(dir, "cannot create directory: " + ec.message());
    }
    std::random_device rd;
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on `"." + std::string&&`.
    std::string tmp_name = ".";
    tmp_name += target.filename().string();
    tmp_name += ".tmp";
    tmp_name += std::to_string(rd());
    fs::path tmp = dir / tmp_name;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        int err = errno;
        if (err == EACCES || err == EROFS || err == EPERM) {
            throw InputError(dir, std::string("not writable: ") + std::strerror(err));
        }
        throw_write_error(tmp, "cannot create", err);
    }
    if (exists) {
        ::fchmod(fd, st.st_mode & 07777); // replacing keeps the file's permissions
    }
    int err = write_all(fd, content);
    if (err == 0 && ::fsync(fd) != 0) {
        err = errno;
    }
    if (::close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw_write_error(path, "write failed", err);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        err = errno;
        ::unlink(tmp.c_str());
        throw_write_error(path, "cannot rename into place", err);
    }
}

fs::path data_dir() {
    if (const char* env = std::getenv("HLSV_DATA_DIR"); env && *env) {
        return fs::path(env);
    }
    fs::path src = HLSV_SOURCE_DIR;
    std::error_code ec;
    if (fs::exists(src / "prompts" / "bugs.json", ec)) {
        return src;
    }
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path share = exe.parent_path().parent_path() / "share" / "hlsv";
        if (fs::exists(share, ec)) {
            return share;
        }
    }
    return src;
}

} // namespace hlsv
