// Compiler flags, compiler runs and the object cache.
#include "build.h"

#include "sandbox.h"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace hlsv::csim {

namespace {

bool has_code_extension(const fs::path& p) {
    static const char* exts[] = {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inc"};
    auto e = p.extension().string();
    return std::any_of(std::begin(exts), std::end(exts), [&](const char* x) { return e == x; });
}

// `g++ --version`, once per compiler per process.
std::string compiler_version(const std::string& compiler) {
    static std::mutex mu;
    static std::map<std::string, std::string> known;
    std::lock_guard lock(mu);
    auto it = known.find(compiler);
    if (it != known.end()) {
        return it->second;
    }
    Command cmd;
    cmd.argv = {compiler, "--version"};
    cmd.env = base_env("/tmp");
    cmd.limits.wall_s = 30;
    cmd.limits.drop_privileges = false;
    cmd.limits.max_processes = 16;
    Outcome o = run_command(cmd);
    if (o.failure != Failure::none || o.exit_code != 0) {
        throw InternalError(compiler + ": cannot run the compiler (" +
                            (o.error.empty() ? "exit " + std::to_string(o.exit_code) : o.error) +
                            ")");
    }
    return known[compiler] = o.out.substr(0, o.out.find('\n'));
}

// The version line plus the driver binary's path, size and mtime (what ccache's default
// compiler_check looks at): a rebuilt or upgraded compiler gets new cache keys.
std::string compiler_identity(const std::string& compiler) {
    std::string id = compiler_version(compiler);
    std::string path = compiler;
    if (const char* env = std::getenv("PATH")) {
        for (const auto& dir : split(env, ':')) {
            std::string cand = (dir.empty() ? "." : std::string(dir)) + "/" + compiler;
            if (::access(cand.c_str(), X_OK) == 0) {
                path = cand;
                break;
            }
        }
    }
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    struct stat st {};
    if (!ec && ::stat(real.c_str(), &st) == 0) {
        id += ' ' + real.string() + ' ' + std::to_string(st.st_size) + ' ' +
              std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec);
    }
    return id;
}

std::string hash_tree(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) {
        all += f.string() + '\0';
        try {
            all += sha256_hex(read_file(f)) + '\n';
        } catch (const Error&) {
            all += "?\n";
        }
    }
    return sha256_hex(all);
}

std::string first_diagnostic(const std::string& log) {
    // Compiler errors first; then the linker's own message (`ld: ...: undefined reference`,
    // `multiple definition of`), never collect2's summary when ld said more.
    std::string first_line, ld_line, collect2;
    for (const auto& raw : split(log, '\n')) {
        std::string line(trim(raw));
        if (line.empty()) {
            continue;
        }
        if (line.rfind("collect2:", 0) == 0) {
            collect2 = collect2.empty() ? line : collect2;
            continue;
        }
        if (line.find("undefined reference") != std::string::npos ||
            line.find("multiple definition of") != std::string::npos) {
            return line;
        }
        if (line.find("error:") != std::string::npos) {
            return line;
        }
        bool ld = line.find("/ld: ") != std::string::npos || line.rfind("ld: ", 0) == 0;
        if (ld && ld_line.empty() && line.back() != ':') {
            ld_line = line;
        }
        if (line.find("out of memory") != std::string::npos ||
            line.find("virtual memory exhausted") != std::string::npos) {
            return line + " (compiler memory limit " + std::to_string(k_compiler_memory >> 20) +
                   " MiB)";
        }
        if (first_line.empty()) {
            first_line = line;
        }
    }
    if (!ld_line.empty()) {
        return ld_line;
    }
    if (!collect2.empty()) {
        return collect2;
    }
    return first_line.empty() ? "compiler failed without a message" : first_line;
}

} // namespace

std::vector<std::string> include_dirs_of(const DesignSpec& design) {
    std::vector<std::string> out;
    auto flags = absolute_cflags(design.cflags, design.dir);
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (flags[i] == "-I" && i + 1 < flags.size()) {
            out.push_back(flags[++i]);
        } else if (flags[i].rfind("-I", 0) == 0 && flags[i].size() > 2) {
            out.push_back(flags[i].substr(2));
        }
    }
    return out;
}

