// auto_check(): what can be said about an injection without running anything.
#include "inject.h"
#include "tokens.h"

#include <fmt/format.h>
#include <set>
#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_cpp();

namespace hlsv::inject {

namespace {

// Syntax errors tree-sitter finds (it recovers, so this is a count, not a failure).
int syntax_errors(std::string_view text) {
    TSParser* parser = ts_parser_new();
    if (!ts_parser_set_language(parser, tree_sitter_cpp())) {
        ts_parser_delete(parser);
        throw InternalError("tree-sitter C++ grammar has an incompatible ABI");
    }
    TSTree* tree =
        ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    int errors = 0;
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
    bool more = true;
    while (more) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (std::string_view(ts_node_type(n)) == "ERROR" || ts_node_is_missing(n)) {
            ++errors;
        }
        if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cur)) {
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur)) {
                more = false;
                break;
            }
        }
    }
    ts_tree_cursor_delete(&cur);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return errors;
}

bool known_type(const std::string& t) {
    try {
        return BugCatalog::get().find(t) != nullptr;
    } catch (const Error&) {
        auto s = supported_types();
        return std::find(s.begin(), s.end(), t) != s.end();
    }
}

} // namespace

AutoCheck auto_check(std::string_view source, const Injection& inj,
                     const std::vector<std::string>& requested, const ApplyOptions& opts) {
    AutoCheck r;
    r.applied = apply(source, inj, opts);
    for (const auto& e : r.applied.entries) {
        if (e.status != EntryStatus::applied) {
            r.problems.push_back(fmt::format("entry {} ({}): {}", e.index, e.type, e.message));
        }
    }
    std::set<std::string> types;
    for (const auto& s : inj.specs) {
        types.insert(s.type);
        if (!known_type(s.type)) {
            r.problems.push_back(fmt::format("unknown bug type '{}'", s.type));
        } else if (!requested.empty() &&
                   std::find(requested.begin(), requested.end(), s.type) == requested.end()) {
            r.problems.push_back(fmt::format("bug type '{}' was not requested", s.type));
        }
    }
    for (const auto& t : requested) {
        if (!types.count(t)) {
            r.problems.push_back(fmt::format("requested bug type '{}' is missing", t));
        }
    }
    if (inj.error_size != static_cast<int>(types.size()) &&
        inj.error_size != static_cast<int>(inj.specs.size())) {
        r.problems.push_back(fmt::format(
            "\"Error Size\" is {} but the file has {} type(s) in {} entr{}", inj.error_size,
            types.size(), inj.specs.size(), inj.specs.size() == 1 ? "y" : "ies"));
    }
    bool all_applied =
        r.problems.empty() ||
        std::all_of(r.applied.entries.begin(), r.applied.entries.end(),
                    [](const EntryResult& e) { return e.status == EntryStatus::applied; });
    if (all_applied && !r.applied.entries.empty()) {
        if (r.applied.buggy == source) {
            r.problems.push_back("the injection leaves the file unchanged");
        } else if (same_code(source, r.applied.buggy)) {
            r.problems.push_back("the injection changes only comments or whitespace (no-op)");
        } else if (syntax_errors(r.applied.buggy) > syntax_errors(source)) {
            r.problems.push_back("the buggy source no longer parses");
        }
    }
    r.ok = r.problems.empty();
    return r;
}

} // namespace hlsv::inject
