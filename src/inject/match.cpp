// The matcher behind apply(): every level returns all occurrences so apply() can choose.
#include "match.h"

#include "tokens.h"

#include <algorithm>
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
        out.push_back(Match{Span{p, p + needle.size()}, {}, {}});
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
        out.push_back(Match{Span{b, e}, {}, {}});
    }
    return out;
}

bool same_text(const Token& a, const Token& b) {
    return a.text == b.text;
}

bool opens(std::string_view t) {
    return t == "(" || t == "[" || t == "{";
}

bool closes(std::string_view t) {
    return t == ")" || t == "]" || t == "}";
}

// Token sequence search without gaps (an ellipsis in the quote must be one in the design).
std::vector<Match> find_tokens(std::string_view hay, std::string_view needle) {
    std::vector<Match> out;
    auto ht = code_tokens(hay);
    auto nt = code_tokens(needle);
    if (nt.empty()) {
        return out;
    }
    for (std::size_t start = 0; start + nt.size() <= ht.size(); ++start) {
        std::size_t k = 0;
        while (k < nt.size() && same_text(ht[start + k], nt[k])) {
            ++k;
        }
        if (k == nt.size()) {
            out.push_back(Match{Span{ht[start].begin, ht[start + nt.size() - 1].end}, {}, {}});
        }
    }
    return out;
}

// `...` in the quote stands for any source text whose brackets balance and that stays inside
// the construct enclosing it: `for (...) { ... }` elides a header and a whole body, never the
// code after the loop. The shortest such gap is taken, so each start gives at most one match;
// only when no balanced gap exists may the gap open blocks (never close one it did not open).
std::vector<Match> find_elided(std::string_view hay, std::string_view needle, bool loose) {
    std::vector<Match> out;
    auto ht = code_tokens(hay);
    auto nt = code_tokens(needle);
    struct Part {
        std::size_t first = 0; ///< index in nt
        std::size_t n = 0;
    };
    std::vector<Part> parts;
    for (std::size_t i = 0; i < nt.size(); ++i) {
        if (nt[i].kind == TokKind::ellipsis) {
            continue;
        }
        if (parts.empty() || nt[i - 1].kind == TokKind::ellipsis) {
            parts.push_back(Part{i, 0});
        }
        ++parts.back().n;
    }
    if (parts.empty()) {
        return out;
    }
    auto match_at = [&](std::size_t pos, const Part& part) {
        if (pos + part.n > ht.size()) {
            return false;
        }
        for (std::size_t k = 0; k < part.n; ++k) {
            if (!same_text(ht[pos + k], nt[part.first + k])) {
                return false;
            }
        }
        return true;
    };
    std::vector<std::size_t> part_at(parts.size());
    for (std::size_t start = 0; start < ht.size(); ++start) {
        if (!match_at(start, parts[0])) {
            continue;
        }
        part_at[0] = start;
        std::size_t pos = start + parts[0].n;
        bool ok = true;
        for (std::size_t p = 1; p < parts.size() && ok; ++p) {
            // Balanced first; failing that, the gap may descend into blocks it opens ("int
            // acc = 0; ... out[i] = acc;" with the store inside a later loop).
            std::size_t q = pos;
            ok = false;
            // `loose` (the caller's last resort, when no start matches otherwise), as before
            // elision got structure: any gap of at most a screenful of tokens ("acc += a[i];
            // ... b[i] += 1;" across two loops).
            for (int level = loose ? 2 : 0; level <= (loose ? 2 : 1); ++level) {
                int depth = 0;
                std::size_t limit = level == 2 ? std::min(ht.size(), pos + 400) : ht.size();
                for (q = pos; q < limit; ++q) {
                    if ((depth == 0 || level > 0) && match_at(q, parts[p])) {
                        ok = true;
                        break;
                    }
                    if (opens(ht[q].text)) {
                        ++depth;
                    } else if (closes(ht[q].text) && --depth < 0 && level < 2) {
                        break; // the gap would leave the enclosing construct
                    }
                }
                if (ok) {
                    break;
                }
            }
            part_at[p] = q;
            pos = q + parts[p].n;
        }
        if (!ok) {
            continue;
        }
        Match m;
        m.span = Span{ht[start].begin, ht[pos - 1].end};
        m.tokens.resize(nt.size(), Span{m.span.begin, m.span.begin});
        for (std::size_t p = 0; p < parts.size(); ++p) {
            for (std::size_t k = 0; k < parts[p].n; ++k) {
                const auto& t = ht[part_at[p] + k];
                m.tokens[parts[p].first + k] = Span{t.begin, t.end};
            }
            if (p > 0) {
                Span gap{ht[part_at[p - 1] + parts[p - 1].n - 1].end, ht[part_at[p]].begin};
                m.gaps.push_back(gap);
                for (std::size_t i = parts[p - 1].first + parts[p - 1].n; i < parts[p].first; ++i) {
                    m.tokens[i] = gap;
                }
            }
        }
        for (std::size_t i = parts.back().first + parts.back().n; i < nt.size(); ++i) {
            m.tokens[i] = Span{m.span.end, m.span.end}; // a trailing ellipsis
        }
        out.push_back(std::move(m));
    }
    return out;
}

