#include "job_process.h"

#include "lsp.h"
#include "transport.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hlsv::lsp {

using json = nlohmann::json;

namespace {

void write_line(int fd, const json& j) {
    // A false return means the server is gone: nobody to tell.
    write_all(fd, j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
}

json result_to_json(const CommandResult& r) {
    json fixes = json::object();
    for (const auto& [uri, list] : r.fixes) {
        json arr = json::array();
        for (const auto& f : list) {
            arr.push_back({{"line", f.line}, {"replacement", f.replacement}, {"title", f.title}});
        }
        fixes[uri] = arr;
    }
    json diags = json::object();
    for (const auto& [uri, d] : r.diagnostics) {
        diags[uri] = d;
    }
    return {{"diagnostics", diags}, {"fixes", fixes}, {"summary", r.summary}};
}

CommandResult result_from_json(const json& j) {
    CommandResult r;
    for (const auto& [uri, d] : j.at("diagnostics").items()) {
        r.diagnostics[uri] = d;
    }
    for (const auto& [uri, list] : j.at("fixes").items()) {
        for (const auto& f : list) {
            r.fixes[uri].push_back({f.at("line").get<int>(), f.at("replacement").get<std::string>(),
                                    f.at("title").get<std::string>()});
        }
    }
    r.summary = j.at("summary");
    return r;
}

void kill_group(pid_t pid) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
}

} // namespace

int run_job(const JobRequest& request, int out_fd) {
    auto progress = [&](const std::string& message) {
        write_line(out_fd, {{"progress", message}});
    };
    try {
        Project project = find_project(request.file);
        CommandResult r = request.command == kSimulateCommand
                              ? simulate_design(request.design, project, progress)
                              : debug_design(request.design, project, progress);
        write_line(out_fd, {{"result", result_to_json(r)}});
        return 0;
    } catch (const InputError& e) {
        write_line(out_fd, {{"error", {{"kind", "input"}, {"message", e.what()}}}});
    } catch (const std::exception& e) {
        write_line(out_fd, {{"error", {{"kind", "internal"}, {"message", e.what()}}}});
    }
    return 1;
}

int run_command_job(const std::string& command, const fs::path& design, const fs::path& file,
                    int out_fd) {
    if (command != kSimulateCommand && command != kDebugCommand) {
        throw InputError("--job: unknown command '" + command + "' (" + kSimulateCommand + " or " +
                         kDebugCommand + ")");
    }
    return run_job({command, design, file}, out_fd);
}

std::optional<CommandResult> run_job_process(const JobRequest& request, const Progress& progress,
                                             const std::atomic<bool>& cancelled) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        throw InternalError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    std::vector<std::string> args = {"hlsv",     "lsp",
                                     "--job",    request.command,
                                     "--design", request.design.string(),
                                     "--file",   request.file.string()};
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group: a cancel kills the child and everything it started at once.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, "/proc/self/exe", &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    ::close(out[1]);
    if (rc != 0) {
        ::close(out[0]);
        throw InternalError(std::string("cannot start the command process: ") + std::strerror(rc));
    }
    std::string buf;
    std::optional<json> last;
    bool killed = false;
    char chunk[65536];
    for (;;) {
        if (cancelled && !killed) {
            kill_group(pid);
            killed = true;
        }
        pollfd pfd{out[0], POLLIN, 0};
        int pr = ::poll(&pfd, 1, 50); // the cancel flag is read between waits
        if (pr < 0 && errno != EINTR) {
            break;
        }
        if (pr <= 0) {
            continue;
        }
        ssize_t n = ::read(out[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        buf.append(chunk, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = buf.find('\n')) != std::string::npos) {
            std::string line = buf.substr(0, nl);
            buf.erase(0, nl + 1);
            json j = json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("progress") && j["progress"].is_string()) {
                if (!cancelled) {
                    progress(j["progress"].get<std::string>());
                }
            } else if (j.is_object()) {
                last = std::move(j);
            }
        }
    }
    ::close(out[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (cancelled) {
        kill_group(pid); // whatever it started and left behind
        return std::nullopt;
    }
    if (last && last->contains("result")) {
        try {
            return result_from_json((*last)["result"]);
        } catch (const json::exception& e) {
            throw InternalError(std::string("the command process answered malformed JSON: ") +
                                e.what());
        }
    }
    if (last && last->contains("error")) {
        const json& e = (*last)["error"];
        std::string message = e.value("message", "the command failed");
        if (e.value("kind", "") == "input") {
            throw InputError(message);
        }
        throw InternalError(message);
    }
    throw InternalError("the command process ended without a result (" +
                        (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                             : "exit " + std::to_string(WEXITSTATUS(status))) +
                        ")");
}

} // namespace hlsv::lsp
