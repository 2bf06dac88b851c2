// Source generation: the driver (golden and variant in two namespaces of one program) and the
// witness testbench (one side, the shrunk input replayed, outputs compared with the golden's).
#include "difftest.h"
#include "embedded.h"
#include "internal.h"

#include <fmt/format.h>
#include <sstream>

namespace hlsv::difftest {

std::string hoisted_includes(const std::string& text) {
    // Headers the source includes at the top level (not under #if, not .c/.cpp files) are
    // included once, outside the namespaces: their include guards then keep the copies inside
    // the namespaces empty, so golden and variant share one set of types.
    std::istringstream in(text);
    std::string line, out;
    int depth = 0;
    while (std::getline(in, line)) {
        auto p = line.find_first_not_of(" \t");
        if (p == std::string::npos || line[p] != '#') {
            continue;
        }
        auto d = line.find_first_not_of(" \t", p + 1);
        std::string rest = d == std::string::npos ? "" : line.substr(d);
        if (rest.rfind("if", 0) == 0) {
            ++depth;
        } else if (rest.rfind("endif", 0) == 0) {
            --depth;
        } else if (depth == 0 && rest.rfind("include", 0) == 0) {
            auto q = rest.find_first_of("\"<");
            auto e = q == std::string::npos ? q : rest.find_first_of("\">", q + 1);
            if (e == std::string::npos) {
                continue;
            }
            std::string name = rest.substr(q + 1, e - q - 1);
            std::string ext = fs::path(name).extension().string();
            if (ext == ".c" || ext == ".cpp" || ext == ".cc" || ext == ".cxx") {
                continue;
            }
            out += "#" + rest + "\n";
        }
    }
    return out;
}

std::string design_block(const Signature& sig, const std::string& golden_ns,
                         const std::string& variant_ns) {
    std::string s = "namespace hlsv_drv {\n";
    s += fmt::format("using FG = decltype(&{}{});\nusing FV = decltype(&{}{});\n", golden_ns,
                     sig.top, variant_ns, sig.top);
    s += "template <class FN> struct CaseT {\n"
         "    static constexpr bool has_ret = !std::is_void_v<typename hlsv_dt::sig<FN>::ret>;\n";
    for (std::size_t i = 0; i < sig.args.size(); ++i) {
        s +=
            fmt::format("    hlsv_dt::Slot<typename hlsv_dt::sig<FN>::template arg<{}>, {}> a{};\n",
                        i, std::max<long long>(1, sig.args[i].elements), i);
    }
    s += "    hlsv_dt::ret_store<typename hlsv_dt::sig<FN>::ret> ret{};\n};\n"
         "using Case = CaseT<FG>;\nusing CaseV = CaseT<FV>;\n";
    s += "template <class C> void fill(hlsv_dt::Src& s, C& c) {\n";
    for (std::size_t i = 0; i < sig.args.size(); ++i) {
        if (sig.args[i].stream_depth > 0) {
            s += fmt::format("    hlsv_dt::stream_depth() = {};\n", sig.args[i].stream_depth);
        }
        s += fmt::format("    hlsv_dt::gen(s, c.a{}.v);\n", i);
    }
    s += "}\n";
    std::string args;
    for (std::size_t i = 0; i < sig.args.size(); ++i) {
        args += fmt::format("{}c.a{}.arg()", i ? ", " : "", i);
    }
    for (auto [fn, ns] :
         {std::pair{"call_golden", golden_ns}, std::pair{"call_variant", variant_ns}}) {
        s += fmt::format("template <class C> void {}(C& c) {{\n"
                         "    if constexpr (!C::has_ret) {}{}({});\n"
                         "    else c.ret = {}{}({});\n}}\n",
                         fn, ns, sig.top, args, ns, sig.top, args);
    }
    s += "template <class C, class D> bool differ(C& a, D& b, std::string& what) {\n"
         "    if (!hlsv_dt::eq(a.ret, b.ret)) { what = \"return\"; return true; }\n";
    for (std::size_t i = 0; i < sig.args.size(); ++i) {
        s += fmt::format(
            "    if (!hlsv_dt::eq(a.a{0}.v, b.a{0}.v)) {{ what = \"{1}\"; return true; }}\n", i,
            sig.args[i].name);
    }
    s += "    return false;\n}\n";
    std::string shows;
    for (std::size_t i = 0; i < sig.args.size(); ++i) {
        shows += fmt::format("    o += \"{1} = \"; hlsv_dt::show(o, c.a{0}.v); o += \"\\n\";\n", i,
                             sig.args[i].name);
    }
    s += "template <class C> void show_inputs(std::string& o, C& c) {\n" + shows + "}\n";
    s += "template <class C> void show_outputs(std::string& o, C& c) {\n"
         "    if constexpr (C::has_ret) { o += \"return = \"; hlsv_dt::show(o, c.ret); "
         "o += \"\\n\"; }\n" +
         shows + "}\n";
    s += "} // namespace hlsv_drv\n";
    return s;
}

std::string driver_source(const DesignSpec& design, const fs::path& top_src,
                          const fs::path& variant_file, const Signature& sig,
                          const std::string& prelude) {
    std::string golden = read_file(top_src);
    std::string s =
        fmt::format("// hlsv difftest driver for {} (top {}): generated.\n", design.name, sig.top);
    if (!prelude.empty()) {
        s += "// ---- prelude (shared by golden and variant) ----\n" + prelude + "\n";
    }
    s += hoisted_includes(golden);
    s += runtime_text();
    s += fmt::format("namespace hlsv_golden {{\n#include \"{}\"\n}}\n", top_src.string());
    s += fmt::format("namespace hlsv_variant {{\n#include \"{}\"\n}}\n", variant_file.string());
    s += design_block(sig, "hlsv_golden::", "hlsv_variant::");
    s += driver_main_text();
    return s;
}

std::string witness_source(const DesignSpec& design, const fs::path& top_src, const Signature& sig,
                           const std::string& prelude, const Witness& w,
                           const std::vector<std::uint64_t>& words, const std::string& summary) {
    std::string file = fs::relative(top_src, design.dir).generic_string();
    std::string s = fmt::format(
        "// hlsv witness for {} (top {}): {}\n"
        "// The golden passes (exit 0); the variant fails. Build it with the design's other\n"
        "// sources, e.g. g++ -I<hls include> -I. hlsv_witness.cpp; for the variant add\n"
        "// -DHLSV_DUT='\"buggy.cpp\"'.\n//\n// Inputs:\n",
        design.name, sig.top, summary);
    std::istringstream in(w.inputs);
    std::string line;
    while (std::getline(in, line)) {
        s += "//   " + line + "\n";
    }
    if (!prelude.empty()) {
        s += prelude + "\n";
    }
    s += runtime_text();
    s +=
        fmt::format("#ifndef HLSV_DUT\n#define HLSV_DUT \"{}\"\n#endif\n#include HLSV_DUT\n", file);
    s += design_block(sig, "::", "::");
    s += "static const unsigned long long hlsv_words[] = {";
    for (std::size_t i = 0; i < words.size(); ++i) {
        s += (i % 8 ? " " : "\n    ") + std::to_string(words[i]) + "ull,";
    }
    s += words.empty() ? "0};\n" : "\n};\n";
    s += "static const char hlsv_expected[] = R\"HLSVW(" + w.expected + ")HLSVW\";\n";
    s += fmt::format(
        "int main() {{\n"
        "    using namespace hlsv_drv;\n"
        "    for (long c = 0; c < {0}L; ++c) {{ // earlier calls: they set the static state\n"
        "        auto* x = new Case();\n"
        "        auto s = hlsv_dt::Src::random({1}ull, (unsigned long long)c);\n"
        "        fill(s, *x);\n"
        "        call_golden(*x);\n"
        "    }}\n"
        "    auto* x = new Case();\n"
        "    auto s = hlsv_dt::Src::words(hlsv_words, {2});\n"
        "    fill(s, *x);\n"
        "    call_golden(*x);\n"
        "    std::string out;\n"
        "    show_outputs(out, *x);\n"
        "    if (out != hlsv_expected) {{\n"
        "        std::printf(\"witness: FAIL, outputs differ from the golden's\\nexpected:\\n%s"
        "actual:\\n%s\", hlsv_expected, out.c_str());\n"
        "        return 1;\n"
        "    }}\n"
        "    std::printf(\"witness: PASS\\n%s\", out.c_str());\n"
        "    return 0;\n}}\n",
        w.history, w.seed, words.size());
    return s;
}

} // namespace hlsv::difftest
