// A cassette of recorded LLM replies (JSON Lines), loaded by the replay backend.
#include "fuzz_support.h"
#include "llm/llm.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hlsv;
    fs::path p = fuzz::put("cassette.jsonl", fuzz::text(data, size));
    return fuzz::guarded([&] { (void)llm::make_replay(p); });
}
