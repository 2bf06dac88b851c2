// The live progress line of a generation run, and the store lock.
#include "internal.h"

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace hlsv::pipeline::detail {

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Progress::Progress(long total, long already_done)
    : total_(total), done_(already_done), start_(now_seconds()), tty_(stderr_is_tty()) {}

void Progress::add(long done, long valid, long verdicts) {
    std::lock_guard lock(mutex_);
    done_ += done;
    fresh_ += done;
    verdicts_ += verdicts;
    valid_ += valid;
    draw(false);
}

void Progress::finish() {
    std::lock_guard lock(mutex_);
    draw(true);
}

void Progress::draw(bool final) {
    if (verbosity() == Verbosity::quiet) {
        return;
    }
    double t = now_seconds();
    if (!final && t - last_draw_ < (tty_ ? 0.2 : 5.0)) {
        return;
    }
    last_draw_ = t;
    double elapsed = t - start_;
    double per_min = elapsed > 0 ? fresh_ * 60.0 / elapsed : 0;
    double eta = per_min > 0 ? (total_ - done_) * 60.0 / per_min : 0;
    double valid_rate =
        verdicts_ > 0 ? 100.0 * static_cast<double>(valid_) / static_cast<double>(verdicts_) : 0;
    char line[200];
    std::snprintf(line, sizeof line, "[%ld/%ld] %.0f%% valid, %.0f items/min, ETA %dm%02ds", done_,
                  total_, valid_rate, per_min, static_cast<int>(eta) / 60,
                  static_cast<int>(eta) % 60);
    if (tty_) {
        std::fprintf(stderr, "\r\033[K%s%s", line, final ? "\n" : "");
    } else {
        std::fprintf(stderr, "%s\n", line);
    }
    std::fflush(stderr);
}

StoreLock::StoreLock(const fs::path& db) {
    fs::path lock = db;
    lock += ".lock";
    std::error_code ec;
    fs::create_directories(lock.parent_path().empty() ? "." : lock.parent_path(), ec);
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw InputError(lock, "cannot create the run lock");
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw InputError(db, "another hlsv generate is running on this store; wait for it or "
                             "use another --db");
    }
}

StoreLock::~StoreLock() {
    if (fd_ >= 0) {
        ::close(fd_); // releases the flock; the file stays (removing it would race)
    }
}

} // namespace hlsv::pipeline::detail
