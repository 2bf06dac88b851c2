#include "pragma.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace hlsv::check {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return out;
}

const std::set<std::string, std::less<>> k_modes = {
    "ap_none",   "ap_vld",       "ap_ack",     "ap_hs",        "ap_ovld", "ap_stable",
    "ap_memory", "bram",         "ap_bus",     "ap_fifo",      "axis",    "m_axi",
    "s_axilite", "ap_ctrl_none", "ap_ctrl_hs", "ap_ctrl_chain"};

// Options each directive accepts (Vitis HLS 2023 spelling, lower-case). Flags are listed too.
const std::map<std::string, std::set<std::string, std::less<>>, std::less<>>& known_options() {
    static const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> table = {
        {"pipeline", {"ii", "off", "rewind", "style", "enable_flush"}},
        {"unroll", {"factor", "off", "skip_exit_check", "region"}},
        {"array_partition", {"variable", "type", "factor", "dim", "off"}},
        {"array_reshape", {"variable", "type", "factor", "dim", "off", "object"}},
        {"interface",
         {"mode",
          "port",
          "bundle",
          "offset",
          "depth",
          "register",
          "register_mode",
          "name",
          "latency",
          "num_read_outstanding",
          "num_write_outstanding",
          "max_read_burst_length",
          "max_write_burst_length",
          "max_widen_bitwidth",
          "channel",
          "clock",
          "storage_type",
          "storage_impl",
          "interrupt",
          "axi_protocol"}},
        {"dataflow", {"disable_start_propagation"}},
        {"array_stencil", {"variable", "off"}},
        {"inline", {"off", "recursive", "region", "self"}},
        {"loop_tripcount", {"min", "max", "avg"}},
        {"stream", {"variable", "depth", "off", "type"}},
        {"bind_storage", {"variable", "type", "impl", "latency"}},
        {"bind_op", {"variable", "op", "impl", "latency"}},
        {"dependence",
         {"variable", "class", "type", "direction", "distance", "dependent", "inter", "intra",
          "raw", "war", "waw", "array", "pointer", "false", "true"}},
        {"loop_flatten", {"off"}},
        {"loop_merge", {"force"}},
        {"latency", {"min", "max"}},
        {"allocation", {"instances", "limit", "function", "operation"}},
        {"aggregate", {"variable", "compact"}},
        {"disaggregate", {"variable"}},
        {"reset", {"variable", "off"}},
        {"expression_balance", {"off"}},
        {"function_instantiate", {"variable"}},
        {"occurrence", {"cycle", "off"}},
        {"protocol", {"mode", "floating", "fixed"}},
        {"stable", {"variable"}},
        {"top", {"name"}},
        {"performance", {"target_ti", "target_tl", "unit", "target", "scope"}},
        {"alias", {"ports", "distance", "offset"}},
        {"cache", {"port", "lines", "depth", "ways", "users", "burst", "write_mode"}},
        {"resource", {"variable", "core", "latency", "metadata"}},
        {"data_pack", {"variable", "instance", "byte_pad"}},
        {"array_map", {"variable", "instance", "horizontal", "vertical", "offset"}},
        {"function_instantiate", {"variable"}},
    };
    return table;
}

