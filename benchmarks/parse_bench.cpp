// parse_bench: how fast design facts come out. Generates a synthetic corpus of HLS-like files
// and reports, in CPU time of this process, lines/second for the tree-sitter path and the
// libclang path, each next to a baseline measured in the same run on the same files:
//   tree-sitter: our facts vs ts_parser_parse_string alone;
//   libclang:    our extra cost vs clang_parseTranslationUnit2 alone (goal: walk overhead < 20%).
// Usage: parse_bench [files=200] [lines_per_file=500] [repeats=3]
#include "parse/parse.h"

#include <algorithm>
#include <clang-c/Index.h>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <tree_sitter/api.h>
#include <vector>

extern "C" const TSLanguage* tree_sitter_cpp(void);

namespace {

using hlsv::fs::path;

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// One file of about `lines` lines: kernels with constants, arrays, nested labelled loops,
/// pragmas in both syntaxes and HLS types.
std::string make_file(int index, int lines) {
    std::string s =
        "// synthetic design " + std::to_string(index) + "\n#include \"bench_types.h\"\n";
    s += "#define N" + std::to_string(index) + " " + std::to_string(16 + index % 17) + "\n";
    s += "const int M = 8;\n";
    int k = 0;
    while (std::count(s.begin(), s.end(), '\n') < lines) {
        std::string n = "N"; // built piecewise: GCC 12 warns falsely (-Wrestrict) on "N" + s
        n += std::to_string(index);
        std::string f = "kern" + std::to_string(k++);
        s += "void " + f + "(ap_int<16> in[" + n + "], ap_uint<12> out[" + n + "], int scale) {\n";
        s += "#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem\n";
        s += "#pragma HLS INTERFACE s_axilite port=return\n";
        s += "    static ap_int<24> buf[" + n + "][M];\n";
        s += "#pragma HLS array_partition variable=buf cyclic factor=4 dim=2\n";
        s += "    int acc = 0;\n";
        s += "outer:\n    for (int i = 0; i < " + n + "; i++) {\n";
        s += "#pragma HLS pipeline II=1\n";
        s += "    inner:\n        for (int j = M - 1; j >= 0; j -= 1) {\n";
        s += "#pragma HLS unroll factor=2\n";
        s += "            buf[i][j] = in[i] * scale + j;\n";
        s += "            acc += buf[i][j] >> 2;\n";
        s += "        }\n";
        s += "        out[i] = acc & 0xfff;\n";
        s += "    }\n";
        s += "    for (int t = 0; t != " + n + "; t += 1) {\n";
        s += "        if (out[t] > 100) {\n            out[t] = 100;\n        }\n";
        s += "    }\n}\n\n";
    }
    return s;
}

struct Corpus {
    path dir;
    std::vector<path> files;
    std::vector<std::string> texts;
    std::size_t lines = 0;
};

Corpus make_corpus(int files, int lines) {
    Corpus c;
    std::string tmpl = (hlsv::fs::temp_directory_path() / "hlsv_parse_bench_XXXXXX").string();
    c.dir = mkdtemp(tmpl.data());
    std::ofstream(c.dir / "bench_types.h")
        << "#pragma once\ntemplate <int W> struct ap_int { long long v; ap_int(long long x = 0) : "
           "v(x) {} operator long long() const { return v; } };\ntemplate <int W> struct ap_uint "
           "{ unsigned long long v; ap_uint(unsigned long long x = 0) : v(x) {} operator "
           "unsigned long long() const { return v; } };\n";
    for (int i = 0; i < files; ++i) {
        std::string text = make_file(i, lines);
        path p = c.dir / ("design" + std::to_string(i) + ".cpp");
        std::ofstream(p) << text;
        c.lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        c.files.push_back(p);
        c.texts.push_back(std::move(text));
    }
    return c;
}

/// Best of `repeats` runs of `fn` over the corpus, in CPU seconds.
template <class Fn> double best_of(int repeats, Fn fn) {
    double best = 1e100;
    for (int r = 0; r < repeats; ++r) {
        double t0 = cpu_seconds();
        fn();
        best = std::min(best, cpu_seconds() - t0);
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    int files = argc > 1 ? std::atoi(argv[1]) : 200;
    int lines = argc > 2 ? std::atoi(argv[2]) : 500;
    int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    if (files <= 0 || lines <= 0 || repeats <= 0) {
        std::fprintf(stderr, "usage: parse_bench [files] [lines_per_file] [repeats]\n");
        return 2;
    }
    Corpus c = make_corpus(files, lines);
    std::printf("corpus: %d files, %zu lines (CPU time, best of %d)\n", files, c.lines, repeats);
    std::size_t sink = 0;

    // --- tree-sitter path ---
    TSParser* parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_cpp());
    double ts_alone = best_of(repeats, [&] {
        for (const auto& t : c.texts) {
            TSTree* tree =
                ts_parser_parse_string(parser, nullptr, t.data(), static_cast<uint32_t>(t.size()));
            sink += ts_node_child_count(ts_tree_root_node(tree));
            ts_tree_delete(tree);
        }
    });
    ts_parser_delete(parser);
    hlsv::parse::Options syn;
    syn.use_libclang = false;
    double ts_facts = best_of(repeats, [&] {
        for (std::size_t i = 0; i < c.files.size(); ++i) {
            sink += hlsv::parse::parse_source(c.files[i].string(), c.texts[i], syn).loops.size();
        }
    });

    // --- libclang path ---
    CXIndex index = clang_createIndex(0, 0);
    std::string include = "-I" + c.dir.string();
    std::string hls = "-I" + (hlsv::data_dir() / "harness" / "include").string();
    const char* args[] = {"-x",        "c++",           "-std=c++17",
                          hls.c_str(), include.c_str(), "-Wno-unknown-pragmas"};
    double clang_alone = best_of(repeats, [&] {
        for (std::size_t i = 0; i < c.files.size(); ++i) {
            std::string name = c.files[i].string();
            CXUnsavedFile u{name.c_str(), c.texts[i].data(), c.texts[i].size()};
            CXTranslationUnit tu = nullptr;
            clang_parseTranslationUnit2(index, name.c_str(), args, 6, &u, 1,
                                        CXTranslationUnit_KeepGoing |
                                            CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
                                        &tu);
            sink += tu ? clang_getNumDiagnostics(tu) : 0;
            clang_disposeTranslationUnit(tu);
        }
    });
    clang_disposeIndex(index);
    hlsv::parse::Options sem;
    double full = best_of(repeats, [&] {
        for (std::size_t i = 0; i < c.files.size(); ++i) {
            auto f = hlsv::parse::parse_source(c.files[i].string(), c.texts[i], sem);
            sink += f.semantic ? 1 : 0;
        }
    });

    auto lps = [&](double s) { return static_cast<double>(c.lines) / s; };
    std::printf("%-44s %10.3f s %12.0f lines/s\n", "tree-sitter parse alone (baseline)", ts_alone,
                lps(ts_alone));
    std::printf("%-44s %10.3f s %12.0f lines/s   (goal >= 200000)\n", "tree-sitter facts (ours)",
                ts_facts, lps(ts_facts));
    std::printf("%-44s %10.3f s %12.0f lines/s\n", "clang_parseTranslationUnit2 alone (baseline)",
                clang_alone, lps(clang_alone));
    std::printf("%-44s %10.3f s %12.0f lines/s\n", "full facts: tree-sitter + libclang (ours)",
                full, lps(full));
    double walk = full - ts_facts - clang_alone;
    std::printf("libclang walk overhead over parse alone: %.1f%% (goal < 20%%)\n",
                100.0 * walk / clang_alone);
    std::printf("tree-sitter walk overhead over parse alone: %.1f%%\n",
                100.0 * (ts_facts - ts_alone) / ts_alone);
    std::error_code ec;
    hlsv::fs::remove_all(c.dir, ec);
    return sink == 0 ? 1 : 0;
}
