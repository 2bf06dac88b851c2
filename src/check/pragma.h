// Reading `#pragma HLS ...` text: directive, options (keys lower-case, legacy positional forms
// normalized) and which options the directive does not know. Private to the check module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hlsv::check {

struct PragmaText {
    std::string directive; ///< lower-case, "" when the text is not an HLS pragma
    std::vector<std::pair<std::string, std::string>> options; ///< key (lower-case) -> value
    std::vector<std::string> unknown; ///< options (or flags) the directive does not know
    bool known_directive = false;
    /// The condition of a conditional pragma (`HLS if (OPT == 1) pipeline`), nullopt otherwise.
    std::optional<std::string> condition;

    /// The value of `key`, or nullopt. Flags have the value "".
    std::optional<std::string> get(std::string_view key) const;
    bool has(std::string_view key) const { return get(key).has_value(); }
};

/// Parses the text after `#pragma` ("HLS pipeline II=1"). Returns an empty directive when the
/// first word is not HLS (e.g. `#pragma once`).
PragmaText parse_pragma_text(std::string_view text);

/// True for interface modes that move arrays (memories, streams, AXI masters).
bool is_memory_mode(std::string_view mode);
/// True for interface modes that carry one scalar value (wires, handshakes).
bool is_scalar_mode(std::string_view mode);

} // namespace hlsv::check