std::vector<std::string> absolute_cflags(const std::vector<std::string>& cflags,
                                         const fs::path& design_dir) {
    static const char* path_opts[] = {"-I",       "-iquote",  "-isystem", "-idirafter",
                                      "-include", "-imacros", "-L"};
    std::vector<std::string> out;
    auto fix = [&](const std::string& p) {
        return p.empty() || fs::path(p).is_absolute()
                   ? p
                   : (design_dir / p).lexically_normal().string();
    };
    for (std::size_t i = 0; i < cflags.size(); ++i) {
        const std::string& c = cflags[i];
        bool done = false;
        for (const char* o : path_opts) {
            std::string opt = o;
            if (c == opt && i + 1 < cflags.size()) {
                out.push_back(c);
                out.push_back(fix(cflags[++i]));
                done = true;
            } else if (c.size() > opt.size() && c.rfind(opt, 0) == 0 &&
                       (opt == "-I" || opt == "-L" || opt == "-iquote" || opt == "-isystem" ||
                        opt == "-idirafter")) {
                // Joined form; "-include"/"-imacros" are never joined, and "-I" must not
                // swallow "-iquote" (case differs) or "-include" (lower-case i).
                out.push_back(opt + fix(c.substr(opt.size())));
                done = true;
            }
            if (done) {
                break;
            }
        }
        if (!done) {
            out.push_back(c);
        }
    }
    return out;
}

bool is_c_file(const fs::path& file) {
    return file.extension() == ".c";
}

std::vector<fs::path> design_code_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_regular_file(ec) && has_code_extension(e.path())) {
            out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path default_cache_dir() {
    if (const char* x = std::getenv("HLSV_CACHE_DIR"); x && *x) {
        return fs::path(x);
    }
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) {
        return fs::path(x) / "hlsv" / "csim";
    }
    if (const char* h = std::getenv("HOME"); h && *h) {
        return fs::path(h) / ".cache" / "hlsv" / "csim";
    }
    return fs::temp_directory_path() / "hlsv-csim-cache";
}

Toolchain::Toolchain(const DesignSpec& design, const Options& opts, bool coverage)
    : design_(design), opts_(opts), coverage_(coverage) {
    if (!opts.hls_include.empty()) {
        hls_include_ = opts.hls_include;
    } else if (const char* env = std::getenv("HLSV_HLS_INCLUDE"); env && *env) {
        hls_include_ = env;
    } else {
        hls_include_ = data_dir() / "harness" / "include";
    }
    std::string fp = compiler_identity(design.language == "c" ? "gcc" : "g++") + '\n';
    for (const auto& f : design.testbench) {
        if (is_c_file(f) != (design.language == "c")) {
            fp += compiler_identity(is_c_file(f) ? "gcc" : "g++") + '\n';
        }
    }
    for (const auto& flag : compile_flags(design.dir / "x.cpp")) {
        fp += flag + ' ';
    }
    for (const auto& flag : compile_flags(design.dir / "x.c")) {
        fp += flag + ' ';
    }
    for (const auto& flag : link_flags()) {
        fp += flag + ' ';
    }
    // Headers and included files anywhere are covered per object by its dependency list.
    fp += '\n';
    std::string hls = hash_tree(hls_include_);
    fp += hls;
    fingerprint_ = sha256_hex(fp);
    hls_fingerprint_ = sha256_hex(compiler_identity("g++") + '\n' + hls);
}

std::string Toolchain::compiler_for(const fs::path& file) const {
    return is_c_file(file) ? "gcc" : "g++";
}

std::string Toolchain::linker() const {
    bool cxx = design_.language != "c";
    for (const auto& f : design_.testbench) {
        cxx = cxx || !is_c_file(f);
    }
    return cxx ? "g++" : "gcc";
}

