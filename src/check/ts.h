// Thin helpers over the tree-sitter C API: owning handles, node text and positions, and the
// handful of queries every check needs. Private to the check module.
#pragma once

#include <string>
#include <string_view>
#include <tree_sitter/api.h>

namespace hlsv::check {

/// The parse tree of one source text; owns the parser result.
class Tree {
  public:
    /// Parses C++ `text` (which must outlive the Tree). Throws InternalError when the grammar
    /// cannot be loaded (ABI mismatch).
    explicit Tree(std::string_view text);
    /// Parses `text` reusing `old`, a tree of an earlier text already edited (ts_tree_edit) to
    /// match it; `old` stays owned by the caller.
    Tree(std::string_view text, const TSTree* old);
    ~Tree();
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;
    TSNode root() const { return ts_tree_root_node(tree_); }
    const TSTree* get() const { return tree_; }

  private:
    TSTree* tree_ = nullptr;
};

inline std::string_view node_type(TSNode n) {
    return ts_node_type(n);
}
inline bool is(TSNode n, std::string_view type) {
    return !ts_node_is_null(n) && node_type(n) == type;
}
inline TSNode field(TSNode n, const char* name) {
    return ts_node_child_by_field_name(n, name,
                                       static_cast<uint32_t>(std::char_traits<char>::length(name)));
}
inline int line_of(TSNode n) {
    return static_cast<int>(ts_node_start_point(n).row) + 1;
}
inline int col_of(TSNode n) {
    return static_cast<int>(ts_node_start_point(n).column) + 1;
}
// The accessors below accept null nodes (tree-sitter's own end_* functions crash on them).
inline int end_line_of(TSNode n) {
    return ts_node_is_null(n) ? 0 : static_cast<int>(ts_node_end_point(n).row) + 1;
}
inline std::string_view text_of(TSNode n, std::string_view src) {
    if (ts_node_is_null(n)) {
        return {};
    }
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return b <= e && e <= src.size() ? src.substr(b, e - b) : std::string_view();
}
/// The operator token of a binary/assignment/update/unary expression ("" when none).
std::string_view operator_of(TSNode n, std::string_view src);
/// Strips parentheses and casts around an expression.
TSNode unwrap(TSNode n);
/// True when `inner` lies inside `outer` (byte ranges).
inline bool contains(TSNode outer, TSNode inner) {
    return !ts_node_is_null(outer) && !ts_node_is_null(inner) &&
           ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
           ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

/// Calls `fn(child)` for every child of `n` in field `name` (a field may repeat, as the
/// declarators of `int a, b;`). Uses a cursor: ts_node_field_name_for_child is unreliable in
/// tree-sitter 0.20 when unnamed children precede.
template <class Fn> void for_each_field(TSNode n, std::string_view name, Fn&& fn) {
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            const char* f = ts_tree_cursor_current_field_name(&c);
            if (f && name == f) {
                fn(ts_tree_cursor_current_node(&c));
            }
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
}

/// Calls `fn(node)` on `n` and every named descendant in pre-order; `fn` returns false to skip
/// the children of that node.
template <class Fn> void walk(TSNode n, Fn&& fn) {
    if (ts_node_is_null(n) || !fn(n)) {
        return;
    }
    // One cursor for the whole walk: a cursor per node costs an allocation per node, and the
    // checker walks every function several times on each keystroke in the editor.
    TSTreeCursor c = ts_tree_cursor_new(n);
    unsigned depth = 0;
    bool down = true;
    for (;;) {
        if (down && ts_tree_cursor_goto_first_child(&c)) {
            ++depth;
        } else {
            for (;;) {
                if (depth == 0) {
                    ts_tree_cursor_delete(&c);
                    return;
                }
                if (ts_tree_cursor_goto_next_sibling(&c)) {
                    break;
                }
                ts_tree_cursor_goto_parent(&c);
                --depth;
            }
        }
        TSNode child = ts_tree_cursor_current_node(&c);
        down = ts_node_is_named(child) && fn(child);
    }
}

} // namespace hlsv::check
