// Protocol-level tests: the real `hlsv lsp` binary driven through its stdin/stdout with
// JSON-RPC messages (some replayed from a recorded editor session), asserting what comes back.
#include "lsp_client.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace fs = std::filesystem;
using hlsv::test::file_uri;
using hlsv::test::json;
using hlsv::test::LspProcess;
using namespace std::chrono_literals;

namespace {

const fs::path k_designs = fs::path(HLSV_LSP_TESTS) / "designs";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A private copy of one of our designs (tests edit files and add hlsv.toml).
class Workspace {
  public:
    explicit Workspace(const std::string& design) {
        root_ = fs::temp_directory_path() /
                ("hlsv_lsp_" + std::to_string(getpid()) + "_" + std::to_string(counter()++));
        fs::remove_all(root_);
        fs::create_directories(root_);
        fs::copy(k_designs / design, root_ / design, fs::copy_options::recursive);
        dir_ = root_ / design;
    }
    ~Workspace() { fs::remove_all(root_); }
    const fs::path& dir() const { return dir_; }
    const fs::path& root() const { return root_; }

  private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    fs::path root_, dir_;
};

json init_params(const fs::path& root, json caps = json::object()) {
    return {{"processId", nullptr}, {"rootUri", file_uri(root.string())}, {"capabilities", caps}};
}

/// Starts the server and completes the initialize handshake.
std::unique_ptr<LspProcess> start(const fs::path& root, json caps = json::object(),
                                  json init_options = nullptr) {
    auto p = std::make_unique<LspProcess>(std::vector<std::string>{HLSV_BIN, "lsp"});
    json params = init_params(root, caps);
    if (!init_options.is_null()) {
        params["initializationOptions"] = init_options;
    }
    int id = p->request("initialize", params);
    auto r = p->response(id);
    EXPECT_TRUE(r.has_value()) << "no initialize response";
    p->notify("initialized", json::object());
    return p;
}

void open(LspProcess& p, const fs::path& file, const std::string& text, int version = 1) {
    p.notify("textDocument/didOpen", {{"textDocument",
                                       {{"uri", file_uri(file.string())},
                                        {"languageId", "cpp"},
                                        {"version", version},
                                        {"text", text}}}});
}

std::vector<std::pair<std::string, int>> rules_and_lines(const json& diags) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& d : diags["diagnostics"]) {
        out.emplace_back(d.value("code", ""), d["range"]["start"]["line"].get<int>());
    }
    return out;
}

