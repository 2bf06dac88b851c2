// rag_bench: numbers for issue #4, each printed beside a baseline measured in the same run.
//   1. import + embed rate on a synthetic Chrysalis tree (default 20,000 bug files over 1,000
//      designs), against reading and parsing the same bug files (the I/O + JSON floor);
//   2. MMR query latency (p50/p99, thread CPU time) over synthetic unit vectors at 20,000 and
//      1,000,000 examples, against a plain summing scan of the same rows (the memory floor);
//   3. end-to-end Store::query_mmr latency on the imported store (embedding the query too).
// Usage: rag_bench [--designs N] [--per-design N] [--big N] [--queries N] [--keep DIR]
#include "rag/rag.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <time.h>

using namespace hlsv;

namespace {

double now_s(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

const std::vector<std::string> k_types = {"OOB", "INIT", "SHFT", "INF",  "USE", "MLU",  "ZERO",
                                          "BUF", "APT",  "FND",  "DID",  "DFP", "IDAP", "RAMB",
                                          "SMA", "AMS",  "MLP",  "ILNU", "PREC"};

/// A synthetic design: a few loops, arrays and pragmas whose sizes and names vary with `d`.
std::string design_text(int d) {
    std::mt19937 rng(static_cast<unsigned>(d));
    int n = 8 << (d % 4), f = 2 << (d % 3);
    std::string name = "kernel_" + std::to_string(d);
    std::string s = "// synthetic design " + std::to_string(d) + "\n#include \"ap_int.h\"\n";
    s += "void " + name + "(const int in[" + std::to_string(n) + "], int out[" + std::to_string(n) +
         "], int scale) {\n";
    s +=
        "#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=" + std::to_string(n) +
        "\n";
    s += "#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1\n";
    s += "#pragma HLS INTERFACE s_axilite port=scale\n";
    s += "    int buf[" + std::to_string(n) + "];\n";
    s += "#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=" + std::to_string(f) +
         " dim=1\n";
    for (int k = 0; k < 20; ++k) {
        s += "    int v" + std::to_string(k) + " = " + std::to_string(rng() % 97) + ";\n";
    }
    s += "    for (int i = 0; i < " + std::to_string(n) + "; i++) {\n";
    s += (d % 2) ? "#pragma HLS PIPELINE II=1\n" : "#pragma HLS UNROLL factor=2\n";
    s += "        buf[i] = in[i] * scale + v" + std::to_string(d % 20) + ";\n";
    if (d % 3 == 0) {
        s += "        for (int j = 0; j < 4; j++) {\n#pragma HLS UNROLL\n"
             "            buf[i] += j << 1;\n        }\n";
    }
    s += "    }\n    for (int i = 0; i < " + std::to_string(n) + "; i++) {\n";
    s += "        out[i] = buf[i] >> 1;\n    }\n}\n";
    return s;
}

/// Plain writes: the tree is scratch data, so no fsync per file (write_file_atomic's job).
void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

fs::path make_tree(const fs::path& root, int designs, int per) {
    for (int d = 0; d < designs; ++d) {
        std::string src = design_text(d);
        fs::path dir = root / "synth" / ("design_" + std::to_string(d));
        put(dir / "Source_Code" / ("design_" + std::to_string(d) + ".cpp"), src);
        for (int b = 0; b < per; ++b) {
            const std::string& t = k_types[static_cast<std::size_t>(b) % k_types.size()];
            Injection inj;
            inj.error_size = 1;
            std::string orig = "int v" + std::to_string(b % 20) + " =";
            inj.specs.push_back({t, orig, orig + " 0 *", std::nullopt, ""});
            std::string name =
                "bug_" + t +
                (b >= static_cast<int>(k_types.size()) ? "_" + std::to_string(b) : "") + ".txt";
            put(dir / "Bugs" / name, injection_to_json(inj));
        }
    }
    return root / "synth";
}

struct Percentiles {
    double p50, p99;
};

Percentiles percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<std::size_t>(q * (v.size() - 1))]; };
    return {at(0.50), at(0.99)};
}

/// Query latency vs scan floor over `rows` synthetic unit vectors spread over k_types.
void bench_index(std::size_t rows, int queries, int dim) {
    rag::VectorIndex idx(dim);
    std::mt19937 rng(42);
    std::normal_distribution<float> nd(0.0f, 1.0f);
    // A pool of random unit vectors reused with a per-row twist keeps generation fast while
    // every row differs.
    const std::size_t pool = 4096;
    std::vector<std::vector<float>> base(pool, std::vector<float>(static_cast<std::size_t>(dim)));
    for (auto& v : base) {
        for (auto& x : v) {
            x = nd(rng);
        }
        rag::normalize(v);
    }
    std::vector<float> v(static_cast<std::size_t>(dim));
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& b = base[r % pool];
        const auto& c = base[(r * 7 + 13) % pool];
        for (std::size_t i = 0; i < v.size(); ++i) {
            v[i] = b[i] + 0.3f * c[i];
        }
        rag::normalize(v);
        idx.add(static_cast<std::int64_t>(r + 1), static_cast<std::int64_t>(r / 20),
                {k_types[r % k_types.size()]}, v.data());
    }
    std::vector<double> q_times, s_times;
    double sink = 0;
    for (int q = 0; q < queries; ++q) {
        const auto& query = base[(static_cast<std::size_t>(q) * 31 + 5) % pool];
        std::vector<std::string> type = {k_types[static_cast<std::size_t>(q) % k_types.size()]};
        double t0 = now_s(CLOCK_THREAD_CPUTIME_ID);
        auto picks = idx.mmr(query.data(), type, {4, 20, 0.5}, {3});
        double t1 = now_s(CLOCK_THREAD_CPUTIME_ID);
        sink += idx.scan_floor(type);
        double t2 = now_s(CLOCK_THREAD_CPUTIME_ID);
        sink += static_cast<double>(picks.size());
        q_times.push_back((t1 - t0) * 1e3);
        s_times.push_back((t2 - t1) * 1e3);
    }
    auto qp = percentiles(q_times), sp = percentiles(s_times);
    std::printf("mmr  %9zu examples (%zu rows/type, %.0f MiB): query p50 %8.3f ms  p99 %8.3f ms | "
                "scan p50 %8.3f ms  p99 %8.3f ms | ratio p50 %.2fx  (sink %.1f)\n",
                rows, idx.rows_of("OOB"), static_cast<double>(idx.bytes()) / (1 << 20), qp.p50,
                qp.p99, sp.p50, sp.p99, qp.p50 / sp.p50, sink);
}

} // namespace

