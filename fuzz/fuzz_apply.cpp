// The injection applier: a bug file applied to a source. The input is the bug file's JSON, a
// NUL byte, then the source text.
#include "fuzz_support.h"
#include "inject/inject.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string t = hlsv::fuzz::text(data, size);
    std::size_t nul = t.find('\0');
    if (nul == std::string::npos) {
        return 0;
    }
    return hlsv::fuzz::guarded([&] {
        hlsv::Injection inj = hlsv::parse_injection(std::string_view(t).substr(0, nul));
        (void)hlsv::inject::apply(std::string_view(t).substr(nul + 1), inj);
    });
}