// Splits on whitespace, keeping "key = value" together and quoted values whole.
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) {
            ++i;
        }
        if (i >= s.size()) {
            break;
        }
        std::string tok;
        if (s[i] == '=') {
            tok = "=";
            ++i;
        } else if (s[i] == '"') {
            std::size_t close = s.find('"', i + 1);
            if (close == std::string_view::npos) {
                tok = std::string(s.substr(i + 1));
                i = s.size();
            } else {
                tok = std::string(s.substr(i + 1, close - i - 1));
                i = close + 1;
            }
        } else {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=' &&
                   s[i] != ',') {
                tok += s[i++];
            }
        }
        out.push_back(tok);
    }
    // Join "key", "=", "value" into "key=value"; an expression value written with spaces
    // (`max = M * K`, `max=M * K`) continues while an operator joins its pieces.
    auto op_edge = [](char c) {
        return c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '(' || c == ')' ||
               c == '<' || c == '>' || c == '&' || c == '|' || c == '^';
    };
    std::vector<std::string> joined;
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (out[k] == "=") {
            continue;
        }
        std::string word = out[k];
        if (k + 2 < out.size() && out[k + 1] == "=") {
            word += "=" + out[k + 2];
            k += 2;
        }
        if (word.find('=') != std::string::npos) {
            while (k + 1 < out.size() && !out[k + 1].empty() && out[k + 1] != "=" &&
                   (op_edge(word.back()) || op_edge(out[k + 1].front())) &&
                   !(k + 2 < out.size() && out[k + 2] == "=") &&
                   out[k + 1].find('=') == std::string::npos) {
                word += out[++k];
            }
        }
        joined.push_back(std::move(word));
    }
    return joined;
}

} // namespace

std::optional<std::string> PragmaText::get(std::string_view key) const {
    for (const auto& [k, v] : options) {
        if (k == key) {
            return v;
        }
    }
    return std::nullopt;
}

bool is_memory_mode(std::string_view mode) {
    return mode == "m_axi" || mode == "bram" || mode == "ap_memory" || mode == "ap_fifo" ||
           mode == "axis";
}

bool is_scalar_mode(std::string_view mode) {
    return mode == "ap_none" || mode == "ap_vld" || mode == "ap_ack" || mode == "ap_hs" ||
           mode == "ap_ovld" || mode == "ap_stable";
}

PragmaText parse_pragma_text(std::string_view text) {
    PragmaText p;
    // `HLS if (cond) directive ...` (Vitis conditional pragmas): keep the condition apart.
    std::string rest;
    {
        std::size_t i = 0;
        auto skip = [&] {
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) {
                ++i;
            }
        };
        skip();
        if (lower(text.substr(i, 3)) == "hls") {
            i += 3;
            skip();
            if (lower(text.substr(i, 2)) == "if" && i + 2 < text.size() &&
                (text[i + 2] == '(' || std::isspace(static_cast<unsigned char>(text[i + 2])))) {
                std::size_t j = text.find('(', i);
                int level = 0;
                std::size_t k = j;
                for (; j != std::string_view::npos && k < text.size(); ++k) {
                    level += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
                    if (level == 0) {
                        break;
                    }
                }
                if (j != std::string_view::npos && k < text.size()) {
                    p.condition = std::string(text.substr(j + 1, k - j - 1));
                    rest = "HLS " + std::string(text.substr(k + 1));
                    text = rest;
                }
            }
        }
    }
    auto toks = tokens(text);
    if (toks.size() < 2 || lower(toks[0]) != "hls") {
        return p;
    }
    p.directive = lower(toks[1]);
    const auto& table = known_options();
    auto known = table.find(p.directive);
    p.known_directive = known != table.end();
    for (std::size_t i = 2; i < toks.size(); ++i) {
        const std::string& t = toks[i];
        auto eq = t.find('=');
        std::string key = lower(eq == std::string::npos ? t : t.substr(0, eq));
        std::string value = eq == std::string::npos ? "" : t.substr(eq + 1);
        if (eq == std::string::npos) {
            // Legacy positional forms.
            if ((p.directive == "array_partition" || p.directive == "array_reshape") &&
                (key == "complete" || key == "cyclic" || key == "block")) {
                p.options.emplace_back("type", key);
                continue;
            }
            if (p.directive == "interface" && k_modes.count(key)) {
                p.options.emplace_back("mode", key);
                continue;
            }
        }
        if (key == "mode" || key == "type") {
            value = lower(value);
        }
        if (p.known_directive && !known->second.count(key)) {
            p.unknown.push_back(eq == std::string::npos ? key : key + "=" + value);
        }
        p.options.emplace_back(key, value);
    }
    return p;
}

} // namespace hlsv::check
