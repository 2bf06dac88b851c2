// Document notifications, the debounced checking thread, and the requests that read findings
// (hover, code actions).
#include "hover.h"
#include "server.h"

namespace hlsv::lsp {

namespace {

const std::string& uri_of(const json& params) {
    return params.at("textDocument").at("uri").get_ref<const std::string&>();
}

} // namespace

Project Server::project_of(const std::string& uri) {
    std::lock_guard<std::mutex> lock(state_mutex_);
    auto it = state_.find(uri);
    return it == state_.end() ? Project{} : it->second.project;
}

void Server::did_open(const json& params) {
    const json& td = params.at("textDocument");
    Document doc;
    doc.uri = td.at("uri").get<std::string>();
    doc.language = td.value("languageId", "");
    doc.text = td.at("text").get<std::string>();
    doc.version = td.value("version", 0);
    if (auto p = uri_to_path(doc.uri)) {
        doc.path = *p;
    }
    Project project = find_project(doc.path);
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        DocState& st = state_[doc.uri];
        st.project = std::move(project);
        st.analysis.reset();
        if (auto it = closed_command_diagnostics_.find(doc.uri);
            it != closed_command_diagnostics_.end()) {
            st.command_diagnostics = it->second;
            closed_command_diagnostics_.erase(it);
        }
    }
    std::string uri = doc.uri;
    docs_.open(std::move(doc));
    schedule(uri, 0); // a newly opened file is checked at once
}

void Server::did_change(const json& params) {
    const std::string& uri = uri_of(params);
    int version = params.at("textDocument").value("version", 0);
    if (!docs_.change(uri, version, params.at("contentChanges"), enc_)) {
        log(2, "didChange for " + uri + " ignored: not open or a malformed change");
        return;
    }
    {
        // Command results point at lines of the old text: drop them rather than mislead.
        std::lock_guard<std::mutex> lock(state_mutex_);
        auto it = state_.find(uri);
        if (it != state_.end()) {
            it->second.command_diagnostics = json::array();
            it->second.fixes.clear();
        }
    }
    // Debounce only while the user types: a change that follows the previous one by less
    // than the debounce time waits for quiet; an isolated change is checked at once. (A change
    // arriving while the file is being checked waits for that check either way.)
    auto now = Clock::now();
    auto& last = last_change_[uri];
    bool typing = now - last < std::chrono::milliseconds(opts_.debounce_ms);
    last = now;
    schedule(uri, typing ? opts_.debounce_ms : 0);
}

void Server::did_save(const json& params) {
    const std::string& uri = uri_of(params);
    auto path = uri_to_path(uri);
    std::string name = path ? path->filename().string() : "";
    std::vector<std::string> refresh;
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        // A saved hlsv.toml or hlsv.json changes the options of every open document.
        for (const auto& [u, st] : state_) {
            if (u == uri || name == "hlsv.toml" || name == "hlsv.json") {
                refresh.push_back(u);
            }
        }
    }
    for (const auto& u : refresh) {
        auto doc = docs_.get(u);
        Project project = find_project(doc ? doc->path : fs::path());
        {
            std::lock_guard<std::mutex> lock(state_mutex_);
            auto it = state_.find(u);
            if (it == state_.end()) {
                continue;
            }
            it->second.project = std::move(project);
            it->second.analysis.reset();
        }
        schedule(u, 0);
    }
}

void Server::did_close(const json& params) {
    const std::string& uri = uri_of(params);
    docs_.close(uri);
    last_change_.erase(uri);
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        state_.erase(uri);
    }
    {
        std::lock_guard<std::mutex> lock(due_mutex_);
        due_.erase(uri);
    }
    // Clear what the editor shows for a file nobody edits any more.
    transport_.send({{"jsonrpc", "2.0"},
                     {"method", "textDocument/publishDiagnostics"},
                     {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::schedule(const std::string& uri, int delay_ms) {
    {
        std::lock_guard<std::mutex> lock(due_mutex_);
        due_[uri] = Clock::now() + std::chrono::milliseconds(delay_ms);
    }
    due_cv_.notify_all();
}

void Server::checker_loop() {
    std::unique_lock<std::mutex> lock(due_mutex_);
    for (;;) {
        if (stopping_) {
            return;
        }
        if (due_.empty()) {
            due_cv_.wait(lock);
            continue;
        }
        auto next = std::min_element(due_.begin(), due_.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        });
        if (next->second > Clock::now()) {
            // A change during the wait moves the deadline: wake up and look again.
            due_cv_.wait_until(lock, next->second);
            continue;
        }
        std::string uri = next->first;
        due_.erase(next);
        lock.unlock();
        try {
            if (auto doc = docs_.get(uri)) {
                Analysis a = analyze(*doc, project_of(uri), opts_.max_check_bytes);
                bool fresh = docs_.version(uri) == doc->version;
                if (fresh) {
                    {
                        std::lock_guard<std::mutex> st(state_mutex_);
                        auto it = state_.find(uri);
                        if (it != state_.end()) {
                            it->second.analysis = std::move(a);
                        }
                    }
                    publish(uri);
                }
                // Stale: a newer change is already scheduled and will publish.
            }
        } catch (const std::exception& e) {
            log(1, "checking " + uri + " failed: " + e.what());
        }
        lock.lock();
    }
}

Analysis Server::current_analysis(const Document& doc) {
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        auto it = state_.find(doc.uri);
        if (it != state_.end() && it->second.analysis &&
            it->second.analysis->version == doc.version) {
            return *it->second.analysis;
        }
    }
    // Requests are answered on the reading thread: never hold it for a long check. A big
    // buffer's findings are used once the checking thread has them; until then there are none.
    if (doc.text.size() > opts_.max_sync_check_bytes) {
        Analysis pending;
        pending.version = doc.version;
        return pending;
    }
    return analyze(doc, project_of(doc.uri), opts_.max_check_bytes);
}

void Server::publish(const std::string& uri) {
    auto doc = docs_.get(uri);
    if (!doc) {
        return;
    }
    json diags;
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        auto it = state_.find(uri);
        if (it == state_.end() || !it->second.analysis) {
            return;
        }
        const DocState& st = it->second;
        if (st.analysis->version != doc->version) {
            return;
        }
        diags = to_diagnostics(*doc, *st.analysis, st.project, enc_);
        for (const auto& d : st.command_diagnostics) {
            diags.push_back(d);
        }
    }
    transport_.send(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/publishDiagnostics"},
         {"params", {{"uri", uri}, {"version", doc->version}, {"diagnostics", diags}}}});
}

json Server::hover_at(const json& params) {
    auto doc = docs_.get(uri_of(params));
    if (!doc) {
        return nullptr; // not open: nothing known about it
    }
    int line = params.at("position").at("line").get<int>();
    return hover(*doc, current_analysis(*doc), line, enc_);
}

json Server::code_action(const json& params) {
    auto doc = docs_.get(uri_of(params));
    if (!doc) {
        return json::array();
    }
    const json& range = params.at("range");
    int first = range.at("start").at("line").get<int>();
    int last = range.at("end").at("line").get<int>();
    std::vector<LineFix> fixes;
    {
        std::lock_guard<std::mutex> lock(state_mutex_);
        auto it = state_.find(doc->uri);
        if (it != state_.end()) {
            fixes = it->second.fixes;
        }
    }
    json context = params.value("context", json::object());
    return code_actions(*doc, current_analysis(*doc), fixes, first, last, enc_,
                        context.value("diagnostics", json::array()));
}

} // namespace hlsv::lsp
