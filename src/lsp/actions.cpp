#include "actions.h"

#include "pragma_docs.h"

#include <cctype>
#include <regex>
#include <set>

namespace hlsv::lsp {

using json = nlohmann::json;

namespace {

struct Line {
    std::size_t start = 0; ///< byte offset of the line in the text
    std::string_view text; ///< without the newline
    bool last = false;     ///< no newline follows
};

Line get_line(const std::string& text, int line1) {
    Line l;
    std::size_t at = 0;
    for (int i = 1; i < line1; ++i) {
        at = text.find('\n', at);
        if (at == std::string::npos) {
            return {text.size(), {}, true};
        }
        ++at;
    }
    std::size_t end = text.find('\n', at);
    l.start = at;
    l.last = end == std::string::npos;
    l.text = std::string_view(text).substr(at, l.last ? std::string::npos : end - at);
    if (!l.text.empty() && l.text.back() == '\r') {
        l.text.remove_suffix(1);
    }
    return l;
}

json pos(int line0, int ch) {
    return {{"line", line0}, {"character", ch}};
}

/// A TextEdit replacing bytes [a, b) of 1-based line `line1`.
json replace_in_line(const Line& l, int line1, std::size_t a, std::size_t b,
                     const std::string& with, Encoding enc) {
    return {{"range",
             {{"start", pos(line1 - 1, character_of(l.text, a, enc))},
              {"end", pos(line1 - 1, character_of(l.text, b, enc))}}},
            {"newText", with}};
}

/// Removes the pragma on `line1`: the whole line when the pragma is alone on it.
std::optional<FixIt> remove_pragma(const std::string& text, int line1, Encoding enc,
                                   bool preferred) {
    Line l = get_line(text, line1);
    PragmaLine p = parse_pragma_line(l.text);
    if (p.directive.empty()) {
        return std::nullopt;
    }
    FixIt fix;
    fix.title = "Remove '" + std::string(l.text.substr(p.begin, p.end - p.begin)) + "'";
    fix.preferred = preferred;
    bool alone = l.text.find_first_not_of(" \t", p.end) == std::string_view::npos;
    if (alone && !l.last) {
        fix.edit = {{"range", {{"start", pos(line1 - 1, 0)}, {"end", pos(line1, 0)}}},
                    {"newText", ""}};
    } else {
        fix.edit = replace_in_line(l, line1, p.begin, p.end, "", enc);
    }
    return fix;
}

/// Replaces the first whole-word occurrence of `word` after byte `from` on the line.
std::optional<FixIt> respell(const std::string& text, int line1, std::size_t from,
                             const std::string& word, const std::string& with, Encoding enc) {
    Line l = get_line(text, line1);
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t at = l.text.find(word, from); at != std::string_view::npos;
         at = l.text.find(word, at + 1)) {
        bool left = at == 0 || !ident(l.text[at - 1]);
        bool right = at + word.size() >= l.text.size() || !ident(l.text[at + word.size()]);
        if (left && right) {
            return FixIt{"Change '" + word + "' to '" + with + "'",
                         replace_in_line(l, line1, at, at + word.size(), with, enc), true};
        }
    }
    return std::nullopt;
}

/// The first '...'-quoted word of a message.
std::string quoted(const std::string& message) {
    auto a = message.find('\'');
    auto b = a == std::string::npos ? a : message.find('\'', a + 1);
    return b == std::string::npos ? "" : message.substr(a + 1, b - a - 1);
}

/// Identifiers declared-looking in the text (every identifier; the closest one is checked to be
/// at most two edits away, so noise does not matter much).
std::vector<std::string> identifiers(const std::string& text) {
    std::set<std::string> seen;
    static const std::regex word(R"([A-Za-z_][A-Za-z0-9_]*)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word);
         it != std::sregex_iterator(); ++it) {
        seen.insert(it->str());
    }
    return {seen.begin(), seen.end()};
}

} // namespace

