// The matcher behind apply(): every level returns all occurrences so apply() can choose.
#include "match.h"

#include "tokens.h"

#include <cctype>
#include <string>

namespace hlsv::inject {

namespace {

bool is_ws(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Collapses whitespace runs to one space (trimmed), remembering each output byte's source offset.
struct Normalized {
    std::string text;
    std::vector<std::size_t> at;
};

Normalized normalize(std::string_view s) {
    Normalized n;
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (is_ws(s[i]) || (s[i] == '\\' && i + 1 < s.size() && is_ws(s[i + 1]))) {
            pending_space = !n.text.empty();
            continue;
        }
        if (pending_space) {
            n.text.push_back(' ');
            n.at.push_back(i - 1);
            pending_space = false;
        }
        n.text.push_back(s[i]);
        n.at.push_back(i);
    }
    return n;
}

// Comments replaced by spaces, keeping every other byte's offset.
std::string blank_comments(std::string_view s) {
    std::string out(s);
    for (const auto& t : tokenize(s)) {
        if (t.kind == TokKind::comment) {
            for (std::size_t i = t.begin; i < t.end; ++i) {
                if (out[i] != '\n') {
                    out[i] = ' ';
                }
            }
        }
    }
    return out;
}

std::vector<Match> find_text(std::string_view hay, std::string_view needle) {
    std::vector<Match> out;
    if (needle.empty()) {
        return out;
    }
    for (std::size_t p = hay.find(needle); p != std::string_view::npos;
         p = hay.find(needle, p + 1)) {
        out.push_back(Match{Span{p, p + needle.size()}, {}});
    }
    return out;
}

std::vector<Match> find_normalized(std::string_view hay, std::string_view needle) {
    Normalized h = normalize(hay);
    Normalized n = normalize(needle);
    std::vector<Match> out;
    if (n.text.empty()) {
        return out;
    }
    for (auto m : find_text(h.text, n.text)) {
        std::size_t b = h.at[m.span.begin];
        std::size_t e = h.at[m.span.end - 1] + 1;
        out.push_back(Match{Span{b, e}, {}});
    }
    return out;
}

bool same_text(const Token& a, const Token& b) {
    return a.text == b.text;
}

// Token sequence search; parts separated by ellipses match with any tokens in between.
std::vector<Match> find_tokens(std::string_view hay, std::string_view needle, bool allow_gaps) {
    std::vector<Match> out;
    auto ht = code_tokens(hay);
    auto nt = code_tokens(needle);
    std::vector<std::vector<Token>> parts(1);
    for (const auto& t : nt) {
        if (t.kind == TokKind::ellipsis && allow_gaps) {
            if (!parts.back().empty()) {
                parts.emplace_back();
            }
        } else {
            parts.back().push_back(t);
        }
    }
    if (parts.back().empty()) {
        parts.pop_back();
    }
    if (parts.empty()) {
        return out;
    }
    auto match_at = [&](std::size_t pos, const std::vector<Token>& part) {
        if (pos + part.size() > ht.size()) {
            return false;
        }
        for (std::size_t k = 0; k < part.size(); ++k) {
            if (!same_text(ht[pos + k], part[k])) {
                return false;
            }
        }
        return true;
    };
    for (std::size_t start = 0; start < ht.size(); ++start) {
        if (!match_at(start, parts[0])) {
            continue;
        }
        Match m;
        m.span.begin = ht[start].begin;
        std::size_t pos = start + parts[0].size();
        bool ok = true;
        for (std::size_t p = 1; p < parts.size() && ok; ++p) {
            // A gap spans at most a screenful of tokens: beyond that the quote means something
            // else.
            std::size_t limit = std::min(ht.size(), pos + 400);
            std::size_t q = pos;
            while (q < limit && !match_at(q, parts[p])) {
                ++q;
            }
            if (q >= limit) {
                ok = false;
                break;
            }
            m.gaps.push_back(Span{ht[pos - 1].end, ht[q].begin});
            pos = q + parts[p].size();
        }
        if (ok) {
            m.span.end = ht[pos - 1].end;
            out.push_back(std::move(m));
        }
    }
    return out;
}

} // namespace

bool has_ellipsis(std::string_view text) {
    for (const auto& t : tokenize(text)) {
        if (t.kind == TokKind::ellipsis) {
            return true;
        }
    }
    return false;
}

Matches find_all(std::string_view hay, std::string_view needle, bool naive) {
    Matches r;
    if (trim(needle).empty()) {
        return r;
    }
    if (r.all = find_text(hay, needle); !r.all.empty()) {
        r.mode = MatchMode::exact;
        return r;
    }
    if (r.all = find_text(hay, trim(needle)); !r.all.empty()) {
        r.mode = MatchMode::exact;
        r.trimmed = true;
        return r;
    }
    if (r.all = find_normalized(hay, needle); !r.all.empty()) {
        r.mode = MatchMode::whitespace;
        return r;
    }
    if (naive) {
        return r;
    }
    std::string blank = blank_comments(hay);
    // Comment-insensitive with the quote's own spacing kept between tokens that touch.
    std::string needle_blank = blank_comments(needle);
    if (r.all = find_normalized(blank, needle_blank); !r.all.empty()) {
        r.mode = MatchMode::comments;
        return r;
    }
    if (r.all = find_tokens(hay, needle, false); !r.all.empty()) {
        r.mode = MatchMode::tokens;
        return r;
    }
    if (has_ellipsis(needle)) {
        if (r.all = find_tokens(hay, needle, true); !r.all.empty()) {
            r.mode = MatchMode::ellipsis;
            return r;
        }
    }
    return r;
}

} // namespace hlsv::inject
