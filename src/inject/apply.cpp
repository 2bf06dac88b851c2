// apply(): locate each entry's Original Code, check the edit is a real one, and splice the
// Faulty Code in, merging entries that touch the same span (two-type files often quote code an
// earlier entry rewrote).
#include "match.h"
#include "tokens.h"

#include <algorithm>
#include <fmt/format.h>

namespace hlsv::inject {

std::string_view to_string(MatchMode m) {
    switch (m) {
    case MatchMode::exact:
        return "exact";
    case MatchMode::whitespace:
        return "whitespace";
    case MatchMode::comments:
        return "comments";
    case MatchMode::tokens:
        return "tokens";
    case MatchMode::ellipsis:
        return "ellipsis";
    case MatchMode::rewritten:
        return "rewritten";
    case MatchMode::none:
        return "none";
    }
    return "none";
}

std::string_view to_string(EntryStatus s) {
    switch (s) {
    case EntryStatus::applied:
        return "applied";
    case EntryStatus::noop:
        return "noop";
    case EntryStatus::malformed:
        return "malformed";
    case EntryStatus::not_found:
        return "not_found";
    case EntryStatus::overlap:
        return "overlap";
    case EntryStatus::ambiguous:
        return "ambiguous";
    }
    return "not_found";
}

namespace {

struct Edit {
    std::size_t begin = 0; ///< span in the original source
    std::size_t end = 0;
    std::string text; ///< replacement
    int entry = 0;
};

bool is_keyword(std::string_view w) {
    static const char* const k[] = {"if", "for", "while", "switch", "return", "sizeof", "catch"};
    return std::find(std::begin(k), std::end(k), w) != std::end(k);
}

// "x = 0; #pragma HLS ..." — a pragma must start its own line.
bool pragma_after_code(std::string_view faulty) {
    auto toks = code_tokens(faulty);
    for (std::size_t i = 1; i + 1 < toks.size(); ++i) {
        if (toks[i].text == "#" && toks[i + 1].text == "pragma") {
            std::string_view between =
                faulty.substr(toks[i - 1].end, toks[i].begin - toks[i - 1].end);
            if (between.find('\n') == std::string_view::npos) {
                return true;
            }
        }
    }
    return false;
}

// Names of functions whose header (name '(' ... ')' '{') appears in `code`.
std::vector<std::string> function_headers(std::string_view code) {
    std::vector<std::string> out;
    auto t = code_tokens(code);
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i].kind != TokKind::ident || t[i + 1].text != "(" || is_keyword(t[i].text)) {
            continue;
        }
        const auto& prev = t[i - 1];
        if (!(prev.kind == TokKind::ident || prev.text == ">" || prev.text == "*" ||
              prev.text == "&" || prev.text == "::") ||
            is_keyword(prev.text) || prev.text == "return" || prev.text == "else") {
            continue;
        }
        int depth = 0;
        std::size_t j = i + 1;
        for (; j < t.size(); ++j) {
            depth += t[j].text == "(" ? 1 : t[j].text == ")" ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        if (j + 1 < t.size() && t[j + 1].text == "{") {
            out.emplace_back(t[i].text);
        }
    }
    return out;
}

bool mentions(std::string_view code, std::string_view name) {
    for (const auto& t : code_tokens(code)) {
        if (t.text == name) {
            return true;
        }
    }
    return false;
}

// Splits on ellipses (outside comments), dropping a leading or trailing one.
std::vector<std::string> split_ellipsis(std::string_view text) {
    std::vector<std::string> parts(1);
    std::size_t last = 0;
    for (const auto& t : tokenize(text)) {
        if (t.kind == TokKind::ellipsis) {
            parts.back() = std::string(text.substr(last, t.begin - last));
            parts.emplace_back();
            last = t.end;
        }
    }
    parts.back() = std::string(text.substr(last));
    if (parts.size() > 1 && trim(parts.front()).empty()) {
        parts.erase(parts.begin());
    }
    if (parts.size() > 1 && trim(parts.back()).empty()) {
        parts.pop_back();
    }
    return parts;
}

