// File reading with clear errors, and atomic writes (temp file + fsync + rename).
#include "core.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace hlsv {

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
        throw InputError(path, "file too large (" + std::to_string(size) + " bytes, limit " +
                                   std::to_string(max_bytes) + ")");
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

void write_file_atomic(const fs::path& path, std::string_view content) {
    std::error_code ec;
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    fs::create_directories(dir, ec);
    if (ec) {
        throw InputError(dir, "cannot create directory: " + ec.message());
    }
    std::random_device rd;
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on `"." + std::string&&`.
    std::string tmp_name = ".";
    tmp_name += path.filename().string();
    tmp_name += ".tmp";
    tmp_name += std::to_string(rd());
    fs::path tmp = dir / tmp_name;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        int err = errno;
        if (err == EACCES || err == EROFS || err == EPERM) {
            throw InputError(dir, std::string("not writable: ") + std::strerror(err));
        }
        throw InternalError(tmp.string() + ": cannot create: " + std::strerror(err));
    }
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw InternalError(path.string() + ": write failed: " + std::strerror(err));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw InternalError(path.string() + ": cannot flush: " + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw InternalError(path.string() + ": cannot rename into place: " + std::strerror(err));
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