std::vector<std::string> Toolchain::compile_flags(const fs::path& file) const {
    // Defaults first: the design's cflags come later and win (-O2, -std=c++14, ...).
    // No identical-code folding: a batch slot keeps its own bytes for comparison, and every
    // compile uses the same flags so one precompiled header serves them all.
    std::vector<std::string> f = {"-O1",
                                  "-ftrivial-auto-var-init=pattern",
                                  "-w",
                                  "-ffunction-sections",
                                  "-fdata-sections",
                                  "-fno-ipa-icf"};
    if (!is_c_file(file)) {
        f.push_back("-std=c++17");
    }
    // The file's own folder first for quoted includes, also when a variant is compiled from a
    // copy elsewhere: `#include "../host/typedefs.h"` resolves as it does beside the original.
    f.push_back("-iquote" + file.parent_path().string());
    f.push_back("-I" + design_.dir.string());
    f.push_back("-I" + hls_include_.string());
    auto cflags = absolute_cflags(design_.cflags, design_.dir);
    f.insert(f.end(), cflags.begin(), cflags.end());
    f.insert(f.end(), opts_.extra_cflags.begin(), opts_.extra_cflags.end());
    if (opts_.sanitize) {
        for (const char* s : {"-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                              "-fno-omit-frame-pointer", "-g"}) {
            f.push_back(s);
        }
    }
    if (coverage_) {
        f.push_back("--coverage");
        f.push_back("-O0");
    }
    return f;
}

std::vector<std::string> Toolchain::link_flags() const {
    std::vector<std::string> f;
    if (opts_.sanitize) {
        f.push_back("-fsanitize=address,undefined");
    }
    if (coverage_) {
        f.push_back("--coverage");
    }
    // Linker flags a design may carry in cflags (-l, -L, -pthread).
    for (const auto& c : absolute_cflags(design_.cflags, design_.dir)) {
        if (c.rfind("-l", 0) == 0 || c.rfind("-L", 0) == 0 || c == "-pthread") {
            f.push_back(c);
        }
    }
    f.push_back("-lm");
    return f;
}

BuildStep run_compiler(const std::vector<std::string>& argv, const fs::path& cwd) {
    Command cmd;
    cmd.argv = argv;
    cmd.cwd = cwd;
    cmd.env = base_env(cwd);
    if (const char* t = std::getenv("TMPDIR"); t && *t) {
        cmd.env["TMPDIR"] = t;
    }
    // The compiler reads untrusted code too: bounded in time, memory and output size, and in
    // its own pid namespace so it dies with us.
    cmd.limits.wall_s = k_compiler_seconds;
    cmd.limits.cpu_s = k_compiler_seconds;
    cmd.limits.address_space = k_compiler_memory;
    cmd.limits.drop_privileges = false;
    cmd.limits.max_processes = 32;
    cmd.limits.output_cap = 256 << 10;
    cmd.limits.file_size = 1ull << 30;
    cmd.isolation = Isolation::process;
    Outcome o = run_command(cmd);
    BuildStep step;
    step.log = o.err + o.out;
    if (o.failure == Failure::error) {
        throw InternalError(o.error);
    }
    if (o.failure == Failure::timeout) {
        step.diagnostic =
            "compiler exceeded its time limit (" + std::to_string(int(k_compiler_seconds)) + " s)";
    } else if (o.failure != Failure::none || o.signal != 0) {
        step.diagnostic = "compiler killed (signal " + std::to_string(o.signal) + ")";
    } else if (o.exit_code != 0) {
        step.diagnostic = first_diagnostic(step.log);
    } else {
        step.ok = true;
    }
    return step;
}

namespace {

// Content hashes of dependency files, memoized by everything stat() says about the file (ctime
// included: it cannot be set back by hand, so an edit that restores size and mtime is seen).
std::string file_hash(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return "missing";
    }
    std::string sig = std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' +
                      std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
                      std::to_string(st.st_mtim.tv_nsec) + ':' + std::to_string(st.st_ctim.tv_sec) +
                      '.' + std::to_string(st.st_ctim.tv_nsec);
    static std::mutex mu;
    static std::map<std::string, std::pair<std::string, std::string>> memo; // path -> sig, hash
    {
        std::lock_guard lock(mu);
        auto it = memo.find(p.string());
        if (it != memo.end() && it->second.first == sig) {
            return it->second.second;
        }
    }
    std::string h;
    try {
        h = sha256_hex(read_file(p, 1ull << 31));
    } catch (const Error&) {
        return "unreadable";
    }
    std::lock_guard lock(mu);
    memo[p.string()] = {sig, h};
    return h;
}

// The files a depfile (`-MD -MF`) names after the target, made absolute against `cwd`.
std::vector<fs::path> parse_depfile(const std::string& text, const fs::path& cwd) {
    std::vector<fs::path> out;
    std::string cur;
    bool after_colon = false;
    auto flush = [&] {
        if (!cur.empty() && after_colon) {
            fs::path p = cur;
            out.push_back((p.is_absolute() ? p : cwd / p).lexically_normal());
        }
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            flush();
            ++i;
        } else if (c == '\\' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '#')) {
            cur += text[++i];
        } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') {
            cur += '$';
            ++i;
        } else if (c == ':' && !after_colon &&
                   (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' ||
                    text[i + 1] == '\\')) {
            cur.clear(); // the target
            after_colon = true;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            flush();
        } else {
            cur += c;
        }
    }
    flush();
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string closure_key(const std::string& k1,
                        const std::vector<std::pair<std::string, std::string>>& deps) {
    std::string t = k1 + '\n';
    for (const auto& [p, h] : deps) {
        t += p + ' ' + h + '\n';
    }
    return sha256_hex(t);
}