bool has(const json& diags, const std::string& rule, int line0) {
    for (const auto& [r, l] : rules_and_lines(diags)) {
        if (r == rule && l == line0) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST(LspLifecycle, InitializeAnnouncesCapabilitiesAndShutdownExitGivesZero) {
    Workspace ws("window_sum");
    LspProcess p({HLSV_BIN, "lsp"});
    int early = p.request("textDocument/hover", json::object());
    auto e = p.response(early);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["error"]["code"], -32002); // not initialized yet
    int id = p.request("initialize", init_params(ws.root()));
    auto r = p.response(id);
    ASSERT_TRUE(r);
    const json& caps = (*r)["result"]["capabilities"];
    EXPECT_EQ(caps["textDocumentSync"]["change"], 2); // incremental
    EXPECT_EQ(caps["positionEncoding"], "utf-16");
    EXPECT_TRUE(caps["hoverProvider"].get<bool>());
    EXPECT_EQ(caps["executeCommandProvider"]["commands"],
              json::array({"hlsv.simulate", "hlsv.debug"}));
    int again = p.request("initialize", init_params(ws.root()));
    EXPECT_EQ((*p.response(again))["error"]["code"], -32600);
    int sd = p.request("shutdown", nullptr);
    EXPECT_TRUE((*p.response(sd))["result"].is_null());
    int late = p.request("textDocument/hover", json::object());
    EXPECT_EQ((*p.response(late))["error"]["code"], -32600);
    p.notify("exit", nullptr);
    EXPECT_EQ(p.wait_exit(), 0);
}

TEST(LspLifecycle, ExitWithoutShutdownGivesOne) {
    Workspace ws("window_sum");
    auto p = start(ws.root());
    p->notify("exit", nullptr);
    EXPECT_EQ(p->wait_exit(), 1);
}

TEST(LspLifecycle, Utf8PositionsWhenTheClientOffersThem) {
    Workspace ws("window_sum");
    LspProcess p({HLSV_BIN, "lsp"});
    int id = p.request(
        "initialize",
        init_params(ws.root(), {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}));
    EXPECT_EQ((*p.response(id))["result"]["capabilities"]["positionEncoding"], "utf-8");
}

TEST(LspDiagnostics, ReplayedEditSessionRemovesAndRestoresTheNestedPipeline) {
    Workspace ws("window_sum");
    fs::path file = ws.dir() / "window_sum.cpp";
    std::string text = slurp(file);
    LspProcess p({HLSV_BIN, "lsp"});
    std::ifstream rec(fs::path(HLSV_LSP_TESTS) / "recorded" / "edit_session.jsonl");
    std::string line;
    while (std::getline(rec, line)) {
        json m = json::parse(line);
        // Placeholders of the recording: the workspace, the file and its text.
        std::string s = m.dump();
        auto subst = [&](const std::string& key, const std::string& value) {
            for (auto at = s.find(key); at != std::string::npos;
                 at = s.find(key, at + value.size())) {
                s.replace(at, key.size(), value);
            }
        };
        subst("${ROOT}", file_uri(ws.root().string()));
        subst("${FILE}", file_uri(file.string()));
        std::string escaped = json(text).dump();
        subst("\"${TEXT}\"", escaped);
        if (m.value("method", "") == "shutdown") {
            // The recording's editor waited for the diagnostics before closing: so do we.
            ASSERT_TRUE(p.diagnostics(file_uri(file.string()), 4));
            p.rewind();
        }
        p.send_raw("Content-Length: " + std::to_string(s.size()) + "\r\n\r\n" + s);
    }
    std::string uri = file_uri(file.string());
    // Version 1: the bug at 0-based line 13 (the inner pragma); 2: gone; 4: back.
    auto v4 = p.diagnostics(uri, 4);
    p.rewind();
    auto v1 = p.diagnostics(uri, 1, 0ms); // only what already arrived
    ASSERT_TRUE(v4) << "no diagnostics for version 4";
    EXPECT_TRUE(has(*v4, "hls-nested-pipeline", 13)) << v4->dump();
    EXPECT_EQ((*v4)["diagnostics"][0]["source"], "hlsv");
    if (v1) { // debouncing may coalesce version 1 with later ones; when sent it has the bug
        EXPECT_TRUE(has(*v1, "hls-nested-pipeline", 13)) << v1->dump();
    }
    auto hover = p.response(2);
    ASSERT_TRUE(hover);
    std::string md = (*hover)["result"]["contents"]["value"];
    EXPECT_NE(md.find("#pragma HLS pipeline"), std::string::npos) << md;
    EXPECT_NE(md.find("hls-nested-pipeline"), std::string::npos) << md;
    EXPECT_NE(md.find("How to fix"), std::string::npos) << md;
    auto actions = p.response(3);
    ASSERT_TRUE(actions);
    std::vector<std::string> titles;
    for (const auto& a : (*actions)["result"]) {
        titles.push_back(a["title"]);
    }
    ASSERT_EQ(titles.size(), 2u) << (*actions).dump();
    EXPECT_EQ(titles[0], "Remove '#pragma HLS pipeline II=1'");
    EXPECT_EQ(titles[1], "Ignore hls-nested-pipeline here (// hlsv-ignore hls-nested-pipeline)");
    const json& edit = (*actions)["result"][0]["edit"]["changes"][uri][0];
    EXPECT_EQ(edit["range"]["start"], json({{"line", 13}, {"character", 0}}));
    EXPECT_EQ(edit["range"]["end"], json({{"line", 14}, {"character", 0}}));
    EXPECT_EQ(edit["newText"], "");
    const json& ignore = (*actions)["result"][1]["edit"]["changes"][uri][0];
    EXPECT_EQ(ignore["newText"], "// hlsv-ignore hls-nested-pipeline\n");
    auto sd = p.response(4);
    ASSERT_TRUE(sd);
    EXPECT_EQ(p.wait_exit(), 0);
}

TEST(LspDiagnostics, IncrementalEditsCountUtf16UnitsAndTheIgnoreCommentSilences) {
    Workspace ws("window_sum");
    fs::path file = ws.dir() / "window_sum.cpp";
    std::string uri = file_uri(file.string());
    auto p = start(ws.root(), json::object(), {{"debounceMs", 0}});
    // A comment with a 2-byte and a 4-byte (surrogate pair) character before the edit point.
    std::string text = slurp(file);
    std::string marker = "            acc += in[r][t];";
    auto at = text.find(marker);
    text.insert(at, "            // é😀 x\n");
    open(*p, file, text);
    auto d1 = p->diagnostics(uri, 1);
    ASSERT_TRUE(d1);
    EXPECT_TRUE(has(*d1, "hls-nested-pipeline", 13));
    // Line 14 is "            // é😀 x": UTF-16 character 18 is after the emoji (12 + 3 + 1 + 2).
    json pos18 = {{"line", 14}, {"character", 18}};
    json change = {{"range", {{"start", pos18}, {"end", pos18}}},
                   {"text", " hlsv-ignore hls-nested-pipeline"}};
    p->notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                         {"contentChanges", json::array({change})}});
    // The comment is on the line after the pragma: still reported.
    auto d2 = p->diagnostics(uri, 2);
    ASSERT_TRUE(d2);
    EXPECT_TRUE(has(*d2, "hls-nested-pipeline", 13));
    // Move the comment above the pragma with a full-text change and an ignore line.
    std::string fixed = slurp(file);
    fixed.insert(fixed.find("#pragma HLS pipeline II=1\n            acc"),
                 "            // hlsv-ignore hls-nested-pipeline\n");
    p->notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                         {"contentChanges", json::array({{{"text", fixed}}})}});
    auto d3 = p->diagnostics(uri, 3);
    ASSERT_TRUE(d3);
    EXPECT_FALSE(has(*d3, "hls-nested-pipeline", 14)) << d3->dump();
    // The text as the server holds it: hover on line 14 now shows the pragma card.
    int h = p->request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                              {"position", {{"line", 14}, {"character", 2}}}});
    std::string md = (*p->response(h))["result"]["contents"]["value"];
    EXPECT_EQ(md.find("hls-nested-pipeline"), std::string::npos) << md;
    EXPECT_NE(md.find("#pragma HLS pipeline"), std::string::npos) << md;
}

