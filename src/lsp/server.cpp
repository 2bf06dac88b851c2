#include "server.h"

#include <algorithm>
#include <csignal>

namespace hlsv::lsp {

Server::Server(int in_fd, int out_fd, const ServerOptions& opts)
    : transport_(in_fd, out_fd, opts.max_message_bytes), opts_(opts) {}

Server::~Server() {
    {
        std::lock_guard<std::mutex> lock(due_mutex_);
        stopping_ = true;
    }
    due_cv_.notify_all();
    if (checker_.joinable()) {
        checker_.join();
    }
}

int Server::run() {
    checker_ = std::thread([this] { checker_loop(); });
    for (;;) {
        std::string body, error;
        Transport::Read r = transport_.read(body, error);
        if (r == Transport::Read::eof) {
            return 1; // the client vanished without shutdown/exit
        }
        if (r == Transport::Read::malformed) {
            transport_.send_error(nullptr, rpc_error::parse_error, error);
            continue;
        }
        json msg;
        try {
            msg = json::parse(body);
        } catch (const json::exception& e) {
            transport_.send_error(nullptr, rpc_error::parse_error,
                                  std::string("malformed JSON: ") + e.what());
            continue;
        }
        if (msg.is_object() && msg.value("method", "") == "exit") {
            return shutdown_ ? 0 : 1;
        }
        dispatch(msg);
    }
}

void Server::dispatch(const json& msg) {
    if (!msg.is_object() || msg.value("jsonrpc", "") != "2.0") {
        json id = msg.is_object() && msg.contains("id") ? msg["id"] : json(nullptr);
        transport_.send_error(id, rpc_error::invalid_request, "not a JSON-RPC 2.0 message");
        return;
    }
    // A response to a request the server sent (window/workDoneProgress/create).
    if (!msg.contains("method")) {
        if (msg.contains("id")) {
            std::lock_guard<std::mutex> lock(pending_mutex_);
            auto it = pending_.find(msg["id"].dump());
            if (it != pending_.end()) {
                it->second.set_value(msg);
                pending_.erase(it);
            }
        }
        return;
    }
    if (!msg["method"].is_string()) {
        transport_.send_error(msg.value("id", json()), rpc_error::invalid_request,
                              "method is not a string");
        return;
    }
    std::string method = msg["method"];
    json params = msg.value("params", json::object());
    if (!msg.contains("id")) {
        try {
            handle_notification(method, params);
        } catch (const std::exception& e) {
            // Notifications have no response: tell the user through the log instead.
            log(1, method + ": " + e.what());
        }
        return;
    }
    const json& id = msg["id"];
    if (!id.is_string() && !id.is_number_integer()) {
        transport_.send_error(nullptr, rpc_error::invalid_request,
                              "id must be a string or integer");
        return;
    }
    if (!initialized_ && method != "initialize") {
        transport_.send_error(id, rpc_error::server_not_initialized, "initialize first");
        return;
    }
    if (shutdown_) {
        transport_.send_error(id, rpc_error::invalid_request, "the server is shutting down");
        return;
    }
    try {
        json result = handle_request(method, params, id);
        if (!result.is_discarded()) {
            transport_.send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
        }
    } catch (const json::exception& e) {
        transport_.send_error(id, rpc_error::invalid_params, method + ": " + e.what());
    } catch (const Error& e) {
        transport_.send_error(id, rpc_error::request_failed, e.what());
    } catch (const std::exception& e) {
        transport_.send_error(id, rpc_error::internal_error, method + ": " + e.what());
    }
}

json Server::handle_request(const std::string& method, const json& params, const json& id) {
    if (method == "initialize") {
        if (initialized_) {
            transport_.send_error(id, rpc_error::invalid_request, "initialize was already called");
            return json::value_t::discarded;
        }
        return initialize(params);
    }
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    if (method == "textDocument/hover") {
        return hover_at(params);
    }
    if (method == "textDocument/codeAction") {
        return code_action(params);
    }
    if (method == "workspace/executeCommand") {
        execute_command(params, id);
        return json::value_t::discarded; // answered by the worker
    }
    transport_.send_error(id, rpc_error::method_not_found, "unknown method " + method);
    return json::value_t::discarded;
}

void Server::handle_notification(const std::string& method, const json& params) {
    if (method == "$/cancelRequest") {
        cancel(params.at("id"));
        return;
    }
    if (method == "window/workDoneProgress/cancel") {
        cancel_token(params.at("token"));
        return;
    }
    if (!initialized_) {
        return; // notifications before initialize are dropped, as the protocol says
    }
    if (method == "textDocument/didOpen") {
        did_open(params);
    } else if (method == "textDocument/didChange") {
        did_change(params);
    } else if (method == "textDocument/didSave") {
        did_save(params);
    } else if (method == "textDocument/didClose") {
        did_close(params);
    }
    // initialized, $/setTrace, workspace/didChangeConfiguration, ...: nothing to do.
}

json Server::initialize(const json& params) {
    initialized_ = true;
    const json caps = params.value("capabilities", json::object());
    // Position encoding: UTF-8 when the client offers it (3.17 positionEncodings, or clangd's
    // offsetEncoding extension that older clients send), else the protocol's UTF-16.
    std::vector<std::string> offered;
    if (caps.contains("general") && caps["general"].contains("positionEncodings")) {
        offered = caps["general"]["positionEncodings"].get<std::vector<std::string>>();
    } else if (caps.contains("offsetEncoding") && caps["offsetEncoding"].is_array()) {
        offered = caps["offsetEncoding"].get<std::vector<std::string>>();
    }
    enc_ = std::find(offered.begin(), offered.end(), "utf-8") != offered.end() ? Encoding::utf8
                                                                               : Encoding::utf16;
    client_progress_ = caps.contains("window") && caps["window"].is_object() &&
                       caps["window"].value("workDoneProgress", false);
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
        const json& io = params["initializationOptions"];
        if (io.contains("debounceMs") && io["debounceMs"].is_number_integer()) {
            opts_.debounce_ms = std::clamp(io["debounceMs"].get<int>(), 0, 5000);
        }
    }
    std::string encoding = enc_ == Encoding::utf8 ? "utf-8" : "utf-16";
    return {{"capabilities",
             {{"positionEncoding", encoding},
              {"textDocumentSync",
               {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"hoverProvider", true},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
              {"executeCommandProvider",
               {{"commands", {kSimulateCommand, kDebugCommand}}, {"workDoneProgress", true}}}}},
            {"offsetEncoding", encoding},
            {"serverInfo", {{"name", "hlsv"}, {"version", HLSV_VERSION}}}};
}

void Server::log(int type, const std::string& message) {
    transport_.send({{"jsonrpc", "2.0"},
                     {"method", "window/logMessage"},
                     {"params", {{"type", type}, {"message", "hlsv: " + message}}}});
}

int serve(int in_fd, int out_fd, const ServerOptions& opts) {
    // A client that closes its end must not kill the server with SIGPIPE mid-write.
    std::signal(SIGPIPE, SIG_IGN);
    auto server = std::make_shared<Server>(in_fd, out_fd, opts);
    return server->run();
}

} // namespace hlsv::lsp
