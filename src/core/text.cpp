// Text helpers: line index, UTF-8 validation, binary sniffing, splitting.
#include "core.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace hlsv {

SourceText::SourceText(std::string text) : text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n' && i + 1 < text_.size()) {
            line_starts_.push_back(i + 1);
        }
    }
}

int SourceText::line_of(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

std::size_t SourceText::line_start(int line) const {
    if (line < 1) {
        return 0;
    }
    if (static_cast<std::size_t>(line) > line_starts_.size()) {
        return text_.size();
    }
    return line_starts_[static_cast<std::size_t>(line - 1)];
}

std::string_view SourceText::line(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) {
        return {};
    }
    std::size_t b = line_start(line);
    std::size_t e = text_.find('\n', b);
    if (e == std::string::npos) {
        e = text_.size();
    }
    if (e > b && text_[e - 1] == '\r') {
        --e;
    }
    return std::string_view(text_).substr(b, e - b);
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        unsigned c = u[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = 0;
        unsigned min = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            min = 0x80;
            c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            min = 0x800;
            c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(n) >= s.size()) {
            return false; // truncated sequence
        }
        for (int k = 1; k <= n; ++k) {
            unsigned cc = u[i + static_cast<std::size_t>(k)];
            if ((cc & 0xC0) != 0x80) {
                return false;
            }
            c = (c << 6) | (cc & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            return false;
        }
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

bool looks_binary(std::string_view s) {
    std::size_t n = std::min<std::size_t>(s.size(), 8192);
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) {
            return true;
        }
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
            ++control;
        }
    }
    return n > 0 && control * 10 > n;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::vector<nlohmann::json> read_jsonl(const fs::path& file) {
    std::vector<nlohmann::json> rows;
    std::istringstream in(read_file(file, 1u << 30));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (trim(line).empty()) {
            continue;
        }
        try {
            rows.push_back(nlohmann::json::parse(line));
        } catch (const nlohmann::json::exception&) {
            throw InputError(file, "line " + std::to_string(n) + " is not valid JSON");
        }
    }
    return rows;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (true) {
        std::size_t e = s.find(sep, b);
        if (e == std::string_view::npos) {
            out.emplace_back(s.substr(b));
            break;
        }
        out.emplace_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    auto ws = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && ws(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && ws(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

namespace {
std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Levenshtein distance with one row of memory.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}
} // namespace

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
    std::string key = lower_ascii(word);
    std::string best;
    std::size_t best_d = 3;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(key, lower_ascii(c));
        if (d < best_d && d < key.size()) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

} // namespace hlsv
