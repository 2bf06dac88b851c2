// The built-in code vectorizer: hashed bag of HLS C++ features from a tree-sitter parse.
// Vectors are raw sublinear term frequencies; the index applies corpus IDF and L2 norm at load
// time, so the weights follow the store's contents without re-embedding anything.
#include "rag.h"

#include <cctype>
#include <cmath>
#include <tree_sitter/api.h>
#include <unordered_map>

extern "C" const TSLanguage* tree_sitter_cpp();

namespace hlsv::rag {

namespace {

// Feature classes and their weights: pragmas and loop shape say most about which bugs fit.
enum Cls { k_ident, k_token, k_gram, k_pragma, k_loop, k_count };
constexpr float k_weight[k_count] = {1.0f, 0.5f, 0.5f, 2.0f, 1.5f};

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

/// Splits an identifier into lower-case sub-tokens at '_', digits and camelCase humps
/// ("inBufPing_2" -> in, buf, ping, 2; "HTTPServer" -> http, server).
std::vector<std::string> sub_tokens(std::string_view id) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) {
            out.push_back(lower(cur));
            cur.clear();
        }
    };
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        auto uc = static_cast<unsigned char>(c);
        if (c == '_') {
            flush();
            continue;
        }
        if (!cur.empty()) {
            auto prev = static_cast<unsigned char>(cur.back());
            bool digit_edge = std::isdigit(uc) != std::isdigit(prev);
            bool hump = std::isupper(uc) && std::islower(prev);
            bool acronym_end = std::isupper(uc) && std::isupper(prev) && i + 1 < id.size() &&
                               std::islower(static_cast<unsigned char>(id[i + 1]));
            if (digit_edge || hump || acronym_end) {
                flush();
            }
        }
        cur.push_back(c);
    }
    flush();
    return out;
}

bool is_loop(std::string_view type) {
    return type == "for_statement" || type == "while_statement" || type == "do_statement" ||
           type == "for_range_loop";
}

bool is_punctuation(std::string_view type) {
    return type == ";" || type == "," || type == "(" || type == ")" || type == "{" || type == "}" ||
           type == "[" || type == "]" || type == "::";
}

class FeatureBag {
  public:
    void add(Cls cls, std::string_view feature) {
        std::string key;
        key.reserve(feature.size() + 2);
        key.push_back(static_cast<char>('0' + cls));
        key.push_back(':');
        key.append(feature);
        auto& e = counts_[key];
        e.cls = cls;
        ++e.count;
    }
    std::vector<float> hashed(int dim) const {
        std::vector<float> v(static_cast<std::size_t>(dim), 0.0f);
        for (const auto& [key, e] : counts_) {
            std::uint64_t h = fnv1a(key);
            auto bucket = static_cast<std::size_t>(h % static_cast<std::uint64_t>(dim));
            float sign = (h >> 63) ? -1.0f : 1.0f;
            v[bucket] += sign * k_weight[e.cls] * (1.0f + std::log(static_cast<float>(e.count)));
        }
        return v;
    }

  private:
    struct Entry {
        Cls cls = k_ident;
        int count = 0;
    };
    std::unordered_map<std::string, Entry> counts_;
};

class Walker {
  public:
    Walker(std::string_view text, FeatureBag& bag) : text_(text), bag_(bag) {}

    void walk(TSNode root) {
        TSTreeCursor cur = ts_tree_cursor_new(root);
        std::vector<std::string_view> ancestors; // named ancestors' types
        std::vector<std::string_view> loops;     // enclosing loop kinds
        std::vector<bool> pushed_named, pushed_loop;
        bool descend = true;
        while (true) {
            TSNode node = ts_tree_cursor_current_node(&cur);
            bool entered_named = false, entered_loop = false;
            if (descend) {
                visit(node, ancestors, loops);
                if (ts_node_is_named(node)) {
                    ancestors.push_back(ts_node_type(node));
                    entered_named = true;
                    if (is_loop(ts_node_type(node))) {
                        loops.push_back(ts_node_type(node));
                        entered_loop = true;
                    }
                }
                if (ts_tree_cursor_goto_first_child(&cur)) {
                    pushed_named.push_back(entered_named);
                    pushed_loop.push_back(entered_loop);
                    continue;
                }
                if (entered_named) {
                    ancestors.pop_back();
                }
                if (entered_loop) {
                    loops.pop_back();
                }
            }
            if (ts_tree_cursor_goto_next_sibling(&cur)) {
                descend = true;
                continue;
            }
            if (!ts_tree_cursor_goto_parent(&cur)) {
                break;
            }
            if (pushed_named.back()) {
                ancestors.pop_back();
            }
            if (pushed_loop.back()) {
                loops.pop_back();
            }
            pushed_named.pop_back();
            pushed_loop.pop_back();
            descend = false;
        }
        ts_tree_cursor_delete(&cur);
    }

  private:
    std::string_view node_text(TSNode n) const {
        std::uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
        if (e > text_.size() || b > e) {
            return {};
        }
        return text_.substr(b, e - b);
    }