std::mutex& manifest_mutex() {
    static std::mutex mu;
    return mu;
}

} // namespace

std::string content_hash(const fs::path& p) {
    return file_hash(p);
}

std::string path_hash(const fs::path& p, std::uintmax_t content_budget) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
        return file_hash(p);
    }
    std::vector<fs::path> files;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::end(it); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (it->is_directory(ec) && (name == ".git" || name == "build")) {
            it.disable_recursion_pending(); // VCS data and build trees are never test data
            continue;
        }
        if (it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    std::string all;
    std::uintmax_t hashed = 0;
    for (const auto& f : files) {
        struct stat st {};
        if (::stat(f.c_str(), &st) != 0) {
            continue;
        }
        all += f.lexically_relative(p).string() + ' ';
        if (hashed + std::uintmax_t(st.st_size) <= content_budget) {
            hashed += std::uintmax_t(st.st_size);
            all += file_hash(f);
        } else {
            // Past the budget: size, mtime and ctime stand in for the content.
            all += std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
                   std::to_string(st.st_mtim.tv_nsec) + ':' + std::to_string(st.st_ctim.tv_sec) +
                   '.' + std::to_string(st.st_ctim.tv_nsec);
        }
        all += '\n';
    }
    return sha256_hex(all);
}

bool check_source_size(const fs::path& source, BuildStep& step) {
    std::error_code ec;
    auto size = fs::file_size(source, ec);
    if (!ec && size > input_limit()) {
        step.ok = false;
        step.diagnostic = source.filename().string() + ": source too large (" +
                          std::to_string(size >> 20) + " MiB, limit " +
                          std::to_string(input_limit() >> 20) + " MiB)";
        step.log = step.diagnostic;
        return false;
    }
    return true;
}

