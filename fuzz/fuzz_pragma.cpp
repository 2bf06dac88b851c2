// Pragma text as a user writes it after `#pragma HLS`: both readers (the parser's facts and the
// checker's) must take any bytes without crashing.
#include "check/pragma.h"
#include "fuzz_support.h"
#include "parse/internal.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string t = hlsv::fuzz::text(data, size);
    return hlsv::fuzz::guarded([&] {
        (void)hlsv::parse::detail::parse_pragma_text(t);
        (void)hlsv::check::parse_pragma_text(t);
    });
}
