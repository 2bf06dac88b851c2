// A precompiled header of our HLS headers (ap_int.h, hls_stream.h, ...): parsing them is a
// fixed cost of every design compile, paid once per machine instead. Force-including it
// (`-include`) is equivalent to the file's own `#include` only when nothing before that include
// can change what the headers mean, hence the guards below.
#include "build.h"
#include "sandbox.h"

#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <unistd.h>

namespace hlsv::csim {

namespace {

struct Include {
    std::string name;
    bool quoted; ///< "name" (ours or the design's), not <name> (the system's)
};

std::vector<Include> includes_of(const std::string& text) {
    static const std::regex inc(R"(^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"])");
    std::vector<Include> out;
    for (const auto& line : split(text, '\n')) {
        std::smatch m;
        std::string l(line);
        if (std::regex_search(l, m, inc)) {
            out.push_back({m[2].str(), m[1].str() == "\""});
        }
    }
    return out;
}

std::set<std::string> defined_macros(const std::string& text) {
    static const std::regex def(R"(^[ \t]*#[ \t]*(define|undef)[ \t]+([A-Za-z_][A-Za-z0-9_]*))");
    std::set<std::string> out;
    for (const auto& line : split(text, '\n')) {
        std::smatch m;
        std::string l(line);
        if (std::regex_search(l, m, def)) {
            out.insert(m[2].str());
        }
    }
    return out;
}

// Macros the HLS headers test (#ifdef X, #ifndef X, defined(X), #if X): a design that sets one
// in its text changes the headers, so the precompiled copy would be wrong for it.
std::set<std::string> tested_macros(const fs::path& hls_include) {
    static const std::regex test(
        R"((#[ \t]*ifn?def[ \t]+|defined[ \t]*\(?[ \t]*|#[ \t]*(el)?if[ \t]+)([A-Za-z_][A-Za-z0-9_]*))");
    std::set<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(hls_include, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) {
            continue;
        }
        std::string text;
        try {
            text = read_file(it->path());
        } catch (const Error&) {
            continue;
        }
        for (std::sregex_iterator m(text.begin(), text.end(), test), end; m != end; ++m) {
            out.insert((*m)[3].str());
        }
    }
    return out;
}

struct Memo {
    std::mutex mu;
    std::map<std::string, std::set<std::string>> macros; // hls_include -> tested macros
    std::map<std::string, std::string> built;            // key -> header path ("" : unusable)
};

Memo& memo() {
    static Memo m;
    return m;
}

// Builds <cache_dir>/pch/<key>/hlsv_pch.h(.gch) and checks that g++ uses it; returns the
// header path or "" (logged) when it cannot be used.
std::string build_pch(const fs::path& cache_dir, const std::string& key,
                      const std::vector<std::string>& flags, const std::set<std::string>& headers) {
    fs::path final_dir = cache_dir / "pch" / key;
    fs::path header = final_dir / "hlsv_pch.h";
    std::error_code ec;
    if (fs::exists(fs::path(header.string() + ".gch"), ec)) {
        return header.string();
    }
    std::random_device rd;
    fs::path tmp = cache_dir / "pch" /
                   (key + ".tmp" + std::to_string(::getpid()) + "." + std::to_string(rd()));
    fs::create_directories(tmp, ec);
    if (ec) {
        log_verbose("no precompiled header: cannot create " + tmp.string());
        return {};
    }
    std::string text = "// hlsv: the HLS headers a design includes, precompiled\n";
    for (const auto& h : headers) {
        text += "#include \"" + h + "\"\n";
    }
    write_file_atomic(tmp / "hlsv_pch.h", text);
    std::vector<std::string> argv = {"g++"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-x", "c++-header", "hlsv_pch.h", "-o", "hlsv_pch.h.gch"});
    BuildStep step = run_compiler(argv, tmp);
    if (step.ok) {
        // g++ silently falls back to the text headers when a PCH does not fit (and -w hides
        // -Winvalid-pch): `-H` marks a used one with "! <path>.gch".
        write_file_atomic(tmp / "probe.cpp", "int hlsv_probe;\n");
        std::vector<std::string> probe = {"g++"};
        probe.insert(probe.end(), flags.begin(), flags.end());
        probe.insert(probe.end(), {"-include", (tmp / "hlsv_pch.h").string(), "-H", "-fsyntax-only",
                                   "probe.cpp"});
        BuildStep p = run_compiler(probe, tmp);
        step.ok = p.ok && p.log.find("! " + (tmp / "hlsv_pch.h.gch").string()) != std::string::npos;
        step.diagnostic = p.ok ? "g++ does not use it" : p.diagnostic;
        fs::remove(tmp / "probe.cpp", ec);
    }
    if (!step.ok) {
        log_verbose("no precompiled header of " + std::to_string(headers.size()) +
                    " HLS headers: " + step.diagnostic);
        fs::remove_all(tmp, ec);
        return {};
    }
    fs::rename(tmp, final_dir, ec); // atomic; a concurrent identical build may have won
    if (ec) {
        fs::remove_all(tmp, ec);
    }
    return fs::exists(fs::path(header.string() + ".gch"), ec) ? header.string() : std::string();
}

} // namespace