TEST(LspRobustness, MalformedMessagesGetErrorsAndTheServerGoesOn) {
    Workspace ws("window_sum");
    auto p = start(ws.root());
    auto error_count = [&] {
        int n = 0;
        for (const auto& m : p->seen()) {
            n += m.contains("error") && m["id"].is_null();
        }
        return n;
    };
    // Broken JSON, a JSON array, no jsonrpc field, a header without Content-Length, and
    // invalid UTF-8 bytes inside a string.
    p->send_raw("Content-Length: 9\r\n\r\n{\"jsonrpc");
    p->send_raw("Content-Length: 2\r\n\r\n[]");
    p->send_raw("Content-Length: 8\r\n\r\n{\"id\":1}");
    p->send_raw("Content-Type: text/plain\r\n\r\n");
    std::string bad = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\xff\xfe\"}";
    p->send_raw("Content-Length: " + std::to_string(bad.size()) + "\r\n\r\n" + bad);
    // Wrong parameter types on a known request: an error for that id.
    int bad_params = p->request("textDocument/hover", {{"textDocument", 5}});
    int unknown = p->request("textDocument/definition", json::object());
    int ok = p->request("shutdown", nullptr);
    auto r_bad = p->response(bad_params);
    auto r_unknown = p->response(unknown);
    auto r_ok = p->response(ok);
    ASSERT_TRUE(r_ok);
    EXPECT_TRUE((*r_ok)["result"].is_null());
    EXPECT_EQ((*r_bad)["error"]["code"], -32602);
    EXPECT_EQ((*r_unknown)["error"]["code"], -32601);
    p->rewind();
    int parse_errors = 0, invalid = 0;
    for (const auto& m : p->seen()) {
        if (m.contains("error") && m["error"]["code"] == -32700) {
            ++parse_errors;
        }
        if (m.contains("error") && m["error"]["code"] == -32600) {
            ++invalid;
        }
    }
    EXPECT_EQ(parse_errors, 3); // broken JSON, missing Content-Length, invalid UTF-8
    EXPECT_EQ(invalid, 2);      // the array and the message without "jsonrpc"
    EXPECT_GE(error_count(), 4);
    p->notify("exit", nullptr);
    EXPECT_EQ(p->wait_exit(), 0);
}

