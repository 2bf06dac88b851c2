// The generic repair operators (private to the assist module).
#include "repair.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace hlsv;
using namespace hlsv::assist::detail;

namespace {

bool has(const std::vector<Candidate>& cs, const std::string& text) {
    return std::any_of(cs.begin(), cs.end(),
                       [&](const Candidate& c) { return c.replacement == text; });
}

TEST(Repair, RelationalAndConstantEdits) {
    SourceText src("for (int i = 0; i <= N; i++) {\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_TRUE(has(cs, "for (int i = 0; i < N; i++) {"));
    EXPECT_TRUE(has(cs, "for (int i = 1; i <= N; i++) {"));
    EXPECT_TRUE(has(cs, "for (int i = 0; i <= N; i--) {"));
}

TEST(Repair, TemplateAnglesAreNotComparisons) {
    SourceText src("ap_int<16> x = a < b;\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_FALSE(has(cs, "ap_int<=16> x = a < b;"));
    EXPECT_TRUE(has(cs, "ap_int<16> x = a <= b;"));
    EXPECT_TRUE(has(cs, "ap_uint<16> x = a < b;"));
}

TEST(Repair, MissingInitializerAndSwappedHalves) {
    SourceText src("    int acc;\n    out[i] = buf_a[i];\n");
    EXPECT_TRUE(has(repair_candidates(src, 1), "    int acc = 0;"));
    EXPECT_TRUE(has(repair_candidates(src, 2), "    out[i] = buf_b[i];"));
}

TEST(Repair, UnrolledCopyAndMovedStatement) {
    SourceText src("acc += a[i + 0] * b[i + 0];\nx = 1;\n");
    auto cs = repair_candidates(src, 1);
    EXPECT_TRUE(has(cs, "acc += a[i + 0] * b[i + 0];\nacc += a[i + 1] * b[i + 1];"));
    auto swap =
        std::find_if(cs.begin(), cs.end(), [](const Candidate& c) { return c.op == "swap-next"; });
    ASSERT_NE(swap, cs.end());
    EXPECT_EQ(apply_candidate(src, *swap), "x = 1;\nacc += a[i + 0] * b[i + 0];\n");
}

TEST(Repair, PragmasAndCommentsAreLeftAlone) {
    SourceText src("#pragma HLS unroll factor=4\n// i < N\n");
    EXPECT_TRUE(repair_candidates(src, 1).empty());
    EXPECT_TRUE(repair_candidates(src, 2).empty());
}

TEST(Repair, ApplyKeepsOtherLines) {
    SourceText src("a\nb = 1;\nc\n");
    Candidate c{2, 1, "b = 2;", "const-inc"};
    EXPECT_EQ(apply_candidate(src, c), "a\nb = 2;\nc\n");
    Candidate del{2, 1, "", "delete-statement"};
    EXPECT_EQ(apply_candidate(src, del), "a\nc\n");
}

bool has_targeted(const std::vector<Candidate>& cs, const std::string& text) {
    return std::any_of(cs.begin(), cs.end(),
                       [&](const Candidate& c) { return c.replacement == text && c.targeted; });
}

TEST(Repair, LoopUpdateWithoutEffectIsTargeted) {
    SourceText src("    for (int k = 0; k < n; k + 1) {\n    for (int k = n; k > 0; k - 2) {\n");
    auto cs = repair_candidates(src, 1);
    ASSERT_FALSE(cs.empty());
    EXPECT_TRUE(cs.front().targeted);
    EXPECT_TRUE(has_targeted(cs, "    for (int k = 0; k < n; k += 1) {"));
    EXPECT_TRUE(has_targeted(cs, "    for (int k = 0; k < n; k++) {"));
    EXPECT_TRUE(has_targeted(repair_candidates(src, 2), "    for (int k = n; k > 0; k -= 2) {"));
    // A loop that advances is no anomaly.
    SourceText ok("for (int k = 0; k < n; k += 2) {\n");
    for (const auto& c : repair_candidates(ok, 1)) {
        EXPECT_FALSE(c.targeted) << c.replacement;
    }
}

TEST(Repair, OversizedShiftTriesTheFilesShiftAmounts) {
    SourceText src("lo = w >> 12;\nreturn (hi << 44) | lo;\n");
    auto cs = repair_candidates(src, 2);
    ASSERT_FALSE(cs.empty());
    EXPECT_EQ(cs.front().replacement, "return (hi << 12) | lo;");
    EXPECT_TRUE(has_targeted(cs, "return (hi << 16) | lo;"));
    EXPECT_TRUE(has_targeted(cs, "return (hi << 8) | lo;"));
}

TEST(Repair, UnrollGapRestoresTheMissingCopy) {
    SourceText src(
        "        s += v[j];\n        t += s;\n        s += v[j + 2];\n        t += s;\n");
    auto cs = repair_candidates(src, 2);
    EXPECT_TRUE(has_targeted(cs, "        t += s;\n        s += v[j + 1];\n        t += s;"));
    // No gap after the last copy.
    for (const auto& c : repair_candidates(src, 4)) {
        EXPECT_NE(c.op, "unroll-gap");
    }
}

TEST(Repair, FlippedPingPongIndexAgainstItsNeighbours) {
    SourceText src("buf[cur][0] = x;\nbuf[1 - cur][1] = y;\nbuf[cur][2] = z;\n");
    EXPECT_TRUE(has_targeted(repair_candidates(src, 2), "buf[cur][1] = y;"));
}

TEST(Repair, ReadBeforeWriteFindsMissingInitializers) {
    SourceText src("int f(const int v[8], int n, bool rst) {\n"  // 1
                   "    int acc;\n"                              // 2
                   "    int seen;\n"                             // 3
                   "    int out;\n"                              // 4
                   "    int tmp[8];\n"                           // 5
                   "    static int keep;\n"                      // 6
                   "    int w;\n"                                // 7
                   "    seen = 0;\n"                             // 8
                   "    g(out);\n"                               // 9
                   "    for (int i = 0; i < n; i++) {\n"         // 10
                   "        int e;\n"                            // 11
                   "        acc += e + keep;\n"                  // 12
                   "        tmp[i] = acc;\n"                     // 13
                   "    }\n"                                     // 14
                   "    if (rst) acc = n;\n"                     // 15
                   "    return acc + seen + out + tmp[0] + w;\n" // 16
                   "}\n");
    auto found = reads_before_write(src);
    std::vector<int> lines;
    for (const auto& u : found) {
        lines.push_back(u.decl_line);
    }
    EXPECT_EQ(lines, (std::vector<int>{2, 7, 11}));
    // The initializer candidates: what the function assigns elsewhere, a same-typed array
    // element at the loop index, then 0 and 1.
    auto acc = repair_candidates(src, 2);
    EXPECT_TRUE(has_targeted(acc, "    int acc = n;"));
    EXPECT_TRUE(has_targeted(acc, "    int acc = 0;"));
    EXPECT_TRUE(has_targeted(repair_candidates(src, 11), "        int e = v[i];"));
}

TEST(Repair, DataflowIsQuietOnTheBenchmarkDesigns) {
    // Correct designs initialize what they read: every finding here would be a false alarm.
    fs::path designs = fs::path(HLSV_TEST_FIXTURES) / ".." / ".." / "benchmarks" / "designs";
    ASSERT_TRUE(fs::is_directory(designs));
    int files = 0;
    for (const auto& d : fs::directory_iterator(designs)) {
        if (!d.is_directory()) {
            continue;
        }
        for (const auto& f : fs::directory_iterator(d.path())) {
            auto x = f.path().extension();
            std::string name = f.path().filename().string();
            if ((x != ".cpp" && x != ".c") || name.find("_tb") != std::string::npos) {
                continue;
            }
            ++files;
            SourceText text(read_file(f.path()));
            for (const auto& u : reads_before_write(text)) {
                ADD_FAILURE() << f.path() << ":" << u.decl_line << ": '" << u.var
                              << "' read on line " << u.read_line;
            }
            for (const auto& u : never_written(text)) {
                ADD_FAILURE() << f.path() << ":" << u.decl_line << ": '" << u.var
                              << "' never written";
            }
        }
    }
    EXPECT_GT(files, 20);
}

TEST(Repair, ConstantLocalGetsItsPairedNeighboursValue) {
    SourceText src("void g(const int in[4], int lo, int hi, int* out) {\n" // 1
                   "    int y_lo = 0;\n"                                   // 2
                   "    int y_hi = scale(hi, 3);\n"                        // 3
                   "    int k = 0;\n"                                      // 4
                   "    int n = 2;\n"                                      // 5
                   "    k += n;\n"                                         // 6
                   "    *out = y_lo + y_hi + k + n;\n"                     // 7
                   "}\n");
    auto found = never_written(src);
    std::vector<int> lines;
    for (const auto& u : found) {
        lines.push_back(u.decl_line);
    }
    EXPECT_EQ(lines, (std::vector<int>{2, 5})); // k changes; n is a constant not declared const
    auto cs = repair_candidates(src, 2);
    ASSERT_FALSE(cs.empty());
    EXPECT_EQ(cs.front().replacement, "    int y_lo = scale(lo, 3);");
    EXPECT_EQ(cs.front().op, "restore-value");
    EXPECT_TRUE(cs.front().targeted);
}

TEST(Repair, ConstantIndexGapInsertsTheMissingStatement) {
    // Written by hand: a rotate of four registers with the third move missing.
    SourceText rot("    w[0] = w[1];\n    w[1] = w[2];\n    w[3] = first;\n");
    EXPECT_TRUE(has_targeted(repair_candidates(rot, 2), "    w[1] = w[2];\n    w[2] = w[3];"));
    // A 2-D window column whose middle row is missing: the row index steps in both arrays.
    SourceText col("win[0][2] = lines[0][x];\nwin[2][2] = px;\n");
    EXPECT_TRUE(has_targeted(repair_candidates(col, 1),
                             "win[0][2] = lines[0][x];\nwin[1][2] = lines[1][x];"));
    // Geometric arguments: the stage for bit 1 (distance 2) is missing.
    SourceText stages("v = st(v, b[0], 1);\nv = st(v, b[2], 4);\nv = st(v, b[3], 8);\n");
    EXPECT_TRUE(
        has_targeted(repair_candidates(stages, 1), "v = st(v, b[0], 1);\nv = st(v, b[1], 2);"));
    // A complete sequence has no gap to fill.
    SourceText full("w[0] = w[1];\nw[1] = w[2];\nw[2] = w[3];\n");
    for (int l = 1; l <= 2; ++l) {
        for (const auto& c : repair_candidates(full, l)) {
            EXPECT_FALSE(c.op == "constant-gap" && c.targeted) << c.replacement;
        }
    }
}

TEST(Repair, LoopStrideFollowsTheCopiesOfItsBody) {
    SourceText src("for (int i = 0; i < N; i += 3) {\n    s0 += a[i];\n    s1 += a[i + 1];\n"
                   "}\n");
    EXPECT_TRUE(has_targeted(repair_candidates(src, 1), "for (int i = 0; i < N; i += 2) {"));
    SourceText ok("for (int i = 0; i < N; i += 2) {\n    s0 += a[i];\n    s1 += a[i + 1];\n}\n");
    for (const auto& c : repair_candidates(ok, 1)) {
        EXPECT_NE(c.op, "stride-fix");
    }
}

TEST(Repair, RegroupsMixedPrecedence) {
    // A shift amount that swallowed the addition after it.
    EXPECT_TRUE(has_targeted(repair_candidates(SourceText("    q = (m + 64) >> 7 + bias;\n"), 1),
                             "    q = ((m + 64) >> 7) + bias;"));
    // A mask compared before it is applied.
    EXPECT_TRUE(has_targeted(repair_candidates(SourceText("if (flags & 4 == 0) {\n"), 1),
                             "if ((flags & 4) == 0) {"));
    // A rotate whose parenthesis closes one operand too late.
    EXPECT_TRUE(
        has_targeted(repair_candidates(SourceText("return ((x << n) | x) >> (8 - n);\n"), 1),
                     "return (x << n) | (x >> (8 - n));"));
    // Plain arithmetic regroupings are tried, but blind.
    auto cs = repair_candidates(SourceText("y[k - 1 * W] = 0;\n"), 1);
    EXPECT_TRUE(has(cs, "y[(k - 1) * W] = 0;"));
    for (const auto& c : cs) {
        EXPECT_FALSE(c.op == "regroup" && c.targeted);
    }
    // Template angles are not operators.
    for (const auto& c : repair_candidates(SourceText("ap_int<16> t = a * b;\n"), 1)) {
        EXPECT_NE(c.op, "regroup");
    }
}

TEST(Repair, CastOrDeclarationOfTheOtherSignedness) {
    SourceText src("void f(const unsigned char d[8], ap_int<12>& o) {\n"
                   "    int acc = 0;\n    acc += (signed char)d[0];\n"
                   "    ap_int<12> low = d[1].range(3, 0);\n    acc += (unsigned char)d[2];\n}\n");
    auto c3 = repair_candidates(src, 3);
    EXPECT_TRUE(has_targeted(c3, "    acc += d[0];"));
    EXPECT_TRUE(has_targeted(c3, "    acc += (unsigned char)d[0];"));
    EXPECT_TRUE(has_targeted(repair_candidates(src, 4), "    ap_uint<12> low = d[1].range(3, 0);"));
    // A cast to the value's own signedness is left alone.
    for (const auto& c : repair_candidates(src, 5)) {
        EXPECT_NE(c.op, "cast-drop");
    }
}

TEST(Repair, LostValueTriesParametersAndLoopIndices) {
    // Our own code: a local that kept a literal instead of the parameter it should copy, and
    // one that should combine the two innermost loop indices.
    SourceText param(
        "static word t(word v, int d) {\n    ap_int<32> s = 0;\n    return s >> d;\n}\n");
    EXPECT_TRUE(has_targeted(repair_candidates(param, 2), "    ap_int<32> s = v;"));
    SourceText loops("void g(int a[8]) {\n    for (int r = 1; r < 8; r <<= 1) {\n"
                     "        for (int c = 0; c < 8; c++) {\n            int o = 0;\n"
                     "            if (o > c) {\n                a[c] += a[o];\n            }\n"
                     "        }\n    }\n}\n");
    EXPECT_TRUE(has_targeted(repair_candidates(loops, 4), "            int o = r ^ c;"));
    // A pixel that lost its load from a row-major image.
    SourceText image(
        "void blur(const px in[H * W], px out[H * W]) {\n"
        "    for (int y = 0; y < H; y++) {\n        for (int x = 0; x < W; x++) {\n"
        "            px p = 0;\n            out[y * W + x] = p;\n        }\n    }\n}\n");
    EXPECT_TRUE(has_targeted(repair_candidates(image, 4), "            px p = in[y * W + x];"));
    // A lane whose name carries its half glued on (`qlo` beside `qhi = f(hi)`).
    SourceText lanes("void h(ap_int<32> lo, ap_int<32> hi, int g) {\n    ap_int<16> qlo = 0;\n"
                     "    ap_int<16> qhi = f(hi, g);\n    out = (qhi, qlo);\n}\n");
    EXPECT_TRUE(has_targeted(repair_candidates(lanes, 2), "    ap_int<16> qlo = f(lo, g);"));
}

TEST(Repair, BitRangeReadsDoNotHideAConstantLocal) {
    SourceText src("void k(const ap_uint<8> a[4], ap_uint<4> o[4]) {\n"
                   "    for (int i = 0; i < 4; i++) {\n        ap_uint<8> v = 0;\n"
                   "        o[i] = v.range(7, 4);\n    }\n}\n");
    auto found = never_written(src);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].decl_line, 3);
    EXPECT_EQ(found[0].var, "v");
    // Assigning to a range writes the variable.
    SourceText written("void k(ap_uint<8>& o) {\n    ap_uint<8> v = 0;\n    v.range(3, 0) = 5;\n"
                       "    o = v;\n}\n");
    EXPECT_TRUE(never_written(written).empty());
}

TEST(Repair, SelfAssignmentMovesAConstantIndex) {
    // Our own line buffer shift where the row index of the destination was lost.
    auto cs = repair_candidates(SourceText("    rows[1][x] = rows[1][x];\n"), 1);
    EXPECT_TRUE(has_targeted(cs, "    rows[0][x] = rows[1][x];"));
    EXPECT_TRUE(has_targeted(cs, "    rows[1][x] = rows[2][x];"));
    for (const auto& c : repair_candidates(SourceText("    rows[0][x] = rows[1][x];\n"), 1)) {
        EXPECT_NE(c.op, "self-assign");
    }
}

TEST(Repair, ValueCallArgumentAndSelfUpdateAreReads) {
    // Our own code: a stage function taking its word by value, applied to a word that was
    // never loaded.
    SourceText src("static word stage(word x, int k) {\n    return x << k;\n}\n"
                   "void top(const word in[4], word out[4]) {\n    for (int i = 0; i < 4; i++) {\n"
                   "        word v;\n        v = stage(v, 1);\n        out[i] = v;\n    }\n}\n");
    auto found = reads_before_write(src);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].decl_line, 6);
    EXPECT_EQ(found[0].read_line, 7);
    EXPECT_TRUE(has_targeted(repair_candidates(src, 6), "        word v = in[i];"));
    // A function that may write through a reference parameter is not a read.
    SourceText by_ref("static void load(word& x) {\n    x = 1;\n}\nvoid top(word out[1]) {\n"
                      "    word v;\n    load(v);\n    out[0] = v;\n}\n");
    EXPECT_TRUE(reads_before_write(by_ref).empty());
}

