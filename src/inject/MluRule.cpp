// MLU sites: runs of hand-unrolled copies (one statement, or a group of statements repeated
// with different constants, e.g. "a += data[i + 1]; b += a;") lose one copy, and a loop that
// steps by the number of copies it holds gets a step that no longer matches them.
#include "MluRule.h"

#include "scan.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// A statement's shape with its constants abstracted: "acc += m[r][c + 2] * x[c + 2];" and
// "acc += m[r][c] * x[c];" share one, and so do "p1 += x[i + 1];" and "p0 += x[i];".
std::string shape(std::string_view line) {
    auto t = code_tokens(line);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if ((t[i].text == "+" || t[i].text == "-") && i + 1 < t.size() &&
            t[i + 1].kind == TokKind::number && i > 0 &&
            (t[i - 1].kind == TokKind::ident || t[i - 1].text == ")" || t[i - 1].text == "]")) {
            ++i;
            continue;
        }
        if (t[i].kind == TokKind::number) {
            out += "# ";
            continue;
        }
        std::string_view w = t[i].text;
        if (t[i].kind == TokKind::ident) {
            while (w.size() > 1 && std::isdigit(static_cast<unsigned char>(w.back()))) {
                w.remove_suffix(1); // lane names: p0, p1, ...
            }
        }
        out.append(w);
        out += ' ';
    }
    return out;
}

// "x[c] = 0;": clearing copies are often redundant (padding, borders), so dropping one is
// rarely observable.
bool clears(std::string_view line) {
    auto t = code_tokens(line);
    return t.size() >= 3 && t[t.size() - 1].text == ";" && t[t.size() - 2].text == "0" &&
           t[t.size() - 3].text == "=";
}

// A statement that can be dropped: not a declaration (later uses would not compile).
bool statement(const Scan& s, const parse::DesignFacts& facts, int ln) {
    std::string_view l = trim(s.src->line(ln));
    if (!is_code_line(s, ln) || l.empty() || l.back() != ';' || l.rfind("return", 0) == 0) {
        return false;
    }
    return std::none_of(facts.variables.begin(), facts.variables.end(),
                        [&](const parse::Variable& v) { return v.line == ln && !v.is_param; });
}

struct Run {
    int first = 0;  ///< first line of the first copy
    int period = 0; ///< lines per copy
    int copies = 0;
};

// The longest run of copies starting at `ln` with the smallest period that has two or more.
Run run_at(const Scan& s, const parse::DesignFacts& facts, int ln, int n) {
    for (int p = 1; p <= 3; ++p) {
        if (ln + 2 * p - 1 > n) {
            break;
        }
        std::vector<std::string> head;
        bool ok = true;
        for (int j = 0; j < p && ok; ++j) {
            ok = statement(s, facts, ln + j);
            if (ok) {
                head.push_back(shape(s.src->line(ln + j)));
            }
        }
        if (!ok) {
            break;
        }
        if (p > 1 && std::all_of(head.begin(), head.end(),
                                 [&](const std::string& h) { return h == head[0]; })) {
            break; // a run of period 1 is reported as such
        }
        int copies = 1;
        while (true) {
            int b = ln + copies * p;
            bool same = b + p - 1 <= n;
            bool differs = false;
            for (int j = 0; j < p && same; ++j) {
                same = statement(s, facts, b + j) && shape(s.src->line(b + j)) == head[j];
                differs = differs || trim(s.src->line(b + j)) != trim(s.src->line(ln + j));
            }
            if (!same || !differs) {
                break;
            }
            ++copies;
        }
        if (copies >= 2) {
            return {ln, p, copies};
        }
    }
    return {};
}

std::string right_trimmed(std::string_view l) {
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r')) {
        l.remove_suffix(1);
    }
    return std::string(l);
}

} // namespace

std::vector<Site> MluRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    int n = static_cast<int>(source.line_count());
    std::vector<Run> runs;
    for (int ln = 1; ln <= n; ++ln) {
        Run r = run_at(s, facts, ln, n);
        if (r.copies < 2) {
            continue;
        }
        bool clearing = true;
        for (int k = r.first; k < r.first + r.copies * r.period; ++k) {
            clearing = clearing && clears(source.line(k));
        }
        if (!clearing) {
            runs.push_back(r);
        }
        ln = r.first + r.copies * r.period - 1;
    }
    for (const auto& r : runs) {
        // Copy g (g >= 1) is dropped; the last line of copy g - 1 anchors the edit.
        for (int g = 1; g < r.copies; ++g) {
            int b = r.first + g * r.period, anchor = b - 1;
            Site site =
                line_site(s, type(), id(), anchor, std::string(trim(source.line(anchor))), "");
            for (int j = 0; j < r.period; ++j) {
                site.original += '\n';
                site.original += right_trimmed(source.line(b + j));
            }
            site.explanation =
                r.period == 1
                    ? fmt::format("the unrolled statement '{}' (copy {} of {}) was dropped",
                                  trim(source.line(b)), g + 1, r.copies)
                    : fmt::format("the unrolled copy starting with '{}' ({} statements, copy {} "
                                  "of {}) was dropped",
                                  trim(source.line(b)), r.period, g + 1, r.copies);
            out.push_back(std::move(site));
        }
        // The enclosing loop steps by the number of copies: make the step miss one.
        int l = s.loop_at(r.first);
        if (l < 0) {
            continue;
        }
        const ScanLoop& loop = s.loops[static_cast<std::size_t>(l)];
        auto st = code_tokens(loop.step);
        if (st.size() != 3 || st[0].kind != TokKind::ident || st[1].text != "+=" ||
            st[2].kind != TokKind::number ||
            std::atoi(std::string(st[2].text).c_str()) != r.copies) {
            continue;
        }
        std::string header(source.line(loop.line));
        std::string step = loop.step;
        std::string slipped = std::string(st[0].text) + " += " + std::to_string(r.copies + 1);
        auto pos = header.find(step);
        if (pos == std::string::npos || header.find(step, pos + 1) != std::string::npos) {
            continue;
        }
        header.replace(pos, step.size(), slipped);
        out.push_back(line_site(
            s, type(), id(), loop.line, header,
            fmt::format("the loop now steps by {} but its body holds {} unrolled copies, so "
                        "one element in every {} is skipped",
                        r.copies + 1, r.copies, r.copies + 1)));
    }
    std::sort(out.begin(), out.end(), [](const Site& a, const Site& b) { return a.line < b.line; });
    return out;
}

} // namespace hlsv::inject