TEST(LspRobustness, UnknownFilesAreAnsweredNotFatal) {
    Workspace ws("window_sum");
    auto p = start(ws.root());
    std::string ghost = file_uri((ws.root() / "nowhere.cpp").string());
    int h = p->request("textDocument/hover", {{"textDocument", {{"uri", ghost}}},
                                              {"position", {{"line", 3}, {"character", 0}}}});
    EXPECT_TRUE((*p->response(h))["result"].is_null());
    int a = p->request("textDocument/codeAction", {{"textDocument", {{"uri", ghost}}},
                                                   {"range",
                                                    {{"start", {{"line", 0}, {"character", 0}}},
                                                     {"end", {{"line", 0}, {"character", 0}}}}},
                                                   {"context", {{"diagnostics", json::array()}}}});
    EXPECT_EQ((*p->response(a))["result"], json::array());
    p->notify("textDocument/didChange", {{"textDocument", {{"uri", ghost}, {"version", 2}}},
                                         {"contentChanges", {{{"text", "int x;"}}}}});
    auto logged = p->wait_for([](const json& m) {
        return m.value("method", "") == "window/logMessage" &&
               m["params"]["message"].get<std::string>().find("not open") != std::string::npos;
    });
    EXPECT_TRUE(logged);
    // A file outside any design directory cannot be simulated: a request error, not a crash.
    fs::path lone = ws.root() / "lone.cpp";
    std::ofstream(lone) << "int lone(int x) { return x; }\n";
    int c = p->request("workspace/executeCommand",
                       {{"command", "hlsv.simulate"}, {"arguments", {file_uri(lone.string())}}});
    auto rc = p->response(c);
    ASSERT_TRUE(rc);
    EXPECT_EQ((*rc)["error"]["code"], -32803);
    EXPECT_NE((*rc)["error"]["message"].get<std::string>().find("no design directory"),
              std::string::npos);
    EXPECT_TRUE(p->alive());
}