std::string collapse(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_ws(c)) {
            if (!out.empty() && out.back() != ' ') {
                out.push_back(' ');
            }
        } else {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

// Levenshtein distance, giving up (returning `cap`) once every path costs at least `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
    std::vector<std::size_t> row(b.size() + 1), next(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        next[0] = i;
        std::size_t best = next[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1])});
            best = std::min(best, next[j]);
        }
        if (best >= cap) {
            return cap;
        }
        std::swap(row, next);
    }
    return std::min(row[b.size()], cap);
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
    if (r.all = find_tokens(hay, needle); !r.all.empty()) {
        r.mode = MatchMode::tokens;
        return r;
    }
    if (has_ellipsis(needle)) {
        if (r.all = find_elided(hay, needle, false); r.all.empty()) {
            r.all = find_elided(hay, needle, true);
        }
        if (!r.all.empty()) {
            r.mode = MatchMode::ellipsis;
            return r;
        }
    }
    return r;
}

Closest closest(std::string_view hay, std::string_view needle) {
    // An elided quote is compared by its longest piece: the rest may be anything.
    std::string_view piece = needle;
    std::size_t last = 0;
    for (const auto& t : tokenize(needle)) {
        if (t.kind == TokKind::ellipsis) {
            std::string_view before = needle.substr(last, t.begin - last);
            if (last == 0 || before.size() > piece.size()) {
                piece = before;
            }
            last = t.end;
        }
    }
    if (last != 0 && needle.size() - last > piece.size()) {
        piece = needle.substr(last);
    }
    std::string want = collapse(piece).substr(0, 160);
    int want_lines = 1;
    for (char c : trim(piece)) {
        want_lines += c == '\n';
    }
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < hay.size();) {
        std::size_t nl = hay.find('\n', pos);
        std::size_t e = nl == std::string_view::npos ? hay.size() : nl;
        lines.push_back(hay.substr(pos, e - pos));
        pos = e + 1;
    }
    Closest best;
    std::size_t cap = want.size() + 1;
    constexpr std::size_t k_max_lines = 20000;
    for (std::size_t i = 0; i < lines.size() && i < k_max_lines; ++i) {
        std::string window;
        for (std::size_t k = i; k < lines.size() && k < i + static_cast<std::size_t>(want_lines);
             ++k) {
            window += lines[k];
            window += '\n';
        }
        std::string cand = collapse(window).substr(0, 160);
        if (cand.empty()) {
            continue;
        }
        std::size_t lo =
            cand.size() > want.size() ? cand.size() - want.size() : want.size() - cand.size();
        if (lo >= cap) {
            continue;
        }
        std::size_t d = edit_distance(want, cand, cap);
        if (d < cap) {
            cap = d;
            best.line = static_cast<int>(i) + 1;
            best.distance = d;
            best.text = cand.substr(0, 80);
        }
    }
    return best;
}

} // namespace hlsv::inject
