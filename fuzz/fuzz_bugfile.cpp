// A Chrysalis bug file (the JSON of a published dataset or of an LLM reply).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string t = hlsv::fuzz::text(data, size);
    return hlsv::fuzz::guarded([&] { (void)hlsv::parse_injection(t); });
}
