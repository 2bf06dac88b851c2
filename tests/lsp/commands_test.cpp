// workspace/executeCommand through the real server: C simulation and hlsv debug on the design
// directory that holds a file (results as diagnostics with related information), $/progress,
// and cancellation of long work.
#include "lsp_client.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using hlsv::test::file_uri;
using hlsv::test::json;
using hlsv::test::LspProcess;
using namespace std::chrono_literals;

namespace {

const fs::path k_designs = fs::path(HLSV_LSP_TESTS) / "designs";

// The names of every live process below `root` (from /proc/PID/stat: "pid (comm) state ppid"),
// zombies excluded.
std::vector<std::string> descendants(pid_t root) {
    std::map<pid_t, pid_t> parent;
    std::map<pid_t, char> state;
    std::map<pid_t, std::string> comm;
    for (const auto& e : fs::directory_iterator("/proc")) {
        std::string name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream in(e.path() / "stat");
        std::string line;
        if (!std::getline(in, line)) {
            continue;
        }
        std::size_t open = line.find('(');
        std::size_t close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos) {
            continue;
        }
        std::istringstream rest(line.substr(close + 2));
        char st = 0;
        pid_t ppid = 0;
        rest >> st >> ppid;
        pid_t pid = std::stoi(name);
        parent[pid] = ppid;
        state[pid] = st;
        comm[pid] = line.substr(open + 1, close - open - 1);
    }
    std::vector<std::string> out;
    for (const auto& [pid, ppid] : parent) {
        for (pid_t up = ppid; up > 1; up = parent.count(up) ? parent[up] : 0) {
            if (up == root) {
                if (state[pid] != 'Z') {
                    out.push_back(comm[pid]);
                }
                break;
            }
        }
    }
    return out;
}

// Polls `pred` until it holds or `limit` passes; true when it held.
template <class Pred> bool eventually(Pred pred, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!pred()) {
        if (std::chrono::steady_clock::now() > end) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20)); // a poll, not a wait
    }
    return true;
}

struct Workspace {
    explicit Workspace(const std::string& design) {
        static int n = 0;
        root = fs::temp_directory_path() /
               ("hlsv_lspcmd_" + std::to_string(getpid()) + "_" + std::to_string(n++));
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(k_designs / design, root / design, fs::copy_options::recursive);
        dir = root / design;
        // Our own simulation cache, so results are computed here and not served from ~/.cache.
        setenv("XDG_CACHE_HOME", (root / "cache").c_str(), 1);
    }
    ~Workspace() { fs::remove_all(root); }
    fs::path root, dir;
};