std::size_t count_ellipses(const std::vector<Token>& t, std::size_t b, std::size_t e) {
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i) {
        n += t[i].kind == TokKind::ellipsis;
    }
    return n;
}

// Every non-empty line is a #pragma: the entry adds pragmas rather than rewriting code.
bool pragma_only(std::string_view code) {
    bool any = false;
    std::size_t pos = 0;
    while (pos <= code.size()) {
        std::size_t nl = code.find('\n', pos);
        std::string_view line = trim(
            code.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (!line.empty()) {
            if (line.rfind("#pragma", 0) != 0 && line.rfind("# pragma", 0) != 0) {
                return false;
            }
            any = true;
        }
        if (nl == std::string_view::npos) {
            break;
        }
        pos = nl + 1;
    }
    return any;
}

// `void f(const data_t* in, ...` or `int g(...)`: a quote that starts with a function header
// and elides part of it.
bool elided_header(std::string_view original) {
    auto t = code_tokens(original);
    std::size_t paren = 0;
    while (paren < t.size() && t[paren].text != "(") {
        if (t[paren].text == ";" || t[paren].text == "=" || t[paren].text == "{" ||
            t[paren].kind == TokKind::ellipsis) {
            return false;
        }
        ++paren;
    }
    if (paren < 2 || paren >= t.size() || t[paren - 1].kind != TokKind::ident ||
        is_keyword(t[paren - 1].text)) {
        return false;
    }
    return count_ellipses(t, paren, t.size()) > 0;
}

std::string current_text(std::string_view src, const std::vector<Edit>& edits) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& e : edits) {
        out.append(src.substr(pos, e.begin - pos));
        out.append(e.text);
        pos = e.end;
    }
    out.append(src.substr(pos));
    return out;
}

class Applier {
  public:
    Applier(std::string_view src, const ApplyOptions& opts)
        : src_(src), lines_(std::string(src)), opts_(opts) {}

