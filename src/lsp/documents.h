// The open documents: their in-memory text and version, edits in LSP positions (UTF-16 code
// units by default, or UTF-8 bytes when the client agrees), and file URIs.
#pragma once

#include "check/check.h"
#include "core/core.h"

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace hlsv::lsp {

enum class Encoding { utf16, utf8 };

/// LSP position (0-based line, character in `enc` units) to a byte offset in `text`, clamped to
/// the line's end and the text's end as the specification asks.
std::size_t offset_of(std::string_view text, int line, int character, Encoding enc);
/// Byte column (0-based) in `line_text` to a character in `enc` units.
int character_of(std::string_view line_text, std::size_t byte_col, Encoding enc);

/// `file:///a%20b/c.cpp` -> `/a b/c.cpp`; nullopt for other schemes.
std::optional<fs::path> uri_to_path(const std::string& uri);
/// An absolute path to a `file://` URI (percent-encoding what needs it).
std::string path_to_uri(const fs::path& path);

struct Document {
    std::string uri;
    fs::path path; ///< empty for non-file URIs (untitled buffers)
    std::string language;
    std::string text;
    int version = 0;
    /// The checker's last parse of this buffer, shared by the copies `Documents::get` hands
    /// out, so a check after a keystroke re-parses only around the edit.
    std::shared_ptr<check::ParseCache> parse_cache = std::make_shared<check::ParseCache>();
};

/// Thread-safe store of the open documents.
class Documents {
  public:
    void open(Document doc);
    /// Applies `textDocument/didChange` content changes (full or ranged) in order. False when
    /// the document is not open or a change is malformed (the text is left unchanged then).
    bool change(const std::string& uri, int version, const nlohmann::json& changes, Encoding enc);
    void close(const std::string& uri);
    /// A copy of the document (texts are small next to a check; copying avoids holding locks).
    std::optional<Document> get(const std::string& uri) const;
    /// The version only (cheap staleness test).
    std::optional<int> version(const std::string& uri) const;

  private:
    mutable std::mutex mutex_;
    std::map<std::string, Document> docs_;
};

} // namespace hlsv::lsp
