// Vitis HLS project files: an hls_config.cfg or a Tcl script (first byte chooses which), read as
// `load_design` reads a project folder.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hlsv;
    if (size == 0) {
        return 0;
    }
    bool tcl = data[0] & 1;
    fs::path dir = fuzz::scratch() / (tcl ? "tcl" : "cfg");
    static const bool files = [] {
        for (const char* d : {"tcl", "cfg"}) {
            fuzz::put(std::string(d) + "/k.cpp", "int k(int a) { return a; }\n");
            fuzz::put(std::string(d) + "/k_tb.cpp", "int main() { return 0; }\n");
        }
        return true;
    }();
    (void)files;
    fuzz::put(std::string(tcl ? "tcl/run_hls.tcl" : "cfg/hls_config.cfg"),
              fuzz::text(data + 1, size - 1));
    return fuzz::guarded([&] { (void)load_design(dir); });
}