    void run(const Injection& inj, ApplyResult& r) {
        for (std::size_t k = 0; k < inj.specs.size(); ++k) {
            EntryResult e;
            e.index = static_cast<int>(k) + 1;
            e.type = inj.specs[k].type;
            entry(inj.specs[k], e, r);
            if (e.status != EntryStatus::applied && r.error.empty()) {
                r.error = fmt::format("entry {} ({}): {}", e.index, e.type, e.message);
            }
            r.entries.push_back(std::move(e));
        }
        std::sort(edits_.begin(), edits_.end(),
                  [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
        r.buggy = current_text(src_, edits_);
    }

  private:
    static void fail(EntryResult& e, EntryStatus st, std::string reason, std::string message) {
        e.status = st;
        e.reason = std::move(reason);
        e.message = std::move(message);
    }

    void entry(const ErrorSpec& given, EntryResult& e, ApplyResult& r) {
        ErrorSpec s = given;
        s.original = unwrap_quotes(s.original);
        s.faulty = unwrap_quotes(s.faulty);
        if (trim(s.original).empty()) {
            fail(e, EntryStatus::not_found, "original-not-found", "Original Code is empty");
            return;
        }
        if (s.original == s.faulty) {
            fail(e, EntryStatus::noop, "noop", "Faulty Code is identical to Original Code (no-op)");
            return;
        }
        if (same_code(s.original, s.faulty)) {
            fail(e, EntryStatus::noop, "noop",
                 "Faulty Code differs only in comments or whitespace (no-op)");
            return;
        }
        if (pragma_after_code(s.faulty)) {
            fail(e, EntryStatus::malformed, "malformed",
                 "Faulty Code puts a #pragma after code on the same line (malformed)");
            return;
        }
        bool header_pragma = pragma_only(s.faulty) && elided_header(s.original);
        if (!header_pragma) {
            for (const auto& name : function_headers(s.original)) {
                if (!mentions(s.faulty, name) && mentions(s.faulty, "pragma")) {
                    fail(e, EntryStatus::malformed, "malformed",
                         fmt::format("Faulty Code replaces the header of function '{}' with a "
                                     "pragma (malformed)",
                                     name));
                    return;
                }
            }
        }
        Matches ms = find_all(src_, s.original, opts_.naive);
        std::vector<const Match*> free;
        for (const auto& m : ms.all) {
            if (!overlaps(m.span)) {
                free.push_back(&m);
            }
        }
        e.candidates = static_cast<int>(ms.all.size());
        bool must_be_unique = opts_.unique || ms.mode == MatchMode::ellipsis;
        if (free.size() > 1 && must_be_unique && !s.line) {
            std::string where;
            for (const auto* m : free) {
                where +=
                    (where.empty() ? "" : ", ") + std::to_string(lines_.line_of(m->span.begin));
            }
            fail(e, EntryStatus::ambiguous, "ambiguous",
                 fmt::format("Original Code matches {} places (lines {}) and no \"Line\" says "
                             "which",
                             free.size(), where));
            e.line = lines_.line_of(free.front()->span.begin);
            return;
        }
        if (!free.empty()) {
            const Match& m = *choose(free, s.line);
            Edit ed;
            if (header_pragma ? !pragma_into_body(s, m, ed, e) : !replacement(src_, s, m, ed, e)) {
                return;
            }
            ed.entry = e.index;
            edits_.push_back(std::move(ed));
            e.status = EntryStatus::applied;
            e.mode = ms.mode;
            e.line = lines_.line_of(m.span.begin);
            note_ambiguity(ms, m, e, r);
            return;
        }
        // Every match (if any) collides with an earlier edit: look in the text as edited so far.
        if (!header_pragma && merge_into_current(s, ms.mode == MatchMode::none, e, r)) {
            return;
        }
        if (!ms.all.empty()) {
            const Match& m = ms.all.front();
            if (m.gaps.empty() && absorb_inner_edits(s, m, e)) {
                return;
            }
            e.line = lines_.line_of(m.span.begin);
            fail(
                e, EntryStatus::overlap, "overlap",
                fmt::format("edit at line {} overlaps an earlier entry's edit and cannot be merged",
                            e.line));
            return;
        }
        Closest c = closest(src_, s.original);
        std::string msg = "Original Code not found in the design";
        if (c.line > 0) {
            msg +=
                fmt::format("; closest: line {} (distance {}): '{}'", c.line, c.distance, c.text);
        }
        fail(e, EntryStatus::not_found, "original-not-found", std::move(msg));
    }

    // The pragma lines of `s.faulty` go on new lines right after the '{' that opens the body of
    // the function whose (elided) header `m` matched.
    bool pragma_into_body(const ErrorSpec& s, const Match& m, Edit& ed, EntryResult& e) const {
        auto t = code_tokens(src_.substr(m.span.begin));
        std::size_t i = 0;
        while (i < t.size() && t[i].text != "(") {
            ++i;
        }
        int depth = 0;
        for (; i < t.size(); ++i) {
            depth += t[i].text == "(" ? 1 : t[i].text == ")" ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        while (i < t.size() && t[i].text != "{" && t[i].text != ";") {
            ++i;
        }
        if (i >= t.size() || t[i].text != "{") {
            fail(e, EntryStatus::malformed, "malformed",
                 "Faulty Code replaces a function declaration without a body with a pragma "
                 "(malformed)");
            return false;
        }
        std::size_t at = m.span.begin + t[i].end;
        // Indent like the body's first line, or four spaces past the header.
        std::string indent = "    ";
        if (i + 1 < t.size()) {
            std::size_t next = m.span.begin + t[i + 1].begin;
            std::size_t bol = src_.rfind('\n', next);
            if (bol != std::string_view::npos && bol >= at) {
                indent = std::string(src_.substr(bol + 1, next - bol - 1));
            }
        }
        std::string text;
        for (std::size_t pos = 0; pos <= s.faulty.size();) {
            std::size_t nl = s.faulty.find('\n', pos);
            std::string_view line = trim(std::string_view(s.faulty).substr(
                pos, nl == std::string::npos ? std::string::npos : nl - pos));
            if (!line.empty()) {
                text += "\n" + indent + std::string(line);
            }
            if (nl == std::string::npos) {
                break;
            }
            pos = nl + 1;
        }
        ed.begin = ed.end = at;
        ed.text = std::move(text);
        e.message = "pragma-only Faulty Code for an elided function header: inserted at the top "
                    "of the function body";
        return true;
    }

    // The edit for match `m` of `s.original` in `hay`. Elided matches keep what the quote elides:
    // the change between quote and Faulty Code (same tokens at both ends stripped) is spliced
    // in where it falls, or piecewise when both elide the same places.
    bool replacement(std::string_view hay, const ErrorSpec& s, const Match& m, Edit& ed,
                     EntryResult& e) const {
        auto faulty_parts = split_ellipsis(s.faulty);
        if (m.tokens.empty()) {
            if (faulty_parts.size() > 1) {
                fail(e, EntryStatus::malformed, "malformed",
                     "Faulty Code elides code with '...' but Original Code does not (malformed)");
                return false;
            }
            ed.begin = m.span.begin;
            ed.end = m.span.end;
            bool verbatim = hay.substr(m.span.begin, m.span.end - m.span.begin) == s.original;
            ed.text = verbatim ? s.faulty : std::string(trim(s.faulty));
            return true;
        }
        auto qt = code_tokens(s.original);
        auto ft = code_tokens(s.faulty);
        std::size_t a = 0;
        while (a < qt.size() && a < ft.size() && qt[a].text == ft[a].text) {
            ++a;
        }
        std::size_t b = qt.size(), bf = ft.size();
        while (b > a && bf > a && qt[b - 1].text == ft[bf - 1].text) {
            --b;
            --bf;
        }
        if (count_ellipses(qt, a, b) == 0 && count_ellipses(ft, a, bf) == 0) {
            if (b > a) {
                ed.begin = m.tokens[a].begin;
                ed.end = m.tokens[b - 1].end;
                ed.text = bf > a ? s.faulty.substr(ft[a].begin, ft[bf - 1].end - ft[a].begin) : "";
                if (bf == a && a > 0) {
                    ed.begin = m.tokens[a - 1].end; // a deletion takes its leading space along
                }
            } else if (a > 0) {
                ed.begin = ed.end = m.tokens[a - 1].end;
                ed.text = s.faulty.substr(ft[a - 1].end, ft[bf - 1].end - ft[a - 1].end);
            } else {
                ed.begin = ed.end = m.tokens[0].begin;
                ed.text = s.faulty.substr(ft[0].begin, ft[bf].begin - ft[0].begin);
            }
            return true;
        }
        auto parts = split_ellipsis(s.faulty);
        if (parts.size() == m.gaps.size() + 1 && m.gaps.size() > 0) {
            ed.begin = m.span.begin;
            ed.end = m.span.end;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                ed.text.append(trim(parts[i])); // the gaps carry the design's own spacing
                if (i < m.gaps.size()) {
                    ed.text.append(hay.substr(m.gaps[i].begin, m.gaps[i].end - m.gaps[i].begin));
                }
            }
            return true;
        }
        fail(e, EntryStatus::malformed, "malformed",
             "Faulty Code drops or adds elided code ('...') that Original Code has elsewhere "
             "(malformed)");
        return false;
    }

    bool overlaps(const Span& sp) const {
        for (const auto& e : edits_) {
            if (sp.begin < e.end && e.begin < sp.end) {
                return true;
            }
        }
        return false;
    }

    const Match* choose(const std::vector<const Match*>& c, std::optional<int> hint) const {
        const Match* best = c.front();
        long best_score = score(*best, hint);
        for (const auto* m : c) {
            long sc = score(*m, hint);
            if (sc < best_score) {
                best = m;
                best_score = sc;
            }
        }
        return best;
    }

    long score(const Match& m, std::optional<int> hint) const {
        int line = lines_.line_of(m.span.begin);
        if (hint) {
            return std::labs(static_cast<long>(line - *hint));
        }
        // "A ... B" most plausibly elides the least code: the tightest gaps win, then the top
        // function.
        long gaps = 0;
        for (const auto& g : m.gaps) {
            gaps += static_cast<long>(g.end - g.begin);
        }
        long outside_top = 0;
        if (opts_.facts) {
            outside_top = 1;
            for (const auto& f : opts_.facts->functions) {
                if (f.is_top && line >= f.line_start && line <= f.line_end) {
                    outside_top = 0;
                }
            }
        }
        return gaps * 2 + outside_top;
    }

    void note_ambiguity(const Matches& ms, const Match& chosen, EntryResult& e,
                        ApplyResult& r) const {
        if (ms.all.size() < 2) {
            return;
        }
        std::string where;
        for (const auto& m : ms.all) {
            where += (where.empty() ? "" : ", ") + std::to_string(lines_.line_of(m.span.begin));
        }
        e.message = fmt::format("Original Code matches {} places (lines {}); chose line {}",
                                ms.all.size(), where, lines_.line_of(chosen.span.begin));
        r.warnings.push_back(fmt::format("entry {} ({}): {}", e.index, e.type, e.message));
    }

    // The quote is found in the text as edited so far: fold this entry into the edits it touches.
    bool merge_into_current(const ErrorSpec& s, bool absent_from_original, EntryResult& e,
                            ApplyResult& r) {
        if (edits_.empty()) {
            return false;
        }
        std::sort(edits_.begin(), edits_.end(),
                  [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
        std::string cur = current_text(src_, edits_);
        Matches ms = find_all(cur, s.original, opts_.naive);
        if (ms.all.empty()) {
            return false;
        }
        if (ms.all.size() > 1 && (opts_.unique || ms.mode == MatchMode::ellipsis) && !s.line) {
            return false;
        }
        const Match& m = ms.all.front();
        Edit local;
        EntryResult scratch = e;
        if (!replacement(cur, s, m, local, scratch)) {
            return false;
        }
        // The whole matched span, rewritten by the (possibly smaller) local edit.
        std::string rep = cur.substr(m.span.begin, local.begin - m.span.begin) + local.text +
                          cur.substr(local.end, m.span.end - local.end);
        // Current-text spans of the edits, to find which ones the match touches.
        std::size_t reg_b = m.span.begin, reg_e = m.span.end;
        std::vector<int> touched;
        long shift = 0;
        std::vector<std::pair<std::size_t, std::size_t>> cur_spans;
        for (const auto& ed : edits_) {
            std::size_t cb = static_cast<std::size_t>(static_cast<long>(ed.begin) + shift);
            std::size_t ce = cb + ed.text.size();
            cur_spans.emplace_back(cb, ce);
            shift += static_cast<long>(ed.text.size()) - static_cast<long>(ed.end - ed.begin);
        }
        for (std::size_t i = 0; i < edits_.size(); ++i) {
            auto [cb, ce] = cur_spans[i];
            if (m.span.begin < ce && cb < m.span.end) {
                touched.push_back(static_cast<int>(i));
                reg_b = std::min(reg_b, cb);
                reg_e = std::max(reg_e, ce);
            }
        }
        auto to_orig = [&](std::size_t c) {
            long sh = 0;
            for (std::size_t i = 0; i < edits_.size(); ++i) {
                if (cur_spans[i].first >= c) {
                    break;
                }
                sh = static_cast<long>(cur_spans[i].second) - static_cast<long>(edits_[i].end);
            }
            return static_cast<std::size_t>(static_cast<long>(c) - sh);
        };
        std::size_t ob = to_orig(reg_b);
        std::size_t oe = to_orig(reg_e);
        if (!touched.empty()) {
            ob = std::min(ob, edits_[touched.front()].begin);
            oe = std::max(oe, edits_[touched.back()].end);
        }
        std::string merged = cur.substr(reg_b, m.span.begin - reg_b) + rep +
                             cur.substr(m.span.end, reg_e - m.span.end);
        std::vector<Edit> kept;
        std::string partners;
        for (std::size_t i = 0; i < edits_.size(); ++i) {
            if (std::find(touched.begin(), touched.end(), static_cast<int>(i)) == touched.end()) {
                kept.push_back(edits_[i]);
            } else {
                partners += (partners.empty() ? "" : ", ") + std::to_string(edits_[i].entry);
            }
        }
        kept.push_back(Edit{ob, oe, merged, e.index});
        edits_ = std::move(kept);
        e.status = EntryStatus::applied;
        e.mode = absent_from_original ? MatchMode::rewritten : ms.mode;
        e.line = lines_.line_of(ob);
        e.candidates = static_cast<int>(ms.all.size());
        if (!partners.empty()) {
            e.message = fmt::format("merged with the edit of entry {}", partners);
            r.warnings.push_back(fmt::format("entry {} ({}): {}", e.index, e.type, e.message));
        }
        return true;
    }

    // The new quote encloses earlier edits whose original text it repeats: carry them inside.
    bool absorb_inner_edits(const ErrorSpec& s, const Match& m, EntryResult& e) {
        std::string rep(trim(s.faulty));
        std::vector<Edit> kept;
        for (const auto& ed : edits_) {
            bool inside = ed.begin >= m.span.begin && ed.end <= m.span.end;
            bool disjoint = ed.end <= m.span.begin || ed.begin >= m.span.end;
            if (disjoint) {
                kept.push_back(ed);
                continue;
            }
            std::string_view old_text = trim(src_.substr(ed.begin, ed.end - ed.begin));
            std::size_t p = inside && !old_text.empty() ? rep.find(old_text) : std::string::npos;
            if (p == std::string::npos) {
                return false;
            }
            rep.replace(p, old_text.size(), trim(ed.text));
        }
        kept.push_back(Edit{m.span.begin, m.span.end, rep, e.index});
        edits_ = std::move(kept);
        e.status = EntryStatus::applied;
        e.mode = MatchMode::exact;
        e.line = lines_.line_of(m.span.begin);
        e.message = "merged the earlier edits it encloses";
        return true;
    }

    std::string_view src_;
    SourceText lines_;
    const ApplyOptions& opts_;
    std::vector<Edit> edits_;
};

} // namespace

std::string unwrap_quotes(std::string_view code) {
    constexpr std::string_view q = "\"\"\"";
    std::string_view t = trim(code);
    bool lead = t.substr(0, 3) == q;
    bool tail = t.size() >= 3 && t.substr(t.size() - 3) == q;
    if (!lead && !tail) {
        return std::string(code);
    }
    if (lead) {
        t.remove_prefix(3);
    }
    if (tail && t.size() >= 3) {
        t.remove_suffix(3);
    }
    return std::string(trim(t));
}

ApplyResult apply(std::string_view source, const Injection& inj, const ApplyOptions& opts,
                  std::string_view file_name) {
    ApplyResult r;
    Applier a(source, opts);
    a.run(inj, r);
    bool all_applied = std::all_of(r.entries.begin(), r.entries.end(), [](const EntryResult& e) {
        return e.status == EntryStatus::applied;
    });
    if (all_applied && r.buggy == source) {
        r.error = "the injection leaves the file unchanged";
    }
    r.ok = all_applied && r.buggy != source && !r.entries.empty();
    if (opts.want_diff) {
        r.diff = unified_diff(source, r.buggy, file_name, &r.changed_lines);
    }
    return r;
}

} // namespace hlsv::inject
