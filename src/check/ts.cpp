#include "ts.h"

#include "core/core.h"

extern "C" const TSLanguage* tree_sitter_cpp(void);

namespace hlsv::check {

Tree::Tree(std::string_view text) : Tree(text, nullptr) {}

Tree::Tree(std::string_view text, const TSTree* old) {
    TSParser* parser = ts_parser_new();
    if (!ts_parser_set_language(parser, tree_sitter_cpp())) {
        ts_parser_delete(parser);
        throw InternalError("tree-sitter C++ grammar has an incompatible ABI version");
    }
    tree_ = ts_parser_parse_string(parser, old, text.data(), static_cast<uint32_t>(text.size()));
    ts_parser_delete(parser);
    if (!tree_) {
        throw InternalError("tree-sitter failed to parse");
    }
}

Tree::~Tree() {
    ts_tree_delete(tree_);
}

std::string_view operator_of(TSNode n, std::string_view src) {
    TSNode op = field(n, "operator");
    if (!ts_node_is_null(op)) {
        return text_of(op, src);
    }
    // update_expression has no operator field: the anonymous child is "++" or "--".
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (!ts_node_is_named(c)) {
            return text_of(c, src);
        }
    }
    return {};
}

TSNode unwrap(TSNode n) {
    while (!ts_node_is_null(n)) {
        if (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) {
            n = ts_node_named_child(n, 0);
        } else if (is(n, "cast_expression")) {
            n = field(n, "value");
        } else {
            break;
        }
    }
    return n;
}

} // namespace hlsv::check
