#include "ShftRule.h"

#include "scan.h"

#include <fmt/format.h>
#include <regex>

namespace hlsv::inject {

namespace {

// Bit width of a type as written; 0 when unknown.
int width_of_type(std::string_view type) {
    static const std::regex ap(R"(ap_u?(int|fixed)\s*<\s*(\d+))");
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(type.begin(), type.end(), m, ap)) {
        return std::stoi(m[2].str());
    }
    auto has = [&](const char* w) { return type.find(w) != std::string_view::npos; };
    if (has("64") || has("long long")) {
        return 64;
    }
    if (has("16") || has("short")) {
        return 16;
    }
    if (has("8_t") || has("char")) {
        return 8;
    }
    if (has("int") || has("unsigned") || has("32")) {
        return 32;
    }
    return 0;
}

// The declared type of `name`: from the facts, else a "T name" in the source, then typedefs.
int operand_width(const parse::DesignFacts& facts, const SourceText& src, const std::string& name) {
    std::string type;
    for (const auto& v : facts.variables) {
        if (v.name == name) {
            type = v.type;
        }
    }
    for (const auto& f : facts.functions) {
        for (const auto& p : f.params) {
            if (p.name == name) {
                type = p.type;
            }
        }
    }
    if (type.empty()) {
        std::regex decl("([A-Za-z_][\\w:]*(\\s*<[^;(){}]*>)?)\\s+[&*]?\\s*" + name +
                        "\\s*[=;,\\[)]");
        std::smatch m;
        if (std::regex_search(src.text(), m, decl)) {
            type = m[1].str();
        }
    }
    if (int w = width_of_type(type)) {
        return w;
    }
    for (const auto& t : facts.hls_types) {
        if (t.width && src.text().find("typedef " + t.text) != std::string::npos &&
            src.text().find(t.text + " " + type + ";") != std::string::npos) {
            return *t.width;
        }
    }
    std::smatch m;
    std::regex td("typedef\\s+([^;]+?)\\s+" + type + "\\s*;");
    if (!type.empty() && std::regex_search(src.text(), m, td)) {
        return width_of_type(m[1].str());
    }
    return 0;
}

} // namespace

std::vector<Site> ShftRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::vector<Site> out;
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        std::string_view raw = source.line(ln);
        if (!is_code_line(s, ln) || raw.find("cout") != std::string_view::npos ||
            raw.find("cerr") != std::string_view::npos) {
            continue;
        }
        auto t = code_tokens(raw);
        for (std::size_t i = 1; i + 1 < t.size(); ++i) {
            auto op = t[i].text;
            if ((op != "<<" && op != ">>" && op != "<<=" && op != ">>=") ||
                t[i + 1].kind != TokKind::number) {
                continue;
            }
            long long k = 0;
            try {
                k = std::stoll(std::string(t[i + 1].text), nullptr, 0);
            } catch (const std::exception&) {
                continue;
            }
            int width = 32;
            if (t[i - 1].kind == TokKind::ident) {
                if (int w = operand_width(facts, source, std::string(t[i - 1].text))) {
                    width = w;
                }
            }
            // width + k + 1: past the width, and not equal to k modulo the machine's shift mask,
            // so hardware that masks the amount still computes a different value.
            long long amount = std::max(width, 32) + k + 1;
            std::string line(raw);
            line.replace(t[i + 1].begin, t[i + 1].end - t[i + 1].begin, std::to_string(amount));
            out.push_back(line_site(
                s, type(), id(), ln, line,
                fmt::format("the shift by {} became a shift by {}, past the {}-bit width of "
                            "the operand",
                            t[i + 1].text, amount, width)));
            break;
        }
    }
    return out;
}

} // namespace hlsv::inject
