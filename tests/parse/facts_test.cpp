// Facts on fixture designs: every JSON field, C files, missing headers, broken code.
#include "parse/parse.h"

#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::parse;

namespace {

const fs::path fixtures = HLSV_PARSE_FIXTURES;

const Array* array_named(const DesignFacts& f, const std::string& name) {
    for (const auto& a : f.arrays) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

bool has_diag(const DesignFacts& f, const std::string& severity, const std::string& part) {
    for (const auto& d : f.diagnostics) {
        if (d.severity == severity && d.message.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST(ParseFacts, FunctionsAndParams) {
    auto f = parse_file(fixtures / "fir.cpp");
    ASSERT_EQ(f.functions.size(), 2u);
    const Function* mac = f.function("mac");
    const Function* fir = f.function("fir");
    ASSERT_TRUE(mac && fir);
    EXPECT_FALSE(mac->is_top);
    EXPECT_TRUE(fir->is_top); // mac is called by fir; fir by nobody
    EXPECT_EQ(fir->line_start, 18);
    EXPECT_EQ(fir->line_end, 50);
    EXPECT_EQ(fir->body_line_start, 19);
    ASSERT_EQ(fir->params.size(), 5u);
    const Param& x = fir->params[0];
    EXPECT_EQ(x.name, "x");
    EXPECT_EQ(x.type, "const sample_t[BLOCK]");
    EXPECT_TRUE(x.is_array);
    EXPECT_EQ(x.dims, (std::vector<long long>{64}));
    const Param& acc = fir->params[2];
    EXPECT_TRUE(acc.is_pointer);
    EXPECT_FALSE(acc.is_array);
    EXPECT_EQ(acc.type, "int*");
    const Param& s = fir->params[3];
    EXPECT_TRUE(s.is_reference);
    EXPECT_EQ(s.type, "hls::stream<ap_uint<8> >&");
    EXPECT_TRUE(fir->params[4].is_reference);
    EXPECT_TRUE(f.semantic);
}

TEST(ParseFacts, ArraysWithEveryStorage) {
    auto f = parse_file(fixtures / "fir.cpp");
    const Array* coeffs = array_named(f, "coeffs");
    const Array* history = array_named(f, "history");
    const Array* shift = array_named(f, "shift_reg");
    const Array* y = array_named(f, "y");
    ASSERT_TRUE(coeffs && history && shift && y);
    EXPECT_EQ(coeffs->storage, "global");
    EXPECT_EQ(coeffs->function, "");
    EXPECT_EQ(history->dims, (std::vector<long long>{2, 8})); // HALF = (TAPS / 2)
    EXPECT_EQ(shift->storage, "static");
    EXPECT_EQ(shift->function, "fir");
    EXPECT_EQ(shift->element_type, "sample_t");
    EXPECT_EQ(shift->line, 23);
    EXPECT_EQ(y->storage, "parameter");
    EXPECT_EQ(y->dims, (std::vector<long long>{64}));
}

TEST(ParseFacts, HlsTypesWithWidths) {
    auto f = parse_file(fixtures / "fir.cpp");
    bool int16 = false, stream = false, uint8 = false, fixed = false;
    for (const auto& t : f.hls_types) {
        if (t.name == "ap_int" && t.width == 16 && t.line == 8)
            int16 = true;
        if (t.name == "hls::stream" && !t.width && t.text == "hls::stream<ap_uint<8> >")
            stream = true;
        if (t.name == "ap_uint" && t.width == 8)
            uint8 = true;
        if (t.name == "ap_fixed" && t.width == 18 && t.int_width == 6)
            fixed = true;
    }
    EXPECT_TRUE(int16);
    EXPECT_TRUE(stream);
    EXPECT_TRUE(uint8);
    EXPECT_TRUE(fixed);
}

TEST(ParseFacts, JsonShapeHasEveryField) {
    auto j = to_json(parse_file(fixtures / "fir.cpp"));
    for (const char* k :
         {"file", "functions", "loops", "arrays", "pragmas", "hls_types", "diagnostics"}) {
        EXPECT_TRUE(j.contains(k)) << k;
    }
    const auto& fn = j["functions"][1];
    for (const char* k : {"name", "line_start", "line_end", "is_top", "params"}) {
        EXPECT_TRUE(fn.contains(k)) << k;
    }
    for (const char* k : {"name", "type", "dims", "is_array", "is_pointer", "is_reference"}) {
        EXPECT_TRUE(fn["params"][0].contains(k)) << k;
    }
    const auto& loop = j["loops"][1];
    for (const char* k : {"id", "label", "kind", "line_start", "line_end", "depth", "parent",
                          "function", "induction_var", "trip_count"}) {
        EXPECT_TRUE(loop.contains(k)) << k;
    }
    EXPECT_EQ(loop["label"], "taps");
    EXPECT_EQ(loop["parent"], 0);
    EXPECT_EQ(loop["trip_count"], 16);
    EXPECT_TRUE(j["loops"][0]["parent"].is_null());
    EXPECT_TRUE(j["loops"][4]["trip_count"].is_null()); // the while loop
    for (const char* k : {"name", "element_type", "dims", "storage", "line", "function"}) {
        EXPECT_TRUE(j["arrays"][0].contains(k)) << k;
    }
    const auto& pr = j["pragmas"][4]; // array_partition
    for (const char* k : {"directive", "options", "line", "function", "loop", "target"}) {
        EXPECT_TRUE(pr.contains(k)) << k;
    }
    EXPECT_EQ(pr["directive"], "array_partition");
    EXPECT_EQ(pr["target"], "shift_reg");
    EXPECT_TRUE(pr["loop"].is_null());
    EXPECT_EQ(pr["options"]["type"], "complete");
    for (const char* k : {"name", "width", "line"}) {
        EXPECT_TRUE(j["hls_types"][0].contains(k)) << k;
    }
    EXPECT_TRUE(j["diagnostics"].is_array());
    EXPECT_TRUE(j["diagnostics"].empty()) << j["diagnostics"].dump();
}

TEST(ParseFacts, CFile) {
    auto f = parse_file(fixtures / "plain.c");
    ASSERT_EQ(f.functions.size(), 1u);
    EXPECT_TRUE(f.functions[0].is_top);
    ASSERT_EQ(f.arrays.size(), 1u);
    EXPECT_EQ(f.arrays[0].dims, (std::vector<long long>{8, 16})); // enum constant DEPTH
    ASSERT_EQ(f.loops.size(), 2u);
    EXPECT_EQ(f.loops[0].trip_count, 8); // r = 0; r < 8; ++r
    EXPECT_EQ(f.loops[1].trip_count, 4); // c = 15; c > 3; c -= 3: 15 12 9 6
    EXPECT_EQ(f.loops[1].step_value, -3);
    EXPECT_EQ(f.loops[1].induction_var, "c");
    EXPECT_TRUE(f.semantic) << to_json(f)["diagnostics"].dump();
    ASSERT_EQ(f.pragmas.size(), 1u);
    EXPECT_EQ(f.pragmas[0].loop, 1);
    EXPECT_EQ(f.pragmas[0].options["max"], "5");
}

TEST(ParseFacts, MissingHeaderKeepsFactsAndWarns) {
    auto f = parse_file(fixtures / "missing_header.cpp");
    EXPECT_FALSE(f.semantic);
    EXPECT_TRUE(has_diag(f, "warning", "facts may be incomplete"));
    EXPECT_TRUE(has_diag(f, "error", "vendor_only_header.h"));
    ASSERT_EQ(f.loops.size(), 1u);
    EXPECT_EQ(f.loops[0].induction_var, "i"); // an ap_uint induction variable survives
    EXPECT_EQ(f.loops[0].trip_count, 8);
    const Array* tmp = array_named(f, "tmp");
    ASSERT_TRUE(tmp);
    EXPECT_EQ(tmp->element_type, "ap_uint<W + 4>");
    bool w16 = false;
    for (const auto& t : f.hls_types) {
        w16 = w16 || (t.name == "ap_uint" && t.width == 16);
    }
    EXPECT_TRUE(w16); // W + 4 with #define W 12
}

TEST(ParseFacts, BrokenCodeGivesFactsAndSyntaxWarnings) {
    auto f = parse_file(fixtures / "broken.cpp");
    ASSERT_EQ(f.functions.size(), 1u);
    ASSERT_EQ(f.loops.size(), 1u);
    EXPECT_EQ(f.loops[0].trip_count, 10);
    ASSERT_EQ(f.pragmas.size(), 1u);
    EXPECT_EQ(f.pragmas[0].loop, 0);
    EXPECT_TRUE(has_diag(f, "warning", "missing ';'"));
    EXPECT_TRUE(has_diag(f, "warning", "cannot parse '@@@ ###'"));
    EXPECT_TRUE(has_diag(f, "error", "expected"));
}

TEST(ParseFacts, LibclangResolvesWhatTextCannot) {
    auto f = parse_file(fixtures / "semantic.cpp");
    ASSERT_TRUE(f.semantic);
    const Array* rows = array_named(f, "rows");
    const Array* local = array_named(f, "local");
    ASSERT_TRUE(rows && local);
    EXPECT_EQ(rows->dims, (std::vector<long long>{4, 6})); // typedef int row_t[6]
    EXPECT_EQ(local->dims, (std::vector<long long>{16}));  // sizeof(long long) * 2
    ASSERT_EQ(f.loops.size(), 1u);
    EXPECT_EQ(f.loops[0].bound_value, 16); // sizeof(local) / sizeof(local[0])
    EXPECT_EQ(f.loops[0].trip_count, 16);

    Options o;
    o.cflags = {"-DDEPTH=9"};
    auto g = parse_file(fixtures / "semantic.cpp", o);
    EXPECT_EQ(array_named(g, "rows")->dims, (std::vector<long long>{9, 6}));

    Options syn;
    syn.use_libclang = false;
    auto h = parse_file(fixtures / "semantic.cpp", syn);
    EXPECT_FALSE(h.semantic);
    EXPECT_EQ(array_named(h, "local")->dims, (std::vector<long long>{-1}));
    EXPECT_FALSE(h.loops[0].trip_count);
}

TEST(ParseFacts, TopFromOptionAndTies) {
    Options o;
    o.top = "mac";
    auto f = parse_file(fixtures / "fir.cpp", o);
    EXPECT_TRUE(f.function("mac")->is_top);
    EXPECT_FALSE(f.function("fir")->is_top);

    o.top = "nope";
    auto g = parse_file(fixtures / "fir.cpp", o);
    EXPECT_TRUE(has_diag(g, "warning", "top function 'nope'"));

    // Two uncalled functions: the one with interface pragmas wins over the later one.
    Options syn;
    syn.use_libclang = false;
    auto h = parse_source("t.cpp",
                          "void a(int* p) {\n#pragma HLS interface m_axi port=p\n}\n"
                          "void b() {}\nint main() { return 0; }\n",
                          syn);
    EXPECT_TRUE(h.function("a")->is_top);
    EXPECT_FALSE(h.function("b")->is_top);
    EXPECT_FALSE(h.function("main")->is_top);
    auto k = parse_source("t.cpp", "void a() {}\nvoid b() {}\n", syn);
    EXPECT_TRUE(k.function("b")->is_top); // the last defined
}

TEST(ParseFacts, VariablesForRules) {
    auto f = parse_file(fixtures / "fir.cpp");
    bool acc = false, scale = false, param = false;
    for (const auto& v : f.variables) {
        if (v.name == "acc" && v.function == "fir" && !v.is_param) {
            acc = !v.has_init && v.type == "int";
        }
        if (v.name == "scale") {
            scale = v.has_init && v.init_text == "0.5";
        }
        if (v.name == "gain" && v.is_param) {
            param = true;
        }
    }
    EXPECT_TRUE(acc);
    EXPECT_TRUE(scale);
    EXPECT_TRUE(param);
    EXPECT_EQ(f.loop_at_line(34)->label, "taps");
    EXPECT_EQ(f.loop_at_line(30)->label, "outer");
    EXPECT_EQ(f.loop_at_line(20), nullptr);
}

TEST(ParseFacts, TextFormat) {
    auto t = to_text(parse_file(fixtures / "fir.cpp"));
    EXPECT_NE(t.find("function fir("), std::string::npos);
    EXPECT_NE(t.find("[top]"), std::string::npos);
    EXPECT_NE(t.find("loop #1 for taps"), std::string::npos);
}

TEST(ParseFacts, HeaderConstantsNeedLibclang) {
    auto f = parse_file(fixtures / "with_header.cpp");
    ASSERT_TRUE(f.semantic);
    ASSERT_EQ(f.loops.size(), 2u);
    EXPECT_EQ(f.loops[0].bound_value, 12); // a macro from sizes.h, expanded in this file
    EXPECT_EQ(f.loops[0].trip_count, 12);
    EXPECT_EQ(f.loops[1].init_value, 11);
    EXPECT_EQ(f.loops[1].step_value, -2);
    EXPECT_EQ(f.loops[1].trip_count, 6); // 11 9 7 5 3 1
    EXPECT_EQ(array_named(f, "c")->dims, (std::vector<long long>{12}));

    Options syn;
    syn.use_libclang = false;
    auto g = parse_file(fixtures / "with_header.cpp", syn);
    EXPECT_FALSE(g.loops[0].trip_count);
    EXPECT_EQ(array_named(g, "c")->dims, (std::vector<long long>{-1}));
}

// Suites that declare array parameters through a macro (PolyBench-style
// `DATA_TYPE GRID(A, N, M)`) get them as arrays with the compiler's sizes, by position.
TEST(ParseFacts, MacroDeclaredArrayParametersComeFromTheCompiler) {
    auto f = parse_file(fixtures / "macro_params.c");
    ASSERT_TRUE(f.semantic) << to_json(f)["diagnostics"].dump();
    const Function* k = nullptr;
    for (const auto& fn : f.functions) {
        k = fn.name == "smooth" ? &fn : k;
    }
    ASSERT_TRUE(k);
    ASSERT_EQ(k->params.size(), 3u);
    EXPECT_EQ(k->params[0].name, "n");
    EXPECT_FALSE(k->params[0].is_array);
    EXPECT_EQ(k->params[1].name, "src");
    EXPECT_TRUE(k->params[1].is_array);
    EXPECT_EQ(k->params[1].dims, (std::vector<long long>{12, 10}));
    EXPECT_EQ(k->params[2].name, "dst");
    EXPECT_EQ(k->params[2].dims, (std::vector<long long>{12, 10}));
    const Array* dst = array_named(f, "dst");
    ASSERT_TRUE(dst);
    EXPECT_EQ(dst->storage, "parameter");
    EXPECT_EQ(dst->function, "smooth");
    EXPECT_EQ(dst->line, 7);
    EXPECT_EQ(dst->element_type, "float");
}
