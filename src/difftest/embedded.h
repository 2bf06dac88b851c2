// The C++ text the generated programs are made of (src/difftest/runtime.h.in and
// driver_main.in, embedded at build time).
#pragma once

namespace hlsv::difftest {

const char* runtime_text();
const char* driver_main_text();

} // namespace hlsv::difftest
