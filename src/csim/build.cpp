// Compiler flags, compiler runs and the object cache.
#include "build.h"

#include "sandbox.h"

#include <algorithm>
#include <mutex>
#include <random>
#include <thread>
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
    std::string first_line;
    for (const auto& line : split(log, '\n')) {
        if (line.find("error:") != std::string::npos ||
            line.find("undefined reference") != std::string::npos) {
            return std::string(trim(line));
        }
        if (first_line.empty() && !trim(line).empty()) {
            first_line = std::string(trim(line));
        }
    }
    return first_line.empty() ? "compiler failed without a message" : first_line;
}

} // namespace

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
    std::string fp = compiler_version(design.language == "c" ? "gcc" : "g++") + '\n';
    for (const auto& f : design.testbench) {
        if (is_c_file(f) != (design.language == "c")) {
            fp += compiler_version(is_c_file(f) ? "gcc" : "g++") + '\n';
        }
    }
    for (const auto& flag : compile_flags(design.dir / "x.cpp")) {
        fp += flag + ' ';
    }
    for (const auto& flag : compile_flags(design.dir / "x.c")) {
        fp += flag + ' ';
    }
    fp += '\n';
    for (const auto& f : design_code_files(design.dir)) {
        auto e = f.extension().string();
        if (e != ".c" && e != ".cpp" && e != ".cc" && e != ".cxx") {
            fp += f.filename().string() + ' ' + sha256_hex(read_file(f)) + '\n';
        }
    }
    std::string hls = hash_tree(hls_include_);
    fp += hls;
    fingerprint_ = sha256_hex(fp);
    hls_fingerprint_ = sha256_hex(compiler_version("g++") + '\n' + hls);
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
    f.push_back("-I" + design_.dir.string());
    f.push_back("-I" + hls_include_.string());
    f.insert(f.end(), design_.cflags.begin(), design_.cflags.end());
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
    for (const auto& c : design_.cflags) {
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
    cmd.limits.wall_s = 300;
    cmd.limits.drop_privileges = false;
    cmd.limits.max_processes = 32;
    cmd.limits.output_cap = 256 << 10;
    cmd.limits.file_size = 1ull << 30;
    Outcome o = run_command(cmd);
    BuildStep step;
    step.log = o.err + o.out;
    if (o.failure == Failure::error) {
        throw InternalError(o.error);
    }
    if (o.failure == Failure::timeout) {
        step.diagnostic = "compiler timed out";
    } else if (o.failure != Failure::none || o.signal != 0) {
        step.diagnostic = "compiler killed (" + std::to_string(o.signal) + ")";
    } else if (o.exit_code != 0) {
        step.diagnostic = first_diagnostic(step.log);
    } else {
        step.ok = true;
    }
    return step;
}

std::optional<fs::path> cached_object(const Toolchain& tc, const fs::path& cache_dir,
                                      const fs::path& source, BuildStep& step) {
    std::string text = read_file(source);
    std::string key = sha256_hex(tc.fingerprint() + '\n' + source.filename().string() + '\n' +
                                 tc.compiler_for(source) + '\n' + text);
    fs::path obj = cache_dir / "obj" / (key + ".o");
    std::error_code ec;
    if (fs::exists(obj, ec)) {
        step.ok = true;
        return obj;
    }
    fs::create_directories(obj.parent_path(), ec);
    std::random_device rd;
    fs::path tmp = obj;
    tmp += ".tmp" + std::to_string(::getpid()) + "." + std::to_string(rd());
    std::vector<std::string> argv = {tc.compiler_for(source)};
    auto flags = tc.compile_flags(source);
    argv.insert(argv.end(), flags.begin(), flags.end());
    auto pch = pch_flags(tc, cache_dir, source, text);
    argv.insert(argv.end(), pch.begin(), pch.end());
    argv.insert(argv.end(), {"-c", source.filename().string(), "-o", tmp.string()});
    step = run_compiler(argv, source.parent_path());
    if (!step.ok) {
        fs::remove(tmp, ec);
        step.diagnostic = step.diagnostic;
        return std::nullopt;
    }
    fs::rename(tmp, obj, ec); // atomic: a concurrent identical build may win, same content
    if (ec) {
        fs::remove(tmp, ec);
        throw InternalError(obj.string() + ": cannot store object: " + ec.message());
    }
    return obj;
}

} // namespace hlsv::csim