int main(int argc, char** argv) {
    int designs = 1000, per = 20, queries = 300;
    std::size_t big = 1000000;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--designs") {
            designs = std::atoi(argv[i + 1]);
        } else if (a == "--per-design") {
            per = std::atoi(argv[i + 1]);
        } else if (a == "--big") {
            big = static_cast<std::size_t>(std::atoll(argv[i + 1]));
        } else if (a == "--queries") {
            queries = std::atoi(argv[i + 1]);
        } else if (a == "--keep") {
            keep = argv[i + 1];
        }
    }
    try {
        fs::path root = keep.empty() ? fs::temp_directory_path() /
                                           ("hlsv-rag-bench-" + std::to_string(::getpid()))
                                     : fs::path(keep);
        fs::remove_all(root);
        std::printf("building synthetic tree: %d designs x %d bug files in %s\n", designs, per,
                    root.c_str());
        fs::path tree = make_tree(root / "tree", designs, per);

        // Baseline: read + parse every bug file and source (no hashing, embedding or SQLite).
        double b0 = now_s(CLOCK_MONOTONIC), bc0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        std::size_t parsed = 0;
        for (const auto& d : fs::directory_iterator(tree)) {
            for (const auto& f : fs::directory_iterator(d.path() / "Source_Code")) {
                parsed += read_file(f.path()).size() > 0;
            }
            for (const auto& f : fs::directory_iterator(d.path() / "Bugs")) {
                parsed += parse_injection(read_file(f.path())).specs.size();
            }
        }
        double b1 = now_s(CLOCK_MONOTONIC), bc1 = now_s(CLOCK_PROCESS_CPUTIME_ID);

        rag::StoreOptions o;
        o.seed = false;
        auto store = rag::Store::open(root / "bench.db", o);
        double i0 = now_s(CLOCK_MONOTONIC), ic0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        auto r = store.import_chrysalis(tree);
        double i1 = now_s(CLOCK_MONOTONIC), ic1 = now_s(CLOCK_PROCESS_CPUTIME_ID);
        double n = static_cast<double>(r.examples_added);
        std::printf("import %zu examples (%zu rejected): %.0f examples/s wall, %.0f examples/s "
                    "CPU | baseline read+parse: %.0f files/s wall, %.0f files/s CPU | import "
                    "costs %.1fx the baseline (CPU)\n",
                    r.examples_added, r.rejected.size(), n / (i1 - i0), n / (ic1 - ic0),
                    static_cast<double>(parsed) / (b1 - b0),
                    static_cast<double>(parsed) / (bc1 - bc0), (ic1 - ic0) / (bc1 - bc0));

        // End-to-end store queries (embed the query + MMR + fetch rows).
        double l0 = now_s(CLOCK_THREAD_CPUTIME_ID);
        store.query_mmr(design_text(1), {"OOB"});
        double l1 = now_s(CLOCK_THREAD_CPUTIME_ID);
        std::vector<double> e2e, emb;
        auto embedder = rag::make_code_embedder(512);
        for (int q = 0; q < 200; ++q) {
            std::string src = design_text(100000 + q);
            std::string t = k_types[static_cast<std::size_t>(q) % k_types.size()];
            double t0 = now_s(CLOCK_THREAD_CPUTIME_ID);
            store.query_mmr(src, {t});
            double t1 = now_s(CLOCK_THREAD_CPUTIME_ID);
            embedder->embed({src});
            double t2 = now_s(CLOCK_THREAD_CPUTIME_ID);
            e2e.push_back((t1 - t0) * 1e3);
            emb.push_back((t2 - t1) * 1e3);
        }
        auto ep = percentiles(e2e), mp = percentiles(emb);
        std::printf("store query (%zu examples, index load %.0f ms): p50 %.3f ms  p99 %.3f ms | "
                    "of which embedding the query p50 %.3f ms\n",
                    r.examples_added, (l1 - l0) * 1e3, ep.p50, ep.p99, mp.p50);

        bench_index(static_cast<std::size_t>(designs) * static_cast<std::size_t>(per), queries * 4,
                    512);
        if (big > 0) {
            bench_index(big, queries, 512);
        }
        if (keep.empty()) {
            fs::remove_all(root);
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "rag_bench: error: %s\n", e.what());
        return static_cast<int>(e.code());
    }
    return 0;
}
