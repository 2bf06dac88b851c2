// Minimal stderr logging with three verbosity levels.
#include "core.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace hlsv {

namespace {
std::atomic<Verbosity> g_verbosity{Verbosity::normal};
std::mutex g_log_mutex;

void emit(std::string_view prefix, std::string_view message) {
    std::lock_guard lock(g_log_mutex);
    std::fwrite(prefix.data(), 1, prefix.size(), stderr);
    std::fwrite(message.data(), 1, message.size(), stderr);
    std::fputc('\n', stderr);
}
} // namespace

void set_verbosity(Verbosity v) {
    g_verbosity = v;
}
Verbosity verbosity() {
    return g_verbosity;
}

void log_info(std::string_view message) {
    if (g_verbosity >= Verbosity::normal) {
        emit("", message);
    }
}

void log_verbose(std::string_view message) {
    if (g_verbosity >= Verbosity::verbose) {
        emit("hlsv: ", message);
    }
}

void log_warning(std::string_view message) {
    if (g_verbosity >= Verbosity::normal) {
        emit("hlsv: warning: ", message);
    }
}

bool stderr_is_tty() {
    return ::isatty(STDERR_FILENO) == 1;
}

} // namespace hlsv
