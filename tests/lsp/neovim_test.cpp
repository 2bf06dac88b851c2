// Neovim (Debian's `neovim`, headless) with its built-in LSP client attached to `hlsv lsp`:
// it opens one of our designs with a pragma bug, and the test asserts the diagnostics Neovim
// received (rule id, line), that hover answers, and that applying the code action removes the
// finding. The Lua side waits with vim.wait on conditions (bounded) and writes what it saw to
// a JSON file; nothing here sleeps.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sstream>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const fs::path k_designs = fs::path(HLSV_LSP_TESTS) / "designs";

std::string find_nvim() {
    for (const char* p : {"/usr/bin/nvim", "/usr/local/bin/nvim"}) {
        if (access(p, X_OK) == 0) {
            return p;
        }
    }
    return "";
}

/// Runs argv with stdin from /dev/null; kills it after `limit`. Returns the exit status or -1.
int run_bounded(const std::vector<std::string>& argv, std::chrono::seconds limit,
                const fs::path& log) {
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        FILE* in = freopen("/dev/null", "r", stdin);
        FILE* out = freopen(log.c_str(), "w", stdout);
        (void)in;
        (void)out;
        dup2(fileno(stdout), 2);
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    // Wait for the child's exit with a deadline: poll() on a pidfd wakes at the exit.
    int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    int status = 0;
    if (pidfd >= 0) {
        pollfd p{pidfd, POLLIN, 0};
        int ready = poll(&p, 1, static_cast<int>(limit.count() * 1000));
        close(pidfd);
        if (ready <= 0) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
    }
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const char* k_lua = R"LUA(
-- Written by neovim_test.cpp. Drives Neovim's built-in LSP client against hlsv lsp.
local out = { steps = {} }
local function step(s) table.insert(out.steps, s) end
local function finish()
  local f = io.open(RESULT, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'hlsv',
    cmd = { HLSV, 'lsp' },
    root_dir = DESIGN_DIR,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        table.insert(published, result)
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
    },
  })
  out.client_started = client_id ~= nil
  vim.cmd('edit ' .. vim.fn.fnameescape(FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  local function latest()
    for i = #published, 1, -1 do
      if published[i].uri == vim.uri_from_bufnr(bufnr) then return published[i] end
    end
  end
  local function codes(p)
    local list = {}
    for _, d in ipairs(p and p.diagnostics or {}) do
      table.insert(list, { code = d.code, line = d.range.start.line, message = d.message })
    end
    return list
  end
  -- The finding itself (error/warning), not the information note on its other end.
  local function has_rule(p, rule)
    for _, d in ipairs(p and p.diagnostics or {}) do
      if d.code == rule and d.severity <= 2 then return d end
    end
  end

  out.got_diagnostics = vim.wait(20000, function() return has_rule(latest(), RULE) ~= nil end, 10)
  out.before = codes(latest())
  -- What Neovim itself shows for the buffer (its diagnostic store, 0-based lnum).
  out.nvim_shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.nvim_shown, { lnum = d.lnum, message = d.message })
  end
  if not out.got_diagnostics then return end
  local diag = has_rule(latest(), RULE)
  step('diagnostics')

  local client = vim.lsp.get_client_by_id(client_id)
  local line = diag.range.start.line
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  local hover = client.request_sync('textDocument/hover', vim.lsp.util.make_position_params(), 10000, bufnr)
  out.hover = hover and hover.result and hover.result.contents.value or ''

  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = { diag } }
  local resp, req_err = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  out.action_error = req_err or (resp and resp.err and vim.inspect(resp.err)) or nil
  out.action_params = params
  out.actions = {}
  local chosen
  for _, a in ipairs(resp and resp.result or {}) do
    table.insert(out.actions, a.title)
    if a.isPreferred and not chosen then chosen = a end
  end
  if not chosen then return end
  out.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  step('applied')
  out.buffer_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  -- The server re-checks the edited buffer: wait for diagnostics of the buffer's version.
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  out.fixed = vim.wait(20000, function()
    local p = latest()
    return p ~= nil and p.version == tick and has_rule(p, RULE) == nil
  end, 10)
  out.after = codes(latest())
  out.after_version = latest() and latest().version
  out.tick = tick
  step('rechecked')
  vim.lsp.stop_client(client_id)
end)
out.ok = ok
out.error = ok and nil or tostring(err)
finish()
)LUA";

} // namespace

TEST(Neovim, BuiltInClientSeesTheNestedPipelineAndTheCodeActionRemovesIt) {
    std::string nvim = find_nvim();
    if (nvim.empty()) {
        GTEST_SKIP() << "neovim is not installed (scripts/install-deps.sh installs it for tests)";
    }
    fs::path root = fs::temp_directory_path() / ("hlsv_nvim_" + std::to_string(getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(k_designs / "window_sum", root / "window_sum", fs::copy_options::recursive);
    fs::path file = root / "window_sum" / "window_sum.cpp";
    fs::path result = root / "result.json";
    fs::path script = root / "client.lua";
    {
        std::ofstream s(script);
        s << "HLSV = " << json(std::string(HLSV_BIN)).dump() << "\n"
          << "FILE = " << json(file.string()).dump() << "\n"
          << "DESIGN_DIR = " << json((root / "window_sum").string()).dump() << "\n"
          << "RESULT = " << json(result.string()).dump() << "\n"
          << "RULE = 'hls-nested-pipeline'\n"
          << k_lua;
    }
    // -u NONE: no user config or plugins; -i NONE: no shada; -n: no swap file.
    int rc = run_bounded(
        {nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + script.string()},
        std::chrono::seconds(90), root / "nvim.log");
    ASSERT_EQ(rc, 0) << "nvim did not finish (timeout or crash); see " << root / "nvim.log";
    ASSERT_TRUE(fs::exists(result)) << "the Lua script wrote no result";
    json r = json::parse(std::ifstream(result));
    ASSERT_TRUE(r["ok"].get<bool>()) << r.dump(2);
    ASSERT_TRUE(r["got_diagnostics"].get<bool>()) << r.dump(2);
    // The nested pipeline pragma is 0-based line 13 of window_sum.cpp.
    bool seen = false;
    for (const auto& d : r["before"]) {
        seen |= d["code"] == "hls-nested-pipeline" && d["line"] == 13;
    }
    EXPECT_TRUE(seen) << r["before"].dump(2);
    bool shown = false;
    for (const auto& d : r["nvim_shown"]) {
        shown |= d["lnum"] == 13;
    }
    EXPECT_TRUE(shown) << "Neovim's diagnostic store lacks the finding: " << r["nvim_shown"].dump();
    EXPECT_NE(r["hover"].get<std::string>().find("hls-nested-pipeline"), std::string::npos)
        << r["hover"];
    EXPECT_NE(r["hover"].get<std::string>().find("#pragma HLS pipeline"), std::string::npos);
    ASSERT_EQ(r["applied"], "Remove '#pragma HLS pipeline II=1'") << r.dump(2);
    ASSERT_TRUE(r["fixed"].get<bool>()) << r.dump(2);
    for (const auto& d : r["after"]) {
        EXPECT_NE(d["code"], "hls-nested-pipeline") << r["after"].dump(2);
    }
    // The edit removed exactly the inner pragma line: one pipeline pragma is left.
    int pragmas = 0;
    for (const auto& l : r["buffer_after"]) {
        pragmas += l.get<std::string>().find("#pragma HLS pipeline") != std::string::npos;
    }
    EXPECT_EQ(pragmas, 1);
    EXPECT_EQ(r["buffer_after"].size(), 18u);
    fs::remove_all(root);
}
