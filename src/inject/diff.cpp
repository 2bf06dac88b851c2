// A small unified diff: common prefix/suffix trimmed, LCS on the (usually tiny) middle.
#include "inject.h"

#include <algorithm>
#include <fmt/format.h>

namespace hlsv::inject {

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t nl = s.find('\n', pos);
        if (nl == std::string_view::npos) {
            out.push_back(s.substr(pos));
            break;
        }
        out.push_back(s.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

enum class Op { keep, del, add };

// Edit script between a and b as (op, index in a or b).
std::vector<std::pair<Op, std::size_t>> script(const std::vector<std::string_view>& a,
                                               const std::vector<std::string_view>& b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) {
        ++pre;
    }
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
        ++suf;
    }
    std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    std::vector<std::pair<Op, std::size_t>> out;
    for (std::size_t i = 0; i < pre; ++i) {
        out.emplace_back(Op::keep, i);
    }
    if (n * m <= 4'000'000) {
        std::vector<std::vector<unsigned>> L(n + 1, std::vector<unsigned>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                L[i][j] = a[pre + i] == b[pre + j] ? L[i + 1][j + 1] + 1
                                                   : std::max(L[i + 1][j], L[i][j + 1]);
            }
        }
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                out.emplace_back(Op::keep, pre + i);
                ++i, ++j;
            } else if (i < n && (j == m || L[i + 1][j] >= L[i][j + 1])) {
                out.emplace_back(Op::del, pre + i++); // deletions first, as diff(1) prints them
            } else {
                out.emplace_back(Op::add, pre + j++);
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            out.emplace_back(Op::del, pre + i);
        }
        for (std::size_t j = 0; j < m; ++j) {
            out.emplace_back(Op::add, pre + j);
        }
    }
    for (std::size_t i = 0; i < suf; ++i) {
        out.emplace_back(Op::keep, a.size() - suf + i);
    }
    return out;
}

} // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         std::vector<int>* changed_lines) {
    auto a = split_lines(before);
    auto b = split_lines(after);
    auto ops = script(a, b);
    if (changed_lines) {
        changed_lines->clear();
    }
    // Positions (in a and b) at each op, to print hunk headers.
    std::vector<std::pair<std::size_t, std::size_t>> pos;
    std::size_t ia = 0, ib = 0;
    for (const auto& [op, idx] : ops) {
        pos.emplace_back(ia, ib);
        if (op != Op::add) {
            ++ia;
        }
        if (op != Op::del) {
            ++ib;
        }
        if (op == Op::add && changed_lines) {
            changed_lines->push_back(static_cast<int>(idx) + 1);
        }
    }
    std::string out;
    const std::size_t ctx = 3;
    std::size_t k = 0;
    while (k < ops.size()) {
        if (ops[k].first == Op::keep) {
            ++k;
            continue;
        }
        std::size_t start = k >= ctx ? k - ctx : 0;
        std::size_t end = k;
        // Extend the hunk while changes are within 2*ctx lines of each other.
        std::size_t last_change = k;
        for (std::size_t j = k; j < ops.size(); ++j) {
            if (ops[j].first != Op::keep) {
                last_change = j;
            } else if (j - last_change > 2 * ctx) {
                break;
            }
            end = j;
        }
        end = std::min(ops.size() - 1, last_change + ctx);
        if (out.empty()) {
            out = fmt::format("--- a/{}\n+++ b/{}\n", name, name);
        }
        std::size_t na = 0, nb = 0;
        std::string body;
        for (std::size_t j = start; j <= end; ++j) {
            auto [op, idx] = ops[j];
            char c = op == Op::keep ? ' ' : op == Op::del ? '-' : '+';
            std::string_view text = op == Op::add ? b[idx] : a[idx];
            body += c;
            body.append(text);
            body += '\n';
            na += op != Op::add;
            nb += op != Op::del;
        }
        out += fmt::format("@@ -{},{} +{},{} @@\n", pos[start].first + (na ? 1 : 0), na,
                           pos[start].second + (nb ? 1 : 0), nb);
        out += body;
        k = end + 1;
    }
    return out;
}

} // namespace hlsv::inject
