// import_bench: issue #23's numbers, each next to a baseline measured in the same run.
//   1. entries applied by `rag import` on a Chrysalis-layout tree of ours whose bug files quote
//      code in the shapes public datasets use (exact, re-spaced, `{ ... }` bodies, `f(...)`
//      parameters, a pragma for an elided header, `"""` wrappers, piecewise elisions, partial
//      files), against the previous import check (whitespace-stripped substring search);
//   2. import rate (examples/s, wall and CPU) against reading and parsing the same files.
// Every entry is built to be applicable or not (ambiguous, absent); the applicable ones must
// apply, the others must carry a reason.
// Usage: import_bench [--designs N] [--keep DIR]
#include "rag/rag.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <time.h>
#include <unistd.h>

using namespace hlsv;

namespace {

double now_s(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

/// A blocked kernel with a helper whose header spans two lines; sizes and names vary with `d`.
std::string design_text(int d) {
    std::string n = std::to_string(8 << (d % 3)), tag = std::to_string(d);
    std::string s = "// design " + tag + "\n#include <ap_int.h>\n#define NB " + n + "\n\n";
    s +=
        "static void load_" + tag + "(const int* in, int buf[NB],\n                   int off) {\n";
    s += "    for (int r = 0; r < NB; ++r) {\n        buf[r] = in[off + r];\n    }\n}\n\n";
    s += "void top_" + tag + "(const int* in, int* out, int nb) {\n";
    s += "#pragma HLS INTERFACE m_axi port=in bundle=gmem0\n    int buf[NB];\n    int acc = " +
         std::to_string(d % 5) + ";\n";
    s += "    for (int j = 0; j < nb; ++j) {\n        load_" + tag + "(in, buf, j * NB);\n";
    s += "        for (int r = 0; r < NB; ++r) {\n#pragma HLS PIPELINE II=1\n"
         "            acc += buf[r] * " +
         std::to_string(d % 7 + 2) + ";\n        }\n    }\n";
    s += "    for (int r = 0; r < NB; ++r) {\n        out[r] = acc >> " + std::to_string(d % 3) +
         ";\n    }\n}\n";
    return s;
}

std::string bug(const std::vector<ErrorSpec>& specs) {
    Injection inj;
    inj.error_size = static_cast<int>(specs.size());
    inj.specs = specs;
    return injection_to_json(inj);
}

ErrorSpec spec(std::string type, std::string orig, std::string faulty) {
    return ErrorSpec{std::move(type), std::move(orig), std::move(faulty), std::nullopt, ""};
}

struct Tree {
    std::size_t entries = 0, applicable = 0, files = 0;
};

Tree make_tree(const fs::path& root, int designs) {
    Tree t;
    for (int d = 0; d < designs; ++d) {
        std::string tag = std::to_string(d);
        fs::path dd = root / "ours" / ("k" + tag);
        write(dd / "Source_Code" / ("k" + tag + ".cpp"), design_text(d));
        std::string acc = "acc += buf[r] * " + std::to_string(d % 7 + 2) + ";";
        std::vector<std::pair<std::string, std::vector<ErrorSpec>>> files = {
            {"bug_OOB.txt", {spec("OOB", "buf[r] = in[off + r];", "buf[r] = in[off + r + 1];")}},
            {"bug_INIT.txt",
             {spec("INIT", "int buf[NB];\n  int acc = " + std::to_string(d % 5) + ";",
                   "int buf[NB];\n  int acc;")}},
            {"bug_INF.txt",
             {spec("INF", "for (int j = 0; j < nb; ++j) { ... }",
                   "for (int j = 0; j < nb; j += 0) { ... }")}},
            {"bug_USE.txt",
             {spec("USE", "static void load_" + tag + "(...) {\n    for (int r = 0; r < NB; ++r) {",
                   "static void load_" + tag + "(...) {\n    for (int r = 1; r < NB; ++r) {")}},
            {"bug_IDAP.txt",
             {spec("IDAP", "void top_" + tag + "(const int* in, ...",
                   "#pragma HLS INTERFACE port=out mode=bram")}},
            {"bug_SHFT.txt",
             {spec("SHFT", "\"\"\"out[r] = acc >> " + std::to_string(d % 3) + ";\"\"\"",
                   "\"\"\"out[r] = acc << " + std::to_string(d % 3) + ";\"\"\"")}},
            {"bug_ZERO.txt",
             {spec("ZERO",
                   "int acc = " + std::to_string(d % 5) + ";\n ...\n out[r] = acc >> " +
                       std::to_string(d % 3) + ";",
                   "int acc = -1;\n ...\n out[r] = acc >> " + std::to_string(d % 3) + ";")}},
            {"bug_OOB_MLU.txt",
             {spec("OOB", acc, "acc += buf[r + 1] * " + std::to_string(d % 7 + 2) + ";"),
              spec("MLU", "for (int k = 0; k < NB; ++k) {", "for (int k = 0; k < NB; k += 2) {")}},
            {"bug_MLP.txt",
             {spec("MLP", "for (int r = 0; r < NB; ++r) { ... }",
                   "for (int r = 0; r < NB; ++r) {\n#pragma HLS PIPELINE\n ... }")}},
        };
        for (const auto& [name, specs] : files) {
            write(dd / "Bugs" / name, bug(specs));
            ++t.files;
            t.entries += specs.size();
        }
        // Not applicable by construction: MLU quotes a loop the design lacks, MLP's r-loop
        // occurs three times.
        t.applicable += 9 + 1 - 2;
    }
    return t;
}

// The check `rag import` used before: every Original Code, whitespace removed, is a substring
// of the design with whitespace removed.
std::string strip(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    int designs = 1000;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--designs") {
            designs = std::atoi(argv[i + 1]);
        } else if (a == "--keep") {
            keep = argv[i + 1];
        }
    }
    try {
        fs::path root = keep.empty() ? fs::temp_directory_path() /
                                           ("hlsv-import-bench-" + std::to_string(::getpid()))
                                     : fs::path(keep);
        fs::remove_all(root);
        Tree t = make_tree(root / "tree", designs);
        std::printf("tree: %d designs, %zu bug files, %zu entries (%zu applicable by "
                    "construction)\n",
                    designs, t.files, t.entries, t.applicable);

        // Baseline: read + parse, and the previous substring check, over the same files.
        double b0 = now_s(CLOCK_MONOTONIC), bc0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        std::size_t naive_entries = 0, parsed = 0;
        for (const auto& d : fs::directory_iterator(root / "tree" / "ours")) {
            std::string src;
            for (const auto& f : fs::directory_iterator(d.path() / "Source_Code")) {
                src = strip(read_file(f.path()));
            }
            for (const auto& f : fs::directory_iterator(d.path() / "Bugs")) {
                auto inj = parse_injection(read_file(f.path()));
                ++parsed;
                bool all = true;
                for (const auto& e : inj.specs) {
                    all = all && src.find(strip(e.original)) != std::string::npos;
                }
                naive_entries += all ? inj.specs.size() : 0; // all-or-nothing, as it was
            }
        }
        double b1 = now_s(CLOCK_MONOTONIC), bc1 = now_s(CLOCK_PROCESS_CPUTIME_ID);

        rag::StoreOptions o;
        o.seed = false;
        auto store = rag::Store::open(root / "bench.db", o);
        double i0 = now_s(CLOCK_MONOTONIC), ic0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        auto r = store.import_chrysalis(root / "tree");
        double i1 = now_s(CLOCK_MONOTONIC), ic1 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        double n = static_cast<double>(r.examples_added);
        std::printf("entries applied: %zu of %zu applicable (%.2f%%; target >= 99.5%%) | "
                    "previous check: %zu (%.2f%%)\n",
                    r.entries_applied, t.applicable,
                    100.0 * static_cast<double>(r.entries_applied) /
                        static_cast<double>(t.applicable),
                    naive_entries,
                    100.0 * static_cast<double>(naive_entries) / static_cast<double>(t.applicable));
        std::printf("entries not applied: %zu, every one with a reason:", r.dropped.size());
        for (const auto& [reason, k] : r.dropped_by_reason()) {
            std::printf(" %s=%zu", reason.c_str(), k);
        }
        std::printf("; partial examples %zu, rejected files %zu\n", r.partial, r.rejected.size());
        std::printf("import %zu examples: %.0f examples/s wall, %.0f examples/s CPU (target >= "
                    "2000) | baseline read+parse+substring check: %.0f files/s wall, %.0f files/s "
                    "CPU\n",
                    r.examples_added, n / (i1 - i0), n / (ic1 - ic0),
                    static_cast<double>(parsed) / (b1 - b0),
                    static_cast<double>(parsed) / (bc1 - bc0));
        if (keep.empty()) {
            fs::remove_all(root);
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "import_bench: error: %s\n", e.what());
        return static_cast<int>(e.code());
    }
    return 0;
}