TEST(LspRobustness, TenMegabyteAndBinaryBuffers) {
    Workspace ws("window_sum");
    auto p = start(ws.root(), json::object(), {{"debounceMs", 0}});
    std::string kernel = slurp(ws.dir() / "window_sum.cpp");
    // 10 MB: the kernel renamed over and over (distinct functions, one bug each).
    std::string big;
    for (int i = 0; big.size() < (10u << 20); ++i) {
        std::string k = kernel;
        k.replace(k.find("void window_sum("), 16, "void window_sum_" + std::to_string(i) + "(");
        big += k;
    }
    fs::path big_file = ws.dir() / "big.cpp";
    auto t0 = std::chrono::steady_clock::now();
    open(*p, big_file, big);
    // The reader stays responsive while the big buffer is checked.
    int h =
        p->request("textDocument/hover", {{"textDocument", {{"uri", file_uri(big_file.string())}}},
                                          {"position", {{"line", 9}, {"character", 0}}}});
    auto hover = p->response(h, 30s);
    ASSERT_TRUE(hover);
    EXPECT_NE((*hover)["result"]["contents"]["value"].get<std::string>().find("pipeline"),
              std::string::npos);
    auto d = p->diagnostics(file_uri(big_file.string()), 1, 60s);
    ASSERT_TRUE(d);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - t0);
    // Over the checking limit (4 MiB): one information diagnostic says so, at once.
    ASSERT_EQ((*d)["diagnostics"].size(), 1u) << (*d).dump().substr(0, 2000);
    EXPECT_NE((*d)["diagnostics"][0]["message"].get<std::string>().find("over the limit"),
              std::string::npos);
    std::cout << "10 MB buffer: answered in " << ms.count() << " ms\n";
    // An edit of the big buffer is applied (incrementally) and answered again.
    json at0 = {{"line", 0}, {"character", 0}};
    p->notify("textDocument/didChange",
              {{"textDocument", {{"uri", file_uri(big_file.string())}, {"version", 2}}},
               {"contentChanges", json::array({{{"range", {{"start", at0}, {"end", at0}}},
                                                {"text", "// edited\n"}}})}});
    ASSERT_TRUE(p->diagnostics(file_uri(big_file.string()), 2, 60s));
    // Binary: NUL bytes (valid JSON escapes) are not checked but answered.
    fs::path bin = ws.dir() / "blob.cpp";
    std::string blob("\x7f"
                     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
                     24);
    for (int i = 0; i < 2000; ++i) {
        blob += static_cast<char>(i % 32);
    }
    std::string blob_utf8;
    for (unsigned char c : blob) {
        blob_utf8 += c < 0x80 ? static_cast<char>(c) : '?';
    }
    open(*p, bin, blob_utf8);
    auto db = p->diagnostics(file_uri(bin.string()), 1);
    ASSERT_TRUE(db);
    ASSERT_EQ((*db)["diagnostics"].size(), 1u);
    EXPECT_NE((*db)["diagnostics"][0]["message"].get<std::string>().find("binary"),
              std::string::npos);
    EXPECT_TRUE(p->alive());
}

TEST(LspProject, HlsvTomlIncludeDirsAndMalformedConfigAreHonored) {
    Workspace ws("window_sum");
    // The constant ROWS moves to a header in a directory only hlsv.toml names: an access at
    // index ROWS is out of bounds only when that header is found.
    fs::create_directories(ws.root() / "inc");
    std::ofstream(ws.root() / "inc" / "sizes.h") << "#define DEPTH 8\n";
    fs::path file = ws.dir() / "oob.cpp";
    std::string text =
        "#include \"sizes.h\"\nint last(const int v[DEPTH]) {\n    return v[DEPTH];\n}\n";
    std::ofstream(file) << text;
    std::string uri = file_uri(file.string());
    {
        auto p = start(ws.root(), json::object(), {{"debounceMs", 0}});
        open(*p, file, text);
        auto d = p->diagnostics(uri, 1);
        ASSERT_TRUE(d);
        EXPECT_FALSE(has(*d, "hls-constant-index-out-of-bounds", 2)) << d->dump();
    }
    std::ofstream(ws.root() / "hlsv.toml") << "include_dirs = [\"inc\"]\n";
    {
        auto p = start(ws.root(), json::object(), {{"debounceMs", 0}});
        open(*p, file, text);
        auto d = p->diagnostics(uri, 1);
        ASSERT_TRUE(d);
        EXPECT_TRUE(has(*d, "hls-constant-index-out-of-bounds", 2)) << d->dump();
    }
    std::ofstream(ws.root() / "hlsv.toml") << "include_dirs = [\"inc\"\n";
    {
        auto p = start(ws.root(), json::object(), {{"debounceMs", 0}});
        open(*p, file, text);
        auto d = p->diagnostics(uri, 1);
        ASSERT_TRUE(d);
        ASSERT_FALSE((*d)["diagnostics"].empty());
        EXPECT_NE((*d)["diagnostics"][0]["message"].get<std::string>().find("hlsv.toml"),
                  std::string::npos);
    }
}