std::optional<FixIt> fix_it(const std::string& text, const check::Finding& f, Encoding enc) {
    const std::string& r = f.rule;
    Line l = get_line(text, f.line);
    PragmaLine p = parse_pragma_line(l.text);
    if (r == "hls-unknown-pragma-option" && !p.directive.empty()) {
        std::string what = quoted(f.message);
        if (f.message.rfind("unknown HLS directive", 0) == 0) {
            std::vector<std::string> names;
            for (const auto& d : directive_docs()) {
                names.push_back(d.name);
            }
            std::string best = closest_word(p.directive, names);
            if (!best.empty()) {
                std::string written(l.text.substr(p.dir_pos, p.directive.size()));
                return respell(text, f.line, p.dir_pos, written, best, enc);
            }
            return remove_pragma(text, f.line, enc, false);
        }
        const DirectiveDoc* doc = find_directive(p.directive);
        std::string key = what.substr(0, what.find('='));
        if (doc && !key.empty()) {
            std::string best = closest_word(key, doc->options);
            // Respell the key as written (options are case-insensitive).
            std::string lower_line(l.text);
            for (char& c : lower_line) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            std::size_t at = lower_line.find(key, p.dir_pos + p.directive.size());
            if (at != std::string::npos) {
                if (!best.empty()) {
                    std::string written(l.text.substr(at, key.size()));
                    return respell(text, f.line, at, written, best, enc);
                }
                // Remove the option with its value and the blank before it.
                std::size_t end = at + key.size();
                if (end < l.text.size() && l.text[end] == '=') {
                    end = l.text.find_first_of(" \t", end);
                    end = end == std::string_view::npos ? p.end : std::min(end, p.end);
                }
                std::size_t begin = at;
                while (begin > 0 && (l.text[begin - 1] == ' ' || l.text[begin - 1] == '\t')) {
                    --begin;
                }
                return FixIt{"Remove option '" + what + "'",
                             replace_in_line(l, f.line, begin, end, "", enc), true};
            }
        }
        return std::nullopt;
    }
    if (r == "hls-partition-factor" &&
        f.message.find("type=complete has factor=") != std::string::npos) {
        return respell(text, f.line, p.dir_pos, "complete", "cyclic", enc);
    }
    if ((r == "hls-pragma-variable" || r == "hls-interface-port") &&
        f.message.find("names nothing") != std::string::npos) {
        std::string name = quoted(f.message);
        std::string bare = name.substr(0, name.find_first_of(".["));
        auto words = identifiers(text);
        words.erase(std::remove(words.begin(), words.end(), bare), words.end());
        std::string best = closest_word(bare, words);
        if (!best.empty()) {
            return respell(text, f.line, p.dir_pos, bare, best, enc);
        }
        return std::nullopt;
    }
    // Pragmas that cannot be honoured where they stand: removing them keeps the intended
    // design (the outer pipeline, the first of two conflicting pragmas).
    static const std::set<std::string> removable = {
        "hls-nested-pipeline", "hls-conflicting-pragmas", "hls-dataflow-placement",
        "hls-pragma-placement"};
    if (!p.directive.empty() && f.severity != check::Severity::note) {
        return remove_pragma(text, f.line, enc, removable.count(r) > 0);
    }
    return std::nullopt;
}

FixIt ignore_action(const std::string& text, const check::Finding& f, Encoding /*enc*/) {
    // Character 0 of a line is the same in every encoding.
    Line l = get_line(text, f.line);
    std::size_t indent = l.text.find_first_not_of(" \t");
    std::string lead(l.text.substr(0, indent == std::string_view::npos ? 0 : indent));
    FixIt fix;
    fix.title = "Ignore " + f.rule + " here (// hlsv-ignore " + f.rule + ")";
    fix.edit = {{"range", {{"start", pos(f.line - 1, 0)}, {"end", pos(f.line - 1, 0)}}},
                {"newText", lead + "// hlsv-ignore " + f.rule + "\n"}};
    return fix;
}

json code_actions(const Document& doc, const Analysis& a, const std::vector<LineFix>& proven,
                  int first, int last, Encoding enc, const json& context_diagnostics) {
    json out = json::array();
    auto make = [&](const FixIt& fix, const std::string& rule, int line1) {
        json diags = json::array();
        if (context_diagnostics.is_array()) {
            for (const auto& d : context_diagnostics) {
                if (d.value("code", json()) == rule &&
                    d["range"]["start"].value("line", -1) == line1 - 1) {
                    diags.push_back(d);
                }
            }
        }
        json action = {{"title", fix.title},
                       {"kind", "quickfix"},
                       {"edit", {{"changes", {{doc.uri, json::array({fix.edit})}}}}}};
        if (!diags.empty()) {
            action["diagnostics"] = diags;
        }
        if (fix.preferred) {
            action["isPreferred"] = true;
        }
        return action;
    };
    std::vector<json> ignores;
    for (const auto& f : a.findings) {
        if (f.line - 1 < first || f.line - 1 > last || f.severity == check::Severity::note) {
            continue;
        }
        if (auto fix = fix_it(doc.text, f, enc)) {
            out.push_back(make(*fix, f.rule, f.line));
        }
        ignores.push_back(make(ignore_action(doc.text, f, enc), f.rule, f.line));
    }
    for (const auto& p : proven) {
        if (p.line - 1 < first || p.line - 1 > last) {
            continue;
        }
        Line l = get_line(doc.text, p.line);
        FixIt fix{p.title, replace_in_line(l, p.line, 0, l.text.size(), p.replacement, enc), true};
        out.push_back(make(fix, "hlsv-debug", p.line));
    }
    // Fixes first, suppressions after: editors list them in this order.
    for (auto& i : ignores) {
        out.push_back(std::move(i));
    }
    return out;
}

} // namespace hlsv::lsp
