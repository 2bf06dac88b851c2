// Test helpers for the rag module: scratch directories and small Chrysalis trees.
#pragma once

#include "core/core.h"
#include "rag/rag.h"

#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <unistd.h>

namespace hlsv::rag::test {

/// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("hlsv-rag-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& s) const { return path_ / s; }

  private:
    fs::path path_;
};

inline void write(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

inline fs::path seed_dir() {
    return fs::path(HLSV_SOURCE_DIR) / "ragdb" / "seed";
}

inline StoreOptions no_seed() {
    StoreOptions o;
    o.seed = false;
    return o;
}

/// A small original design with a loop, an array and pragmas; `n` varies its text.
inline std::string design_source(int n) {
    return "// synthetic design " + std::to_string(n) + "\nvoid kern" + std::to_string(n) +
           "(int in[16], int out[16]) {\n"
           "#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0\n"
           "    int acc = 0;\n"
           "    for (int i = 0; i < 16; i++) {\n"
           "#pragma HLS PIPELINE II=1\n"
           "        acc += in[i] * " +
           std::to_string(n % 7 + 1) +
           ";\n"
           "        out[i] = acc;\n"
           "    }\n"
           "}\n";
}

/// A Chrysalis bug file for `design_source` of the given type.
inline std::string bug_json(const std::string& type, const std::string& original,
                            const std::string& faulty) {
    Injection inj;
    inj.error_size = 1;
    inj.specs.push_back({type, original, faulty, std::nullopt, ""});
    return injection_to_json(inj);
}

/// <root>/<suite>/<design>/{Source_Code,Bugs} with one design and the given bug files.
inline fs::path make_design(const fs::path& root, const std::string& suite,
                            const std::string& design, const std::string& source,
                            const std::vector<std::pair<std::string, std::string>>& bugs) {
    fs::path d = root / suite / design;
    write(d / "Source_Code" / (design + ".cpp"), source);
    for (const auto& [name, text] : bugs) {
        write(d / "Bugs" / name, text);
    }
    return d;
}

} // namespace hlsv::rag::test
