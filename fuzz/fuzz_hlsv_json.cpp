// hlsv.json, read as `load_design` reads a design directory (the sources it names exist).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hlsv;
    static const bool files = [] {
        fuzz::put("json/f.cpp", "int f(int a) { return a; }\n");
        fuzz::put("json/tb.cpp", "int main() { return 0; }\n");
        return true;
    }();
    (void)files;
    fuzz::put("json/hlsv.json", fuzz::text(data, size));
    return fuzz::guarded([&] { (void)load_design(fuzz::scratch() / "json"); });
}