// The object cache works like ccache's direct mode: the first key (k1) covers the compiler
// identity, the flags, the source's text and folder; its manifest lists, per cached object, the
// files the compiler read (from its -MD depfile) with their content hashes. An object is reused
// only when every one of those files still has the recorded hash; its name (k2) hashes k1 and
// that whole dependency list, so it also keys the golden-result cache.
std::optional<fs::path> cached_object(const Toolchain& tc, const fs::path& cache_dir,
                                      const fs::path& source, BuildStep& step, std::string* key,
                                      bool use_cache) {
    if (!check_source_size(source, step)) {
        return std::nullopt;
    }
    std::string text = read_file(source, input_limit());
    std::string k1 = sha256_hex(tc.fingerprint() + '\n' + source.string() + '\n' +
                                tc.compiler_for(source) + '\n' + text);
    fs::path obj_dir = cache_dir / "obj";
    fs::path manifest = obj_dir / (k1 + ".manifest");
    std::error_code ec;
    if (use_cache && fs::exists(manifest, ec)) {
        try {
            auto m = nlohmann::json::parse(read_file(manifest, 64u << 20));
            for (const auto& entry : m.at("entries")) {
                bool same = true;
                std::vector<std::pair<std::string, std::string>> deps;
                for (const auto& d : entry.at("deps")) {
                    std::string p = d.at(0).get<std::string>();
                    std::string h = d.at(1).get<std::string>();
                    if (file_hash(p) != h) {
                        same = false;
                        break;
                    }
                    deps.emplace_back(p, h);
                }
                std::string k2 = entry.at("obj").get<std::string>();
                fs::path obj = obj_dir / (k2 + ".o");
                if (same && closure_key(k1, deps) == k2 && fs::exists(obj, ec)) {
                    step.ok = true;
                    if (key) {
                        *key = k2;
                    }
                    return obj;
                }
            }
        } catch (const std::exception& ex) {
            log_warning(manifest.string() + ": ignoring unreadable cache manifest (" + ex.what() +
                        ")");
        }
    }
    fs::create_directories(obj_dir, ec);
    std::random_device rd;
    std::string nonce = std::to_string(::getpid()) + "." + std::to_string(rd());
    fs::path tmp = obj_dir / (k1 + ".tmp" + nonce + ".o");
    fs::path depfile = obj_dir / (k1 + ".tmp" + nonce + ".d");
    std::vector<std::string> argv = {tc.compiler_for(source)};
    auto flags = tc.compile_flags(source);
    argv.insert(argv.end(), flags.begin(), flags.end());
    auto pch = pch_flags(tc, cache_dir, source, text);
    argv.insert(argv.end(), pch.begin(), pch.end());
    argv.insert(argv.end(), {"-MD", "-MF", depfile.string(), "-c", source.filename().string(), "-o",
                             tmp.string()});
    struct timespec start {};
    ::clock_gettime(CLOCK_REALTIME, &start);
    step = run_compiler(argv, source.parent_path());
    if (!step.ok) {
        fs::remove(tmp, ec);
        fs::remove(depfile, ec);
        return std::nullopt;
    }
    std::string deptext;
    try {
        deptext = read_file(depfile, 64u << 20);
    } catch (const Error&) {
    }
    fs::remove(depfile, ec);
    // A file changed while the compiler ran may have been read in its old state: such an
    // object is used for this build only, under a name no lookup produces.
    bool stable = !deptext.empty();
    std::vector<std::pair<std::string, std::string>> deps;
    for (const auto& p : parse_depfile(deptext, source.parent_path())) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0 &&
            (st.st_mtim.tv_sec > start.tv_sec ||
             (st.st_mtim.tv_sec == start.tv_sec && st.st_mtim.tv_nsec >= start.tv_nsec))) {
            stable = false;
        }
        deps.emplace_back(p.string(), file_hash(p));
    }
    std::string k2 = closure_key(k1, deps);
    fs::path obj = obj_dir / (k2 + ".o");
    if (!stable || !use_cache) {
        obj = obj_dir / (k2 + ".volatile" + nonce + ".o");
    }
    fs::rename(tmp, obj, ec); // atomic: a concurrent identical build may win, same content
    if (ec) {
        fs::remove(tmp, ec);
        throw InternalError(obj.string() + ": cannot store object: " + ec.message());
    }
    if (key) {
        *key = stable && use_cache ? k2 : "volatile:" + nonce;
    }
    if (stable && use_cache) {
        std::lock_guard lock(manifest_mutex());
        nlohmann::json m = {{"entries", nlohmann::json::array()}};
        try {
            if (fs::exists(manifest, ec)) {
                m = nlohmann::json::parse(read_file(manifest, 64u << 20));
            }
        } catch (const std::exception&) {
            m = {{"entries", nlohmann::json::array()}};
        }
        nlohmann::json entry = {{"obj", k2}, {"deps", nlohmann::json::array()}};
        for (const auto& [p, h] : deps) {
            entry["deps"].push_back({p, h});
        }
        auto& entries = m["entries"];
        entries.insert(entries.begin(), entry);
        while (entries.size() > 8) { // several states of the same file (edits back and forth)
            entries.erase(entries.end() - 1);
        }
        try {
            write_file_atomic(manifest, m.dump());
        } catch (const Error& ex) {
            log_warning(std::string("object cache manifest not written: ") + ex.what());
        }
    }
    return obj;
}

} // namespace hlsv::csim
