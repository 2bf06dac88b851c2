// workspace/executeCommand on worker threads, with $/progress and cancellation
// ($/cancelRequest or window/workDoneProgress/cancel).
#include "commands.h"
#include "job_process.h"
#include "server.h"

namespace hlsv::lsp {

void Server::progress(Job& job, const json& value) {
    if (job.token.is_null() || job.ended) {
        return;
    }
    transport_.send({{"jsonrpc", "2.0"},
                     {"method", "$/progress"},
                     {"params", {{"token", job.token}, {"value", value}}}});
}

void Server::end_progress(Job& job, const std::string& message) {
    if (job.token.is_null() || job.ended.exchange(true)) {
        return;
    }
    transport_.send(
        {{"jsonrpc", "2.0"},
         {"method", "$/progress"},
         {"params", {{"token", job.token}, {"value", {{"kind", "end"}, {"message", message}}}}}});
}

std::optional<json> Server::client_request(const std::string& method, const json& params,
                                           std::chrono::milliseconds timeout) {
    json id = "hlsv-" + std::to_string(next_request_id_++);
    std::future<json> answer;
    {
        std::lock_guard<std::mutex> lock(pending_mutex_);
        answer = pending_[id.dump()].get_future();
    }
    transport_.send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    if (answer.wait_for(timeout) != std::future_status::ready) {
        std::lock_guard<std::mutex> lock(pending_mutex_);
        pending_.erase(id.dump());
        return std::nullopt;
    }
    return answer.get();
}

void Server::execute_command(const json& params, const json& id) {
    std::string command = params.at("command").get<std::string>();
    if (command != kSimulateCommand && command != kDebugCommand) {
        transport_.send_error(id, rpc_error::invalid_params, "unknown command " + command);
        return;
    }
    // The file: the first argument, a URI or {"uri": ...} (clients differ).
    json args = params.value("arguments", json::array());
    std::string uri;
    if (args.is_array() && !args.empty()) {
        if (args[0].is_string()) {
            uri = args[0];
        } else if (args[0].is_object()) {
            uri = args[0].value("uri", "");
        }
    }
    auto path = uri_to_path(uri);
    if (!path) {
        transport_.send_error(id, rpc_error::invalid_params,
                              command + " needs the file:// URI of a design file as argument");
        return;
    }
    auto design = find_design_dir(*path);
    if (!design) {
        transport_.send_error(id, rpc_error::request_failed,
                              "no design directory (hlsv.json, hls_config.cfg or Vitis Tcl "
                              "script) above " +
                                  path->string());
        return;
    }
    auto job = std::make_shared<Job>();
    job->id = id;
    if (params.contains("workDoneToken")) {
        job->token = params["workDoneToken"];
    }
    {
        std::lock_guard<std::mutex> lock(running_mutex_);
        running_[id.dump()] = job;
    }
    auto self = shared_from_this();
    std::thread([self, job, command, file = *path, dir = *design]() mutable {
        Server& s = *self;
        if (job->token.is_null() && s.client_progress_) {
            json token = "hlsv-progress-" + std::to_string(s.next_request_id_++);
            auto created = s.client_request("window/workDoneProgress/create", {{"token", token}},
                                            std::chrono::seconds(2));
            if (created && !created->contains("error")) {
                job->token = token;
            }
        }
        std::string title = command == kSimulateCommand ? "hlsv: simulate " : "hlsv: debug ";
        s.progress(*job, {{"kind", "begin"},
                          {"title", title + dir.filename().string()},
                          {"cancellable", true},
                          {"message", "starting"}});
        auto report = [&](const std::string& message) {
            if (!job->cancelled) {
                s.progress(*job, {{"kind", "report"}, {"message", message}, {"cancellable", true}});
            }
        };
        CommandResult result;
        std::optional<std::pair<int, std::string>> failure;
        try {
            // In a child process: a cancel kills the compilers and simulations it started.
            auto done = run_job_process({command, dir, file}, report, job->cancelled);
            if (done) {
                result = std::move(*done);
            }
        } catch (const Error& e) {
            failure = {{rpc_error::request_failed, e.what()}};
        } catch (const std::exception& e) {
            failure = {{rpc_error::internal_error, e.what()}};
        }
        {
            std::lock_guard<std::mutex> lock(s.running_mutex_);
            s.running_.erase(job->id.dump());
        }
        if (job->cancelled) {
            return; // answered and ended by the cancel; the results are stale by intent
        }
        if (!failure) {
            for (auto& [uri, diags] : result.diagnostics) {
                bool open = false;
                {
                    std::lock_guard<std::mutex> lock(s.state_mutex_);
                    auto it = s.state_.find(uri);
                    if (it != s.state_.end()) {
                        open = true;
                        it->second.command_diagnostics = diags;
                        it->second.fixes = result.fixes[uri];
                    } else {
                        s.closed_command_diagnostics_[uri] = diags;
                    }
                }
                if (open) {
                    s.publish(uri);
                } else {
                    s.transport_.send({{"jsonrpc", "2.0"},
                                       {"method", "textDocument/publishDiagnostics"},
                                       {"params", {{"uri", uri}, {"diagnostics", diags}}}});
                }
            }
        }
        s.end_progress(*job, failure ? failure->second : "done");
        if (!job->answered.exchange(true)) {
            if (failure) {
                s.transport_.send_error(job->id, failure->first, failure->second);
            } else {
                s.transport_.send(
                    {{"jsonrpc", "2.0"}, {"id", job->id}, {"result", result.summary}});
            }
        }
    }).detach();
}

void Server::cancel(const json& id) {
    std::shared_ptr<Job> job;
    {
        std::lock_guard<std::mutex> lock(running_mutex_);
        auto it = running_.find(id.dump());
        if (it == running_.end()) {
            return; // finished already, or a request answered synchronously
        }
        job = it->second;
    }
    job->cancelled = true;
    end_progress(*job, "cancelled");
    if (!job->answered.exchange(true)) {
        transport_.send_error(job->id, rpc_error::request_cancelled, "request cancelled");
    }
}

void Server::cancel_token(const json& token) {
    json id;
    {
        std::lock_guard<std::mutex> lock(running_mutex_);
        for (const auto& [key, job] : running_) {
            if (job->token == token) {
                id = job->id;
            }
        }
    }
    if (!id.is_null()) {
        cancel(id);
    }
}

} // namespace hlsv::lsp
