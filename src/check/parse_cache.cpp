// ParseCache: the previous text of a buffer and its tree, so the next parse of an edited text
// only re-parses the changed region. The edit is found by comparing texts (common prefix and
// suffix) rather than taken from the editor's change events: the checker parses the text after
// inactive #if branches are blanked, and one typed `#if 0` changes text far from the keystroke.
#include "check.h"
#include "model.h"

#include <mutex>

namespace hlsv::check {

struct ParseCache::State {
    std::mutex mutex;
    std::string text;
    TSTree* tree = nullptr; ///< a copy of the tree of `text` (tree copies are cheap and shared)

    ~State() {
        if (tree) {
            ts_tree_delete(tree);
        }
    }
};

ParseCache::ParseCache() : state_(std::make_unique<State>()) {}
ParseCache::~ParseCache() = default;

namespace {

TSPoint point_at(std::string_view text, std::size_t offset) {
    TSPoint p{0, 0};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.row;
            line_start = i + 1;
        }
    }
    p.column = static_cast<uint32_t>(offset - line_start);
    return p;
}

/// The single edit that turns `before` into `after`: the span between their common prefix
/// and common suffix.
TSInputEdit edit_between(std::string_view before, std::string_view after) {
    std::size_t n = std::min(before.size(), after.size());
    std::size_t prefix = 0;
    while (prefix < n && before[prefix] == after[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < n - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
        ++suffix;
    }
    TSInputEdit e{};
    e.start_byte = static_cast<uint32_t>(prefix);
    e.old_end_byte = static_cast<uint32_t>(before.size() - suffix);
    e.new_end_byte = static_cast<uint32_t>(after.size() - suffix);
    e.start_point = point_at(after, prefix);
    e.old_end_point = point_at(before, e.old_end_byte);
    e.new_end_point = point_at(after, e.new_end_byte);
    return e;
}

} // namespace

std::unique_ptr<Tree> parse_with(ParseCache* cache, std::string_view text) {
    if (!cache) {
        return std::make_unique<Tree>(text);
    }
    auto& s = *cache->state_;
    std::lock_guard<std::mutex> lock(s.mutex);
    std::unique_ptr<Tree> tree;
    if (s.tree && text.size() < UINT32_MAX && s.text.size() < UINT32_MAX) {
        TSTree* old = ts_tree_copy(s.tree);
        TSInputEdit e = edit_between(s.text, text);
        ts_tree_edit(old, &e);
        try {
            tree = std::make_unique<Tree>(text, old);
        } catch (...) {
            ts_tree_delete(old);
            throw;
        }
        ts_tree_delete(old);
    } else {
        tree = std::make_unique<Tree>(text);
    }
    if (s.tree) {
        ts_tree_delete(s.tree);
    }
    s.tree = ts_tree_copy(tree->get());
    s.text.assign(text);
    return tree;
}

} // namespace hlsv::check
