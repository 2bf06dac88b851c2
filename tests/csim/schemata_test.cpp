// The mutant-schema scanner and batch unit, and the ELF section digests.
#include "elf_digest.h"
#include "helpers.h"
#include "schemata.h"

namespace hlsv::csim::test {
namespace {

TEST(Schemata, FindsExportedFunctionsWithParamNames) {
    auto f = exported_functions(
        "#include \"x.h\"\n// void commented(int a) {}\nstatic int helper(int x) { return x; }\n"
        "void top(const ap_fixed<16,6> in[N][M], hls::stream<int>& s, int n = 3) {\n"
        "  for (int i = 0; i < n; i++) { s.write(in[0][i]); }\n}\n"
        "int scale(int x) { return x * 3; }\n");
    ASSERT_TRUE(f.has_value());
    ASSERT_EQ(f->size(), 2u);
    EXPECT_EQ((*f)[0].name, "top");
    EXPECT_EQ((*f)[0].param_names, (std::vector<std::string>{"in", "s", "n"}));
    EXPECT_EQ((*f)[1].name, "scale");
    EXPECT_EQ((*f)[1].param_names, std::vector<std::string>{"x"});
}

TEST(Schemata, RefusesWhatItCannotWrap) {
    EXPECT_FALSE(exported_functions("void A::f(int x) {}\n").has_value());
    EXPECT_FALSE(exported_functions("void f(int) {}\n").has_value());
    EXPECT_FALSE(exported_functions("namespace q { void f(int x) {} }\n").has_value());
    EXPECT_FALSE(exported_functions("void f(int x) {\n").has_value());
}

TEST(Schemata, VoidParameterListHasNoNames) {
    auto f = exported_functions("int get(void) { return 1; }\n");
    ASSERT_TRUE(f.has_value());
    ASSERT_EQ(f->size(), 1u);
    EXPECT_TRUE((*f)[0].param_names.empty());
}

TEST(Schemata, BatchHoistsIncludesAndDispatches) {
    std::string golden = "#include \"adder.h\"\nint scale(int x) { return x * 3; }\n";
    std::string variant = "#include \"adder.h\"\n#define K 4\nint scale(int x) { return x * K; }\n";
    auto ex = exported_functions(golden);
    ASSERT_TRUE(ex.has_value());
    std::string unit = make_batch("adder.cpp", {golden, variant}, *ex);
    EXPECT_LT(unit.find("#include \"adder.h\""), unit.find("namespace hlsv_v0000"));
    EXPECT_EQ(unit.find("#include \"adder.h\""), unit.rfind("#include \"adder.h\""));
    EXPECT_NE(unit.find("namespace hlsv_v0001"), std::string::npos);
    EXPECT_NE(unit.find("#undef K"), std::string::npos);
    EXPECT_NE(unit.find("case 1: return hlsv_v0001::scale_hlsv_slot(x);"), std::string::npos);
}

TEST(Elf, RejectsNonObjects) {
    EXPECT_THROW(section_digests("not an elf file at all, certainly not"), InternalError);
    EXPECT_THROW(section_digests(""), InternalError);
}

TEST(Elf, SlotNamesHaveFixedWidth) {
    EXPECT_EQ(slot_namespace(0), "hlsv_v0000");
    EXPECT_EQ(slot_namespace(17), "hlsv_v0017");
    EXPECT_EQ(slot_namespace(0).size(), slot_namespace(999).size());
}

} // namespace
} // namespace hlsv::csim::test
