// Splitting `#pragma HLS ...` text into a directive and normalized options. Vitis accepts both
// `key=value` options and legacy positional words (`array_partition variable=x complete`,
// `INTERFACE s_axilite port=x`); both are mapped onto one option vocabulary here.
#include "internal.h"

#include <algorithm>
#include <cctype>

namespace hlsv::parse::detail {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Removes `//` and `/* */` comments and backslash-newline continuations.
std::string strip_comments(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            out += ' ';
            ++i;
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
                ++i;
            }
            continue;
        }
        if (s[i] == '"') { // keep quoted text intact
            std::size_t e = s.find('"', i + 1);
            e = e == std::string_view::npos ? s.size() - 1 : e;
            out.append(s.substr(i, e - i + 1));
            i = e;
            continue;
        }
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            break;
        }
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            std::size_t e = s.find("*/", i + 2);
            if (e == std::string_view::npos) {
                break;
            }
            out += ' ';
            i = e + 1;
            continue;
        }
        out += s[i];
    }
    return out;
}

/// Whitespace-separated words, with `key = value` (spaces around `=`) joined into one word.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> raw;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) {
            ++i;
        }
        if (i >= s.size()) {
            break;
        }
        std::size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
            if (s[i] == '"') {
                std::size_t e = s.find('"', i + 1);
                i = e == std::string_view::npos ? s.size() : e + 1;
            } else {
                ++i;
            }
        }
        raw.emplace_back(s.substr(b, i - b));
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
        std::string w = raw[k];
        // "key" "=" "value", "key=" "value", "key" "=value"
        if (k + 1 < raw.size() && raw[k + 1] == "=" && k + 2 < raw.size()) {
            w += "=" + raw[k + 2];
            k += 2;
        } else if (!w.empty() && w.back() == '=' && k + 1 < raw.size()) {
            w += raw[++k];
        } else if (k + 1 < raw.size() && raw[k + 1].size() > 1 && raw[k + 1][0] == '=') {
            w += raw[++k];
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::string unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        return std::string(v.substr(1, v.size() - 2));
    }
    return std::string(v);
}

} // namespace

std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            space = true;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

PragmaText parse_pragma_text(std::string_view after_pragma) {
    PragmaText p;
    std::vector<std::string> w = words(strip_comments(after_pragma));
    if (w.empty() || lower(w[0]) != "hls") {
        p.text = squeeze(after_pragma);
        return p;
    }
    p.is_hls = true;
    if (w.size() < 2) {
        return p;
    }
    p.directive = lower(w[1]);
    p.text = p.directive;
    bool positional_mode_taken = false;
    for (std::size_t k = 2; k < w.size(); ++k) {
        p.text += " " + w[k];
        const std::string& word = w[k];
        auto eq = word.find('=');
        if (eq != std::string::npos && eq > 0) {
            std::string key = lower(word.substr(0, eq));
            std::string value = unquote(word.substr(eq + 1));
            if (key == "type" || key == "mode") {
                value = lower(value); // keywords: one spelling downstream
            }
            p.options[key] = value;
            continue;
        }
        std::string lw = lower(word);
        bool partition = p.directive == "array_partition" || p.directive == "array_reshape";
        if (partition && (lw == "complete" || lw == "cyclic" || lw == "block")) {
            p.options["type"] = lw;
        } else if (p.directive == "interface" && !positional_mode_taken &&
                   !p.options.contains("mode")) {
            p.options["mode"] = lw;
            positional_mode_taken = true;
        } else {
            p.options[lw] = true;
        }
    }
    return p;
}

} // namespace hlsv::parse::detail