    void visit(TSNode node, const std::vector<std::string_view>& anc,
               const std::vector<std::string_view>& loops) {
        std::string_view type = ts_node_type(node);
        if (!ts_node_is_named(node)) {
            if (!is_punctuation(type)) {
                bag_.add(k_token, type);
            }
            return;
        }
        if (type == "comment" || type == "string_literal" || type == "raw_string_literal") {
            return;
        }
        // Node-type bigrams and trigrams: the code's structure independent of its names.
        if (!anc.empty()) {
            std::string g2 = std::string(anc.back()) + ">" + std::string(type);
            bag_.add(k_gram, g2);
            if (anc.size() >= 2) {
                bag_.add(k_gram, std::string(anc[anc.size() - 2]) + ">" + g2);
            }
        }
        if (is_loop(type)) {
            std::string path;
            for (auto l : loops) {
                path += std::string(l.substr(0, l.find('_'))) + ">";
            }
            path += std::string(type.substr(0, type.find('_')));
            bag_.add(k_loop, "nest:" + path);
            bag_.add(k_loop, "depth:" + std::to_string(loops.size() + 1));
            return;
        }
        if (type == "preproc_call") {
            pragma(node, loops.size());
            return;
        }
        if (type == "array_declarator" && (anc.empty() || anc.back() != "array_declarator")) {
            int rank = 0;
            for (TSNode n = node;
                 !ts_node_is_null(n) && std::string_view(ts_node_type(n)) == "array_declarator";
                 n = ts_node_named_child(n, 0)) {
                ++rank;
            }
            bag_.add(k_gram, "array-rank:" + std::to_string(rank));
            return;
        }
        if (ts_node_child_count(node) != 0) {
            return;
        }
        std::string_view text = node_text(node);
        if (type == "identifier" || type == "field_identifier" || type == "type_identifier" ||
            type == "namespace_identifier") {
            for (const auto& t : sub_tokens(text)) {
                bag_.add(k_ident, t);
            }
        } else if (type == "primitive_type") {
            bag_.add(k_token, text);
        } else if (type == "number_literal") {
            bag_.add(k_token, text.size() <= 4 ? text : std::string_view("<number>"));
        }
    }

    /// "#pragma HLS pipeline II=1": directive, option names, option values, nesting depth.
    void pragma(TSNode node, std::size_t depth) {
        std::string_view text = node_text(node);
        std::vector<std::string> words;
        std::string cur;
        for (char c : text) {
            if (std::isspace(static_cast<unsigned char>(c)) || c == '\\') {
                if (!cur.empty()) {
                    words.push_back(lower(cur));
                }
                cur.clear();
            } else {
                cur.push_back(c);
            }
        }
        if (!cur.empty()) {
            words.push_back(lower(cur));
        }
        if (words.size() < 3 || words[0] != "#pragma" || words[1] != "hls") {
            return;
        }
        const std::string& dir = words[2];
        bag_.add(k_pragma, dir);
        bag_.add(k_pragma, dir + "@" + std::to_string(depth));
        for (std::size_t i = 3; i < words.size(); ++i) {
            auto eq = words[i].find('=');
            if (eq == std::string::npos) {
                bag_.add(k_pragma, dir + ":" + words[i]);
                continue;
            }
            std::string key = words[i].substr(0, eq);
            bag_.add(k_pragma, dir + ":" + key);
            bag_.add(k_pragma, dir + ":" + words[i]);
        }
    }

    std::string_view text_;
    FeatureBag& bag_;
};

class CodeEmbedder final : public Embedder {
  public:
    explicit CodeEmbedder(int dim) : dim_(dim), parser_(ts_parser_new()) {
        if (dim <= 0) {
            throw InputError("embedding dimension must be positive");
        }
        if (!ts_parser_set_language(parser_, tree_sitter_cpp())) {
            ts_parser_delete(parser_);
            throw InternalError("tree-sitter C++ grammar ABI does not match the runtime");
        }
    }
    ~CodeEmbedder() override { ts_parser_delete(parser_); }

    std::string id() const override { return "hlsv-code-v1/" + std::to_string(dim_); }
    int dim() const override { return dim_; }
    bool corpus_weighted() const override { return true; }

    std::vector<std::vector<float>> embed(const std::vector<std::string>& texts) override {
        std::vector<std::vector<float>> out;
        out.reserve(texts.size());
        for (const auto& t : texts) {
            out.push_back(embed_one(t));
        }
        return out;
    }

  private:
    std::vector<float> embed_one(const std::string& text) {
        FeatureBag bag;
        TSTree* tree = ts_parser_parse_string(parser_, nullptr, text.data(),
                                              static_cast<uint32_t>(text.size()));
        if (tree) {
            Walker(text, bag).walk(ts_tree_root_node(tree));
            ts_tree_delete(tree);
        }
        return bag.hashed(dim_);
    }

    int dim_;
    TSParser* parser_;
};

} // namespace

std::unique_ptr<Embedder> make_code_embedder(int dim) {
    return std::make_unique<CodeEmbedder>(dim);
}

} // namespace hlsv::rag