std::vector<std::string> pch_flags(const Toolchain& tc, const fs::path& cache_dir,
                                   const fs::path& file, const std::string& text) {
    if (is_c_file(file) || std::getenv("HLSV_NO_PCH")) {
        return {};
    }
    const fs::path& hls = tc.hls_include();
    const fs::path& dir = tc.design_dir();
    // The HLS headers reached through the text and the design's own headers.
    std::set<std::string> headers, seen;
    std::set<std::string> macros = defined_macros(text);
    std::vector<Include> todo = includes_of(text);
    std::error_code ec;
    while (!todo.empty()) {
        Include inc = std::move(todo.back());
        todo.pop_back();
        const std::string& name = inc.name;
        if (!seen.insert(name).second) {
            continue;
        }
        bool in_design = fs::is_regular_file(dir / name, ec);
        bool in_hls = fs::is_regular_file(hls / name, ec);
        if (in_design && in_hls) {
            return {}; // the design shadows an HLS header
        }
        if (inc.quoted && !in_design && !in_hls) {
            return {}; // a header we cannot see might define what the HLS headers test
        }
        if (in_hls) {
            headers.insert(name);
        } else if (in_design) {
            std::string h = read_file(dir / name);
            auto more = includes_of(h);
            todo.insert(todo.end(), more.begin(), more.end());
            auto defs = defined_macros(h);
            macros.insert(defs.begin(), defs.end());
        }
    }
    if (headers.empty()) {
        return {};
    }
    // Flags with include paths left out (they may differ between a PCH and its users), so
    // designs with the same cflags share one.
    std::vector<std::string> flags;
    std::string key_text = tc.hls_fingerprint() + '\n';
    for (const auto& f : tc.compile_flags(file)) {
        if (f.rfind("-I", 0) != 0 && f.rfind("-iquote", 0) != 0) {
            flags.push_back(f);
            key_text += f + ' ';
        }
    }
    flags.push_back("-I" + hls.string());
    key_text += '\n';
    for (const auto& h : headers) {
        key_text += h + '\n';
    }
    std::string key = sha256_hex(key_text);

    Memo& m = memo();
    std::lock_guard lock(m.mu); // rare and short after the first build
    auto [mit, fresh] = m.macros.try_emplace(hls.string());
    if (fresh) {
        mit->second = tested_macros(hls);
    }
    for (const auto& name : macros) {
        if (mit->second.count(name)) {
            return {};
        }
    }
    std::string memo_key = cache_dir.string() + '\n' + key;
    auto it = m.built.find(memo_key);
    if (it == m.built.end()) {
        it = m.built.emplace(memo_key, build_pch(cache_dir, key, flags, headers)).first;
    }
    if (it->second.empty()) {
        return {};
    }
    return {"-include", it->second};
}

} // namespace hlsv::csim