std::unique_ptr<LspProcess> start(const fs::path& root, bool progress) {
    auto p = std::make_unique<LspProcess>(std::vector<std::string>{HLSV_BIN, "lsp"});
    json caps = progress ? json{{"window", {{"workDoneProgress", true}}}} : json::object();
    int id = p->request(
        "initialize",
        {{"processId", nullptr}, {"rootUri", file_uri(root.string())}, {"capabilities", caps}});
    EXPECT_TRUE(p->response(id));
    p->notify("initialized", json::object());
    return p;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(LspCommands, SimulatePassesAndReportsOnTheTopFunctionWithTheTestbenchRelated) {
    Workspace ws("window_sum");
    auto p = start(ws.root, false);
    fs::path file = ws.dir / "window_sum.cpp";
    std::string uri = file_uri(file.string());
    p->notify("textDocument/didOpen",
              {{"textDocument",
                {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", slurp(file)}}}});
    ASSERT_TRUE(p->diagnostics(uri, 1));
    int id = p->request(
        "workspace/executeCommand",
        {{"command", "hlsv.simulate"}, {"arguments", {uri}}, {"workDoneToken", "sim-1"}});
    auto r = p->response(id, 120s);
    ASSERT_TRUE(r);
    ASSERT_TRUE(r->contains("result")) << r->dump();
    EXPECT_EQ((*r)["result"]["verdict"], "pass");
    // Progress: begin ... end on the client's token.
    p->rewind();
    std::vector<std::string> kinds;
    for (const auto& m : p->seen()) {
        if (m.value("method", "") == "$/progress" && m["params"]["token"] == "sim-1") {
            kinds.push_back(m["params"]["value"]["kind"]);
        }
    }
    ASSERT_GE(kinds.size(), 2u);
    EXPECT_EQ(kinds.front(), "begin");
    EXPECT_EQ(kinds.back(), "end");
    // The verdict as a diagnostic beside the checker's findings, on the line of the top function.
    p->rewind();
    auto d = p->wait_for([&](const json& m) {
        if (m.value("method", "") != "textDocument/publishDiagnostics" ||
            m["params"]["uri"] != uri) {
            return false;
        }
        for (const auto& x : m["params"]["diagnostics"]) {
            if (x.value("code", "") == "hlsv-csim") {
                return true;
            }
        }
        return false;
    });
    ASSERT_TRUE(d);
    bool checker = false;
    for (const auto& x : (*d)["params"]["diagnostics"]) {
        checker |= x.value("code", "") == "hls-nested-pipeline";
        if (x.value("code", "") == "hlsv-csim") {
            EXPECT_EQ(x["severity"], 3);
            EXPECT_EQ(x["range"]["start"]["line"], 4); // void window_sum(...) {
            EXPECT_NE(x["message"].get<std::string>().find("pass"), std::string::npos);
            ASSERT_EQ(x["relatedInformation"].size(), 1u);
            EXPECT_EQ(x["relatedInformation"][0]["location"]["uri"],
                      file_uri((ws.dir / "window_sum_tb.cpp").string()));
            EXPECT_NE(x["relatedInformation"][0]["message"].get<std::string>().find("PASS"),
                      std::string::npos);
        }
    }
    EXPECT_TRUE(checker);
}

TEST(LspCommands, DebugLocalizesTheBugAndItsProvenFixIsACodeAction) {
    Workspace ws("scale_offset");
    auto p = start(ws.root, true);
    fs::path file = ws.dir / "scale_offset.cpp";
    std::string uri = file_uri(file.string());
    std::string text = slurp(file);
    p->notify(
        "textDocument/didOpen",
        {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", text}}}});
    ASSERT_TRUE(p->diagnostics(uri, 1));
    int id = p->request("workspace/executeCommand",
                        {{"command", "hlsv.debug"}, {"arguments", {{{"uri", uri}}}}});
    // The server asks for a progress token; grant it.
    auto create = p->wait_for(
        [](const json& m) { return m.value("method", "") == "window/workDoneProgress/create"; });
    ASSERT_TRUE(create);
    p->send({{"jsonrpc", "2.0"}, {"id", (*create)["id"]}, {"result", nullptr}});
    auto r = p->response(id, 300s);
    ASSERT_TRUE(r);
    ASSERT_TRUE(r->contains("result")) << r->dump();
    // The faulty loop header is 0-based line 6.
    p->rewind();
    json suspect;
    p->wait_for([&](const json& m) {
        if (m.value("method", "") != "textDocument/publishDiagnostics" ||
            m["params"]["uri"] != uri) {
            return false;
        }
        for (const auto& x : m["params"]["diagnostics"]) {
            if (x.value("code", "") == "hlsv-debug" && x["range"]["start"]["line"] == 6) {
                suspect = x;
                return true;
            }
        }
        return false;
    });
    ASSERT_FALSE(suspect.is_null()) << r->dump();
    EXPECT_NE(suspect["message"].get<std::string>().find("proven fix"), std::string::npos)
        << suspect.dump();
    EXPECT_FALSE(suspect["relatedInformation"].empty());
    int a = p->request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range",
          {{"start", {{"line", 6}, {"character", 0}}}, {"end", {{"line", 6}, {"character", 0}}}}},
         {"context", {{"diagnostics", json::array({suspect})}}}});
    auto actions = p->response(a);
    ASSERT_TRUE(actions);
    json fix;
    for (const auto& act : (*actions)["result"]) {
        if (act["title"].get<std::string>().find("hlsv debug proved") != std::string::npos) {
            fix = act;
        }
    }
    ASSERT_FALSE(fix.is_null()) << actions->dump();
    const json& edit = fix["edit"]["changes"][uri][0];
    EXPECT_EQ(edit["range"]["start"]["line"], 6);
    EXPECT_EQ(edit["range"]["end"]["line"], 6);
    std::string fixed_line = edit["newText"];
    EXPECT_NE(fixed_line, "    for (int i = 0; i < LEN - 1; i++) {");
    // Apply the action as an editor would, save, and simulate: the testbench passes now.
    std::size_t at = 0;
    for (int l = 0; l < 6; ++l) {
        at = text.find('\n', at) + 1;
    }
    std::size_t eol = text.find('\n', at);
    text = text.substr(0, at + edit["range"]["start"]["character"].get<std::size_t>()) +
           fixed_line + text.substr(at + edit["range"]["end"]["character"].get<std::size_t>());
    ASSERT_LT(at + edit["range"]["end"]["character"].get<std::size_t>(), eol + 1);
    std::ofstream(file) << text;
    int sim = p->request("workspace/executeCommand",
                         {{"command", "hlsv.simulate"}, {"arguments", {uri}}});
    auto grant = p->wait_for(
        [](const json& m) { return m.value("method", "") == "window/workDoneProgress/create"; });
    ASSERT_TRUE(grant);
    p->send({{"jsonrpc", "2.0"}, {"id", (*grant)["id"]}, {"result", nullptr}});
    auto rs = p->response(sim, 120s);
    ASSERT_TRUE(rs);
    EXPECT_EQ((*rs)["result"]["verdict"], "pass") << rs->dump() << "\n" << text;
}

TEST(LspCommands, CancelRequestStopsLongSimulationAndEndsItsProgress) {
    Workspace ws("slow_tb");
    auto p = start(ws.root, false);
    std::string uri = file_uri((ws.dir / "twice.cpp").string());
    int id =
        p->request("workspace/executeCommand",
                   {{"command", "hlsv.simulate"}, {"arguments", {uri}}, {"workDoneToken", "slow"}});
    auto begun = p->wait_for([](const json& m) {
        return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "report" &&
               m["params"]["value"]["message"].get<std::string>().find("running") !=
                   std::string::npos;
    });
    ASSERT_TRUE(begun);
    EXPECT_TRUE(p->seen().front().contains("result")); // initialize; no answer to the command yet
    // The testbench runs below the server (it sleeps there for 30 s, limited to 8 s) ...
    ASSERT_TRUE(eventually(
        [&] {
            auto names = descendants(p->pid());
            return std::find(names.begin(), names.end(), "hlsv_sim") != names.end();
        },
        30000ms));
    auto t0 = std::chrono::steady_clock::now();
    p->notify("$/cancelRequest", {{"id", id}});
    auto r = p->response(id, 5s);
    ASSERT_TRUE(r) << "no answer within 5 s of the cancel (the testbench sleeps 30 s)";
    EXPECT_EQ((*r)["error"]["code"], -32800);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
    p->rewind();
    auto end = p->wait_for(
        [](const json& m) {
            return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "end";
        },
        1s);
    ASSERT_TRUE(end);
    EXPECT_EQ((*end)["params"]["value"]["message"], "cancelled");
    // ... and a cancel ends it, long before the testbench's 30 s sleep or its 8 s limit would.
    EXPECT_TRUE(eventually([&] { return descendants(p->pid()).empty(); }, 3000ms))
        << descendants(p->pid()).size() << " processes still run below the server";
    // The server still serves.
    int sd = p->request("shutdown", nullptr);
    EXPECT_TRUE(p->response(sd));
}
