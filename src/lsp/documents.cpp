#include "documents.h"

#include <cctype>
#include <cstring>

namespace hlsv::lsp {

namespace {

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes, so binary text still
// advances one byte at a time).
std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        return 3;
    }
    if ((lead & 0xF8) == 0xF0) {
        return 4;
    }
    return 1;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::size_t offset_of(std::string_view text, int line, int character, Encoding enc) {
    std::size_t at = 0;
    for (int l = 0; l < line; ++l) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string_view::npos) {
            return text.size();
        }
        at = nl + 1;
    }
    std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) {
        line_end = text.size();
    }
    if (line_end > at && text[line_end - 1] == '\r') {
        --line_end;
    }
    if (character <= 0) {
        return at;
    }
    if (enc == Encoding::utf8) {
        return std::min(at + static_cast<std::size_t>(character), line_end);
    }
    int units = 0;
    while (at < line_end && units < character) {
        std::size_t len =
            std::min(utf8_length(static_cast<unsigned char>(text[at])), line_end - at);
        units += len == 4 ? 2 : 1; // astral characters are surrogate pairs in UTF-16
        at += len;
    }
    return at;
}

int character_of(std::string_view line_text, std::size_t byte_col, Encoding enc) {
    byte_col = std::min(byte_col, line_text.size());
    if (enc == Encoding::utf8) {
        return static_cast<int>(byte_col);
    }
    int units = 0;
    for (std::size_t i = 0; i < byte_col;) {
        std::size_t len = utf8_length(static_cast<unsigned char>(line_text[i]));
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

std::optional<fs::path> uri_to_path(const std::string& uri) {
    const std::string scheme = "file://";
    if (uri.rfind(scheme, 0) != 0) {
        return std::nullopt;
    }
    std::string rest = uri.substr(scheme.size());
    // file://host/path: only an empty host or localhost name a local file.
    if (rest.rfind("localhost/", 0) == 0) {
        rest.erase(0, 9);
    }
    if (rest.empty() || rest[0] != '/') {
        return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 &&
            hex_value(rest[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
            i += 2;
        } else {
            out += rest[i];
        }
    }
    return fs::path(out);
}

std::string path_to_uri(const fs::path& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file://";
    for (unsigned char c : path.generic_string()) {
        if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void Documents::open(Document doc) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string uri = doc.uri;
    docs_[uri] = std::move(doc);
}

bool Documents::change(const std::string& uri, int version, const nlohmann::json& changes,
                       Encoding enc) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end() || !changes.is_array()) {
        return false;
    }
    std::string text = it->second.text;
    for (const auto& c : changes) {
        if (!c.is_object() || !c.contains("text") || !c["text"].is_string()) {
            return false;
        }
        const std::string& piece = c["text"].get_ref<const std::string&>();
        if (!c.contains("range")) {
            text = piece;
            continue;
        }
        const auto& r = c["range"];
        std::size_t a = 0, b = 0;
        try {
            a = offset_of(text, r.at("start").at("line").get<int>(),
                          r.at("start").at("character").get<int>(), enc);
            b = offset_of(text, r.at("end").at("line").get<int>(),
                          r.at("end").at("character").get<int>(), enc);
        } catch (const nlohmann::json::exception&) {
            return false;
        }
        if (b < a) {
            return false;
        }
        text.replace(a, b - a, piece);
    }
    it->second.text = std::move(text);
    it->second.version = version;
    return true;
}

void Documents::close(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mutex_);
    docs_.erase(uri);
}

std::optional<Document> Documents::get(const std::string& uri) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<int> Documents::version(const std::string& uri) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) {
        return std::nullopt;
    }
    return it->second.version;
}

} // namespace hlsv::lsp