TEST(Repair, IndexPassedToACallIsARead) {
    // Our own code: a partner index fixed at zero, used to index an argument passed by
    // reference (the reference may write the element, not the index).
    SourceText src(
        "static void cswap(int& a, int& b) {\n    int t = a;\n    a = b;\n    b = t;\n}\n"
        "void net(int v[8]) {\n    for (int s = 1; s < 8; s <<= 1) {\n"
        "        for (int i = 0; i < 8; i++) {\n            int other = 0;\n"
        "            if (other > i) {\n                cswap(v[i], v[other]);\n"
        "            }\n        }\n    }\n}\n");
    auto found = never_written(src);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].var, "other");
    EXPECT_TRUE(has_targeted(repair_candidates(src, 9), "            int other = s ^ i;"));
    // An index that is incremented in place is written.
    SourceText bumped("void f(int v[8]) {\n    int k = 0;\n    v[k++] = 1;\n    v[k] = 2;\n}\n");
    EXPECT_TRUE(never_written(bumped).empty());
}

} // namespace

TEST(Repair, ForInitIsAWriteBeforeItsCondition) {
    // Our own code in the C89 style of older suites: loop indices declared first, then
    // `for (i = 0; i < N; i++)`. The init writes i before the condition reads it.
    SourceText src("void scale(int n, double a[16]) {\n" // 1
                   "    int i;\n"                        // 2
                   "    int j;\n"                        // 3
                   "    double s;\n"                     // 4
                   "    for (i = 0; i < n; i++)\n"       // 5
                   "        for (j = i; j < n; ++j)\n"   // 6
                   "            s += a[j];\n"            // 7
                   "    a[0] = s;\n"                     // 8
                   "}\n");
    auto found = reads_before_write(src);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].var, "s");
    EXPECT_EQ(found[0].decl_line, 4);
    // `i = i + 1;` as a statement still reads i first.
    SourceText self("void f(int o[1]) {\n    int i;\n    i = i + 1;\n    o[0] = i;\n}\n");
    ASSERT_EQ(reads_before_write(self).size(), 1u);
}
