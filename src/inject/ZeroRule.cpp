#include "ZeroRule.h"

#include "scan.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace hlsv::inject {

namespace {

bool is_zero(std::string_view init) {
    static const char* const zeros[] = {"0",   "0u", "0U",    "0.0", "0.0f", "0.f", "false",
                                        "{0}", "{}", "{ 0 }", "0x0", "0L",   "0LL"};
    return std::find(std::begin(zeros), std::end(zeros), init) != std::end(zeros);
}

// A value worked out from others (`acc + x[i]`, `n * stride`) is a computation, not a seed: a
// ZERO bug drops an initial value, so only literals, named constants (`MAX_LEN * 2`) and plain
// reads (`int best = first;`) are sites.
bool computed(std::string_view init) {
    bool has_op = init.find_first_of("+*/%&|^?") != std::string_view::npos ||
                  init.find("<<") != std::string_view::npos ||
                  init.find(">>") != std::string_view::npos;
    if (!has_op) {
        return false;
    }
    // Names in capitals are constants by convention; numbers (with their suffixes) are too.
    bool named_constants_only = true;
    for (std::size_t i = 0; i < init.size();) {
        char c = init[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < init.size() &&
                   (std::isalnum(static_cast<unsigned char>(init[i])) || init[i] == '.')) {
                ++i; // 0x1F, 2u, 1.5f
            }
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            while (i < init.size() &&
                   (std::isalnum(static_cast<unsigned char>(init[i])) || init[i] == '_')) {
                named_constants_only =
                    named_constants_only && !std::islower(static_cast<unsigned char>(init[i]));
                ++i;
            }
        } else {
            ++i;
        }
    }
    return !named_constants_only;
}

} // namespace

std::vector<Site> ZeroRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        std::string_view l = trim(source.line(ln));
        if (l.empty() || l[0] == '#' || l.find("constexpr") != std::string_view::npos) {
            continue;
        }
        Decl d = parse_decl(l);
        if (!d.ok || d.init.empty() || is_zero(d.init) || d.init_reads_stream() ||
            computed(d.init)) {
            continue;
        }
        // File-scope constants only when they are arrays (tables); scalars there may size arrays.
        if (!s.function_at(ln) && !d.is_array) {
            continue;
        }
        bool brace = d.init.front() == '{';
        out.push_back(
            line_site(s, type(), id(), ln, d.head + (brace ? " = {0};" : " = 0;"),
                      fmt::format("the initializer of '{}' ({}) was set to 0", d.name, d.init)));
    }
    return out;
}

} // namespace hlsv::inject
