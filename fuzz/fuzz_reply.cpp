// What an LLM endpoint sends back: the HTTP body of a chat completion, and the model's reply
// text from which the injection JSON is extracted.
#include "fuzz_support.h"
#include "llm/internal.h"
#include "prompt/prompt.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string t = hlsv::fuzz::text(data, size);
    return hlsv::fuzz::guarded([&] {
        (void)hlsv::llm::detail::parse_completion(t);
        (void)hlsv::llm::detail::error_summary(t);
        (void)hlsv::prompt::extract_injection(t);
    });
}
