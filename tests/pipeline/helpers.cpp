// Child processes, temp dirs, JSONL and store queries for the pipeline tests.
#include "helpers.h"

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <signal.h>
#include <sqlite3.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hlsv::pipeline::test {

TempDir::TempDir() {
    std::random_device rd;
    fs::path base = fs::temp_directory_path();
    for (int i = 0; i < 100; ++i) {
        fs::path p = base / ("hlsv-pipetest-" + std::to_string(::getpid()) + "-" +
                             std::to_string(rd() % 1000000));
        std::error_code ec;
        if (fs::create_directory(p, ec)) {
            path_ = p;
            return;
        }
    }
    throw std::runtime_error("cannot create a temp directory under " + base.string());
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::vector<std::string> hlsv_argv(const std::vector<std::string>& args) {
    std::vector<std::string> argv{HLSV_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

bool poll_until(const std::function<bool()>& cond, double seconds) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!cond()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

Child::Child(const std::vector<std::string>& argv_in, const SpawnOptions& opts) {
    std::vector<std::string> argv_s = argv_in;
    argv0_ = argv_s.at(0);
    std::string out = (logs_ / "stdout").string(), err = (logs_ / "stderr").string();
    pid_ = ::fork();
    if (pid_ < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid_ == 0) {
        // Child: only async-signal-safe-ish calls from here to exec.
        int fo = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fi = ::open("/dev/null", O_RDONLY);
        if (fo < 0 || fe < 0 || fi < 0) {
            ::_exit(120);
        }
        ::dup2(fi, 0);
        ::dup2(fo, 1);
        ::dup2(fe, 2);
        ::setpgid(0, 0); // its own group: a test's signal never reaches gtest itself
        for (const auto& [k, v] : opts.env) {
            ::setenv(k.c_str(), v.c_str(), 1);
        }
        if (opts.fsize_limit) {
            // A "full disk": writes past the limit fail with EFBIG instead of killing the process.
            ::signal(SIGXFSZ, SIG_IGN);
            struct rlimit rl;
            rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(*opts.fsize_limit);
            ::setrlimit(RLIMIT_FSIZE, &rl);
        }
        std::vector<char*> argv;
        for (auto& a : argv_s) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
}

Child::~Child() {
    if (pid_ > 0 && status_ < 0) {
        ::kill(-pid_, SIGKILL);
        ::kill(pid_, SIGKILL);
        int st;
        ::waitpid(pid_, &st, 0);
    }
}

bool Child::running() {
    if (status_ >= 0) {
        return false;
    }
    int st;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
        status_ = st;
        return false;
    }
    return true;
}

void Child::signal(int sig) {
    ::kill(pid_, sig);
}

int Child::wait() {
    if (status_ < 0) {
        int st;
        while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
        }
        status_ = st;
    }
    if (WIFEXITED(status_)) {
        return WEXITSTATUS(status_);
    }
    return 128 + WTERMSIG(status_);
}

int Child::wait_for(double seconds) {
    if (!poll_until([&] { return !running(); }, seconds)) {
        ADD_FAILURE() << argv0_ << " still running after " << seconds << " s: killed";
        ::kill(-pid_, SIGKILL);
        ::kill(pid_, SIGKILL);
    }
    return wait();
}

std::string Child::out() const {
    return slurp(logs_ / "stdout");
}
std::string Child::err() const {
    return slurp(logs_ / "stderr");
}

Result run_hlsv(const std::vector<std::string>& args, const SpawnOptions& opts) {
    Child c(hlsv_argv(args), opts);
    Result r;
    r.exit = c.wait_for(600);
    r.out = c.out();
    r.err = c.err();
    return r;
}

fs::path fixtures() {
    return fs::path(HLSV_PIPELINE_FIXTURES);
}
fs::path bench_design(const std::string& name) {
    return fs::path(HLSV_DESIGNS_DIR) / name;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<json> read_jsonl(const fs::path& file) {
    std::vector<json> rows;
    std::istringstream in(slurp(file));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) {
            continue;
        }
        try {
            rows.push_back(json::parse(line));
        } catch (const json::parse_error& e) {
            ADD_FAILURE() << file << " line " << n << " is not JSON: " << e.what();
        }
    }
    return rows;
}

std::multiset<std::string> ids_of(const std::vector<json>& rows) {
    std::multiset<std::string> ids;
    for (const auto& r : rows) {
        ids.insert(r.value("id", ""));
    }
    return ids;
}

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) {
            files[fs::relative(e.path(), dir).string()] = slurp(e.path());
        }
    }
    return files;
}

namespace {

/// Runs `sql` read-only: the first column of every row as text (nullopt: unreadable store).
std::optional<std::vector<std::string>> query_rows(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return std::nullopt;
    }
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* st = nullptr;
    std::optional<std::vector<std::string>> out;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        out.emplace();
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(st, 0);
            out->push_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        if (rc != SQLITE_DONE) {
            out.reset();
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

std::optional<std::string> query_text(const fs::path& db, const std::string& sql) {
    auto rows = query_rows(db, sql);
    if (!rows || rows->empty()) {
        return std::nullopt;
    }
    return rows->front();
}

} // namespace

long query_long(const fs::path& db, const std::string& sql) {
    std::error_code ec;
    if (!fs::exists(db, ec)) {
        return -1;
    }
    auto t = query_text(db, sql);
    return t ? std::atol(t->c_str()) : -1;
}

std::multiset<std::string> query_set(const fs::path& db, const std::string& sql) {
    auto rows = query_rows(db, sql);
    EXPECT_TRUE(rows.has_value()) << "cannot query " << db << ": " << sql;
    return rows ? std::multiset<std::string>(rows->begin(), rows->end())
                : std::multiset<std::string>{};
}

std::string integrity_check(const fs::path& db) {
    return query_text(db, "PRAGMA integrity_check").value_or("cannot open " + db.string());
}

std::vector<std::string> generate_args(const std::vector<std::string>& suites, const fs::path& db,
                                       const fs::path& out, const std::string& bugs) {
    std::vector<std::string> a{"generate"};
    a.insert(a.end(), suites.begin(), suites.end());
    for (const std::string& s :
         {std::string("--db"), db.string(), std::string("--out"), out.string(),
          std::string("--bugs"), bugs, std::string("--jobs"), std::string("2")}) {
        a.push_back(s);
    }
    return a;
}

} // namespace hlsv::pipeline::test
