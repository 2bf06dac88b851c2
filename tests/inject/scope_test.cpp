// The design under test (#12): bugs go only into the top function and what it calls, never into
// main, init/print helpers or self-checks; and the type classifier rejects mislabelled edits.
#include "inject/classify.h"
#include "inject/inject.h"

#include <gtest/gtest.h>

namespace hlsv::inject {
namespace {

const fs::path k_prog = fs::path(HLSV_INJECT_TESTS) / "designs" / "stencil_prog";

struct Program : ::testing::Test {
    DesignSpec design = load_design(k_prog);
    fs::path file = injected_source(design);
    std::string text = read_file(file);
    parse::DesignFacts facts = [this] {
        parse::Options o;
        o.top = design.top;
        o.use_libclang = false;
        o.language = design.language;
        return parse::parse_source(file.string(), text, o);
    }();

    int line_of(const std::string& needle) const {
        auto pos = text.find(needle);
        EXPECT_NE(pos, std::string::npos) << needle;
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
    }
};

Injection one(std::string type, std::string orig, std::string faulty) {
    Injection inj;
    inj.error_size = 1;
    inj.specs.push_back(
        ErrorSpec{std::move(type), std::move(orig), std::move(faulty), std::nullopt, ""});
    return inj;
}

TEST_F(Program, TheKernelAndItsCalleesAreTheDesignUnderTest) {
    parse::Dut dut = dut_of(design, file, facts);
    EXPECT_EQ(dut_function_of(dut, facts, line_of("acc += weight"), line_of("acc += weight")),
              "kernel_smooth");
    EXPECT_EQ(dut_function_of(dut, facts, line_of("return k == 1"), line_of("return k == 1")),
              "weight");
    std::string why;
    EXPECT_EQ(dut_function_of(dut, facts, line_of("int n = LEN;"), line_of("int n = LEN;"), &why),
              "");
    EXPECT_NE(why.find("not in the design under test"), std::string::npos) << why;
    EXPECT_EQ(dut_function_of(dut, facts, line_of("src[i] = (i * 7"), line_of("src[i] = (i * 7")),
              "");
    EXPECT_EQ(dut_function_of(dut, facts, line_of("printf(\"%d \""), line_of("printf(\"%d \"")),
              "");
}

TEST_F(Program, InjectionsOutsideTheKernelAreRejectedAndInsideRecordTheirFunction) {
    auto r = validate(design, {one("ZERO", "int n = LEN;", "int n = 0;"),
                               one("OOB", "for (i = 0; i < n; i++) {\n        src[i]",
                                   "for (i = 0; i <= n; i++) {\n        src[i]"),
                               one("OOB", "acc += weight(k) * src[i - 1 + k];",
                                   "acc += weight(k) * src[i + k];")});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].verdict, Verdict::invalid);
    EXPECT_EQ(r[0].reason.rfind("outside-dut", 0), 0u) << r[0].reason;
    EXPECT_EQ(r[1].verdict, Verdict::invalid);
    EXPECT_EQ(r[1].reason.rfind("outside-dut", 0), 0u) << r[1].reason;
    EXPECT_EQ(r[2].verdict, Verdict::valid) << r[2].reason;
    EXPECT_EQ(r[2].function, "kernel_smooth");
    ASSERT_EQ(r[2].type_evidence.size(), 1u);
    EXPECT_EQ(r[2].type_evidence[0].rfind("OOB: ", 0), 0u) << r[2].type_evidence[0];
}

TEST_F(Program, EveryRuleSiteTheGeneratorKeepsIsInTheKernel) {
    parse::Dut dut = dut_of(design, file, facts);
    int kept = 0, dropped = 0;
    for (const auto& type : supported_types()) {
        for (const auto& site : sites_for(type, facts, SourceText(text))) {
            int n = static_cast<int>(std::count(site.original.begin(), site.original.end(), '\n'));
            std::string fn = dut_function_of(dut, facts, site.line, site.line + n);
            (fn.empty() ? dropped : kept)++;
            if (!fn.empty()) {
                EXPECT_TRUE(fn == "kernel_smooth" || fn == "weight") << type << " " << fn;
            }
        }
    }
    EXPECT_GT(kept, 0);
    EXPECT_GT(dropped, 0) << "the rules find sites in main and the helpers too; none are kept";
}

// The classifier on the mislabels seen on public code.
struct Classifier : ::testing::Test {
    static parse::DesignFacts facts_of(const std::string& code) {
        parse::Options o;
        o.use_libclang = false;
        return parse::parse_source("k.cpp", code, o);
    }
    static TypeConfirmation confirm(const std::string& type, const std::string& code,
                                    const std::string& orig, const std::string& faulty) {
        std::string after = code;
        auto pos = after.find(orig);
        EXPECT_NE(pos, std::string::npos) << orig;
        after.replace(pos, orig.size(), faulty);
        ErrorSpec s{type, orig, faulty,
                    1 + static_cast<int>(std::count(code.begin(), code.begin() + pos, '\n')), ""};
        return confirm_type(s, facts_of(code), facts_of(after), after);
    }
};

const char* k_kernel = R"(#include <hls_stream.h>
void k(long v[8], int w[8], hls::stream<int>& s, int gain, double out[8]) {
#pragma HLS INTERFACE ap_fifo port=s
    double tp2 = 0.0;
    for (int i = 0; i < 8; i++) {
        tp2 = 0.0;
        tp2 += v[i] * 0.5;
        long hi = v[i] >> 48;
        int lo = w[i] >> 4;
        double result = (tp2 + hi + lo);
        out[i] = result;
    }
}
)";

TEST_F(Classifier, ADroppedResetIsNotAManualUnrollingSlip) {
    auto c = confirm("MLU", k_kernel, "        tp2 = 0.0;\n", "");
    EXPECT_FALSE(c.ok) << c.evidence;
    EXPECT_TRUE(confirm("INIT", k_kernel, "double tp2 = 0.0;", "double tp2;").ok);
}

TEST_F(Classifier, AComputedValueZeroedIsNotAZeroInitializer) {
    auto c = confirm("ZERO", k_kernel, "result = (tp2 + hi + lo);", "result = 0;");
    EXPECT_FALSE(c.ok) << c.evidence;
}

TEST_F(Classifier, AShiftInsideA64BitOperandIsNotPastItsWidth) {
    EXPECT_FALSE(confirm("SHFT", k_kernel, "v[i] >> 48", "v[i] >> 50").ok);
    auto c = confirm("SHFT", k_kernel, "w[i] >> 4", "w[i] >> 36");
    EXPECT_TRUE(c.ok) << c.evidence;
    EXPECT_NE(c.evidence.find("32 bits"), std::string::npos) << c.evidence;
}

TEST_F(Classifier, AStreamPortIsNotAScalar) {
    auto c = confirm("SMA", k_kernel, "ap_fifo port=s", "bram port=s");
    EXPECT_FALSE(c.ok) << c.evidence;
    auto g = confirm("SMA", k_kernel, "ap_fifo port=s\n",
                     "ap_fifo port=s\n#pragma HLS INTERFACE bram port=gain\n");
    EXPECT_TRUE(g.ok) << g.evidence;
}

TEST(VariantTimeout, FollowsTheGoldenRunCappedByTheDesign) {
    DesignSpec d;
    d.timeout_s = 20;
    EXPECT_DOUBLE_EQ(variant_timeout(d, 0.005), 0.5);
    EXPECT_DOUBLE_EQ(variant_timeout(d, 0.2), 4.0);
    EXPECT_DOUBLE_EQ(variant_timeout(d, 5), 20);
}

} // namespace
} // namespace hlsv::inject
