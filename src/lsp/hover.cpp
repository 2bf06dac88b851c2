#include "hover.h"

#include "pragma_docs.h"

namespace hlsv::lsp {

using json = nlohmann::json;

namespace {

std::string_view nth_line(const std::string& text, int line0) {
    std::size_t at = 0;
    for (int i = 0; i < line0; ++i) {
        at = text.find('\n', at);
        if (at == std::string::npos) {
            return {};
        }
        ++at;
    }
    std::size_t end = text.find('\n', at);
    std::string_view s =
        std::string_view(text).substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (!s.empty() && s.back() == '\r') {
        s.remove_suffix(1);
    }
    return s;
}

std::string rule_card(const check::Finding& f) {
    std::string md = "**" + f.rule + "**";
    if (f.type) {
        md += " (Chrysalis type `" + *f.type + "`)";
    }
    md += " — " + std::string(check::to_string(f.severity)) + "\n\n" + f.message + "\n\n";
    if (const check::RuleInfo* r = check::find_rule(f.rule)) {
        md += r->summary + "\n\n**How to fix:** " + r->help + "\n\n";
    }
    md += "Suppress with `// hlsv-ignore " + f.rule + "` on this line or the line above.";
    return md;
}

} // namespace

json hover(const Document& doc, const Analysis& a, int line, Encoding enc) {
    std::string md;
    for (const auto& f : a.findings) {
        if (f.line - 1 == line) {
            md += (md.empty() ? "" : "\n\n---\n\n") + rule_card(f);
        }
    }
    std::string_view text = nth_line(doc.text, line);
    PragmaLine p = parse_pragma_line(text);
    if (!p.directive.empty()) {
        std::string card;
        if (const DirectiveDoc* d = find_directive(p.directive)) {
            card = "**#pragma HLS " + d->name + "**\n\n" + d->summary + "\n\nOptions: ";
            for (std::size_t i = 0; i < d->options.size(); ++i) {
                card += (i ? ", " : "") + std::string("`") + d->options[i] + "`";
            }
        } else {
            card = "**#pragma HLS " + p.directive +
                   "**: not a directive Vitis HLS knows; it is "
                   "ignored.";
        }
        md = md.empty() ? card : card + "\n\n---\n\n" + md;
    }
    if (md.empty()) {
        return nullptr;
    }
    return {{"contents", {{"kind", "markdown"}, {"value", md}}},
            {"range",
             {{"start", {{"line", line}, {"character", 0}}},
              {"end", {{"line", line}, {"character", character_of(text, text.size(), enc)}}}}}};
}

} // namespace hlsv::lsp
