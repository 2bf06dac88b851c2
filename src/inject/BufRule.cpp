#include "BufRule.h"

#include "scan.h"

#include <fmt/format.h>

namespace hlsv::inject {

namespace {

// "buf_a" <-> "buf_b", "ping" <-> "pong", "bank0" <-> "bank1".
std::string partner_name(const std::string& n) {
    static const std::pair<const char*, const char*> pairs[] = {
        {"_a", "_b"}, {"_b", "_a"}, {"ping", "pong"}, {"pong", "ping"},
        {"0", "1"},   {"1", "0"},   {"A", "B"},       {"B", "A"}};
    for (auto [from, to] : pairs) {
        std::string f = from;
        if (n.size() > f.size() && n.compare(n.size() - f.size(), f.size(), f) == 0) {
            return n.substr(0, n.size() - f.size()) + to;
        }
        auto p = n.find(f);
        if (f.size() > 2 && p != std::string::npos) {
            return n.substr(0, p) + to + n.substr(p + f.size());
        }
    }
    return "";
}

} // namespace

std::vector<Site> BufRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        if (!is_code_line(s, ln)) {
            continue;
        }
        const ScanFunction* f = s.function_at(ln);
        if (ln <= source.line_of(f->body_begin)) {
            continue;
        }
        std::string raw(source.line(ln));
        auto t = code_tokens(raw);
        if (t.size() >= 3 && t[t.size() - 1].text == ";" && t[t.size() - 2].text == "0" &&
            t[t.size() - 3].text == "=") {
            continue; // clearing either half first is rarely observable (padding, borders)
        }
        for (std::size_t i = 0; i + 2 < t.size(); ++i) {
            if (t[i].kind != TokKind::ident) {
                continue;
            }
            std::string name(t[i].text);
            const ScanArray* a = s.array(name, f->name);
            // (a) A buffer whose first dimension of 2 selects the half: flip the selector.
            if (a && t[i + 1].text == "[" && s.dim_size(facts, name, 0) == 2 &&
                !(i > 0 && t[i - 1].kind == TokKind::ident)) {
                std::size_t c = i + 2;
                int depth = 1;
                for (; c < t.size(); ++c) {
                    depth += t[c].text == "[" ? 1 : t[c].text == "]" ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                if (c >= t.size()) {
                    continue;
                }
                std::string sel = raw.substr(t[i + 2].begin, t[c - 1].end - t[i + 2].begin);
                std::string flipped;
                if (sel == "0" || sel == "1") {
                    flipped.assign(1, sel == "0" ? '1' : '0');
                } else if (sel.rfind("1 - ", 0) == 0) {
                    flipped = sel.substr(4);
                } else if (c == i + 3) {
                    flipped = "1 - ";
                    flipped += sel;
                } else {
                    flipped = "1 - (" + sel + ")";
                }
                std::string line = raw;
                line.replace(t[i + 2].begin, t[c - 1].end - t[i + 2].begin, flipped);
                out.push_back(line_site(
                    s, type(), id(), ln, line,
                    fmt::format("'{}[{}]' became '{}[{}]': the access uses the other half of the "
                                "double buffer",
                                name, sel, name, flipped)));
                break;
            }
            // (b) Ping-pong pair passed to a call: hand over the other buffer.
            std::string partner = partner_name(name);
            if (a && !partner.empty() && s.array(partner, f->name) && i > 0 &&
                (t[i - 1].text == "(" || t[i - 1].text == ",") &&
                (t[i + 1].text == "," || t[i + 1].text == ")")) {
                std::string line = raw;
                line.replace(t[i].begin, t[i].end - t[i].begin, partner);
                out.push_back(line_site(
                    s, type(), id(), ln, line,
                    fmt::format("the call now gets '{}' instead of '{}', the other buffer of "
                                "the ping-pong pair",
                                partner, name)));
                break;
            }
        }
    }
    return out;
}

} // namespace hlsv::inject
