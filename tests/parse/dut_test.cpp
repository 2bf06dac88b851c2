// The design under test: the top and its callees, never main or what only main reaches.
#include "parse/parse.h"

#include <gtest/gtest.h>

using namespace hlsv;

namespace {

parse::Options ts_only(std::string top = "") {
    parse::Options o;
    o.use_libclang = false;
    o.top = std::move(top);
    return o;
}

// A PolyBench-style program: init, kernel, print and main in one file.
const char* k_program = R"(#include <stdio.h>
#define N 8
static void init_array(int n, int A[N]) { for (int i = 0; i < n; i++) A[i] = i; }
static int scale(int x) { return 3 * x; }
static void kernel_scale(int n, int A[N]) { for (int i = 0; i < n; i++) A[i] = scale(A[i]); }
static void print_array(int n, int A[N]) { for (int i = 0; i < n; i++) printf("%d\n", A[i]); }
int main(void) {
  int A[N];
  init_array(N, A);
  kernel_scale(N, A);
  print_array(N, A);
  return 0;
}
)";

} // namespace

TEST(Dut, TopAndItsCalleesOnlyNotMainNorInitOrPrint) {
    auto f = parse::parse_source("prog.c", k_program, ts_only("kernel_scale"));
    auto dut = parse::design_under_test({&f}, "kernel_scale");
    EXPECT_TRUE(dut.contains("kernel_scale"));
    EXPECT_TRUE(dut.contains("scale"));
    EXPECT_FALSE(dut.contains("main"));
    EXPECT_FALSE(dut.contains("init_array"));
    EXPECT_FALSE(dut.contains("print_array"));
    EXPECT_EQ(dut.function_at(f, 5), "kernel_scale");
    EXPECT_EQ(dut.function_at(f, 4), "scale");
    EXPECT_FALSE(dut.contains_line(f, 3));  // init_array
    EXPECT_FALSE(dut.contains_line(f, 10)); // main
    EXPECT_FALSE(dut.contains_line(f, 1));  // file scope
}

TEST(Dut, CallsAreRecordedOncePerFunctionInOrder) {
    auto f = parse::parse_source("prog.c", k_program, ts_only());
    const parse::Function* m = f.function("main");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->calls, (std::vector<std::string>{"init_array", "kernel_scale", "print_array"}));
}

TEST(Dut, FollowsCallsAcrossFiles) {
    // The entry file includes the kernel's file; the kernel calls a helper in a third file.
    auto top = parse::parse_source("k.c", "int helper(int);\nint k(int x) { return helper(x); }\n",
                                   ts_only("k"));
    auto help = parse::parse_source("h.c", "int helper(int x) { return x + 1; }\n", ts_only());
    auto tb = parse::parse_source("main.c", "#include \"k.c\"\nint main() { return k(1) != 2; }\n",
                                  ts_only());
    auto dut = parse::design_under_test({&tb, &top, &help}, "k");
    EXPECT_EQ(dut.functions, (std::set<std::string>{"k", "helper"}));
}

TEST(Dut, ExtraFunctionsAndMethodsByLastComponent) {
    const char* src = "struct Acc { int v; void add(int x); };\n"
                      "void Acc::add(int x) { v += x; }\n"
                      "void top(Acc& a, int x) { add_twice(a, x); }\n"
                      "void add_twice(Acc& a, int x) { a.add(x); a.add(x); }\n";
    auto f = parse::parse_source("m.cpp", src, ts_only("top"));
    auto dut = parse::design_under_test({&f}, "top");
    EXPECT_TRUE(dut.contains("add_twice"));
    EXPECT_FALSE(dut.contains("Acc::add")); // a method call through an object is not seen ...
    auto with_extra = parse::design_under_test({&f}, "top", {"Acc::add"});
    EXPECT_TRUE(with_extra.contains("Acc::add")); // ... so hlsv.json "dut" can name it
}

TEST(Dut, MainIsNeverTheDesignUnderTest) {
    auto f = parse::parse_source("prog.c", k_program, ts_only());
    auto dut = parse::design_under_test({&f}, "main");
    EXPECT_TRUE(dut.functions.empty());
}
