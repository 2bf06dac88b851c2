// The LSP server: lifecycle, dispatch, the debounced checking thread and the command workers.
// Private to the module; lsp.h's serve() is the entry point.
#pragma once

#include "actions.h"
#include "diagnostics.h"
#include "documents.h"
#include "lsp.h"
#include "project.h"
#include "transport.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace hlsv::lsp {

class Server : public std::enable_shared_from_this<Server> {
  public:
    Server(int in_fd, int out_fd, const ServerOptions& opts);
    ~Server();
    /// Reads and dispatches until `exit` or end of input; returns the exit code.
    int run();

  private:
    using Clock = std::chrono::steady_clock;

    // ---- dispatch (server.cpp) ----
    void dispatch(const json& msg);
    json handle_request(const std::string& method, const json& params, const json& id);
    void handle_notification(const std::string& method, const json& params);
    json initialize(const json& params);

    // ---- documents and diagnostics (server_documents.cpp) ----
    void did_open(const json& params);
    void did_change(const json& params);
    void did_save(const json& params);
    void did_close(const json& params);
    void schedule(const std::string& uri, int delay_ms);
    void checker_loop();
    /// The analysis of the document's current version (checked now when the last one is stale).
    Analysis current_analysis(const Document& doc);
    Project project_of(const std::string& uri);
    void publish(const std::string& uri);
    json code_action(const json& params);
    json hover_at(const json& params);

    // ---- commands (server_commands.cpp) ----
    void execute_command(const json& params, const json& id);
    void cancel(const json& id);
    void cancel_token(const json& token);
    /// Sends a request to the client and waits up to `timeout` for its response.
    std::optional<json> client_request(const std::string& method, const json& params,
                                       std::chrono::milliseconds timeout);
    void log(int type, const std::string& message);

    Transport transport_;
    ServerOptions opts_;
    Documents docs_;
    Encoding enc_ = Encoding::utf16;
    bool initialized_ = false;
    bool shutdown_ = false;
    bool client_progress_ = false; ///< the client accepts window/workDoneProgress/create

    // Per-document state beside the text, guarded by state_mutex_.
    struct DocState {
        Project project;
        std::optional<Analysis> analysis;
        json command_diagnostics = json::array();
        std::vector<LineFix> fixes;
    };
    std::mutex state_mutex_;
    std::map<std::string, DocState> state_;
    /// Results of commands for files that are not open (published as they are).
    std::map<std::string, json> closed_command_diagnostics_;

    // The checking thread: documents due for a check, earliest first.
    std::mutex due_mutex_;
    std::condition_variable due_cv_;
    std::map<std::string, Clock::time_point> due_;
    bool stopping_ = false;
    std::thread checker_;
    std::map<std::string, Clock::time_point> last_change_; ///< reading thread only

    // A running command. Whoever flips `answered` first (the worker when done, or a cancel)
    // sends the one response; `ended` does the same for the progress `end`.
    struct Job {
        json id;
        json token; ///< progress token, null when the client takes no progress
        std::atomic<bool> cancelled{false};
        std::atomic<bool> answered{false};
        std::atomic<bool> ended{false};
    };
    void progress(Job& job, const json& value);
    void end_progress(Job& job, const std::string& message);
    std::mutex running_mutex_;
    std::map<std::string, std::shared_ptr<Job>> running_; ///< by request id (dumped)

    // Requests the server sent to the client, by id.
    std::mutex pending_mutex_;
    std::map<std::string, std::promise<json>> pending_;
    std::atomic<int> next_request_id_{1};
};

} // namespace hlsv::lsp
