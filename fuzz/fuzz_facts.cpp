// Design facts through the tree-sitter path (functions, loops, arrays, pragmas, HLS types) and
// the static checker's model built on them, from any source text.
#include "check/check.h"
#include "fuzz_support.h"
#include "parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string t = hlsv::fuzz::text(data, size);
    // The tree-sitter path only: libclang is not our code, and takes 50 ms a run.
    hlsv::parse::Options o;
    o.use_libclang = false;
    return hlsv::fuzz::guarded([&] {
        auto facts = hlsv::parse::parse_source("design.cpp", t, o);
        (void)hlsv::parse::to_json(facts).dump();
        (void)hlsv::check::check_source("design.cpp", t, hlsv::check::Options{});
    });
}
