// Shared by the interface rules (IDAP, RAMB, SMA, AMS): a function's ports, their interface
// pragmas, and how the body indexes each array port.
#pragma once

#include "scan.h"

#include <string>
#include <vector>

namespace hlsv::inject {

struct Port {
    std::string name;
    bool is_array = false;
    const ScanPragma* pragma = nullptr; ///< its interface pragma, if any
    std::string mode;                   ///< lower-case interface mode ("" without pragma)
    int accesses = 0;                   ///< number of `name[...]` in the body
    bool data_dependent = false;        ///< an index depends on a value computed at run time
    bool simple = true; ///< every index is a bare loop counter or walks the port in order
};

std::vector<Port> ports_of(const Scan& s, const ScanFunction& f);

} // namespace hlsv::inject
