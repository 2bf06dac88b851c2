// Building the chat messages for injection and localization from templates, the bug catalog,
// the design and the retrieved examples.
#include "prompt.h"

#include <set>

namespace hlsv::prompt {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i ? sep : "") + items[i];
    }
    return out;
}

std::vector<const BugType*> resolve(const BugCatalog& catalog,
                                    const std::vector<std::string>& codes) {
    std::vector<const BugType*> out;
    for (const auto& c : codes) {
        out.push_back(&catalog.at(c));
    }
    return out;
}

std::string context_for(const std::vector<const BugType*>& types) {
    bool pragma = false;
    bool functional = false;
    for (const auto* t : types) {
        (t->cls == BugClass::pragma ? pragma : functional) = true;
    }
    std::string s = "The designs target Vitis-style HLS: they may use ap_int/ap_uint/ap_fixed "
                    "types, hls::stream and #pragma HLS directives, and they are checked by C "
                    "simulation against a testbench.";
    if (functional) {
        s += " A functional bug must change what the testbench observes (outputs, exit status, "
             "a hang or a crash) while the code still compiles.";
    }
    if (pragma) {
        s += " A pragma bug changes #pragma HLS directives (or the loop/port structure they "
             "govern) so that synthesis is wrong or wasteful while C simulation still passes.";
    }
    return s;
}

std::string specification_text(const std::vector<const BugType*>& types) {
    std::string s;
    for (const auto* t : types) {
        s += "- " + t->code + " (" + t->name + ", " +
             (t->cls == BugClass::pragma ? "pragma" : "functional") + "): " + t->specification +
             "\n";
    }
    return s.empty() ? s : s.substr(0, s.size() - 1);
}

std::string rules_text(const std::vector<const BugType*>& types) {
    std::string s;
    for (const auto* t : types) {
        if (types.size() > 1) {
            s += t->code + ":\n";
        }
        for (const auto& r : t->rules) {
            s += "- " + r + "\n";
        }
    }
    s += "- Change only what the bug needs; keep names, formatting and every other line as "
         "they are.";
    return s;
}

std::string steps_text(const std::vector<const BugType*>& types) {
    std::string s;
    for (const auto* t : types) {
        if (types.size() > 1) {
            s += "For " + t->code + ":\n";
        }
        int n = 0;
        for (const auto& step : t->cot_steps) {
            s += std::to_string(++n) + ". " + step + "\n";
        }
    }
    s += "Reason through these steps privately; the reply itself is only the JSON object.";
    return s;
}

std::string examples_text(const std::vector<Example>& examples, std::size_t max_chars) {
    if (examples.empty()) {
        return "(No retrieved examples of this bug type yet: rely on the specification and "
               "rules.)";
    }
    std::string s;
    int n = 0;
    for (const auto& ex : examples) {
        std::vector<std::string> anchors;
        try {
            for (const auto& spec : parse_injection(ex.injection_json).specs) {
                anchors.push_back(spec.original);
            }
        } catch (const InputError&) {
            // A stored example that no longer parses still shows its text; no anchors.
        }
        s += "Example " + std::to_string(++n) + ": design `" + ex.design_name + "`";
        if (!ex.bug_types.empty()) {
            s += " (" + join(ex.bug_types, ", ") + ")";
        }
        if (!trim(ex.source).empty()) {
            // Without the source the bug file alone still shows the edit (Original -> Faulty).
            s += "\n```cpp\n" + excerpt(ex.source, anchors, max_chars) + "\n```";
        }
        s += "\nBug file:\n```json\n" + std::string(trim(ex.injection_json)) + "\n```\n\n";
    }
    return std::string(trim(s));
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\\\"") : std::string(1, c);
    }
    return out + "\"";
}

/// The text without trailing blank lines (it goes inside a fenced block); lines stay verbatim.
std::string rtrim_lines(const std::string& s) {
    std::size_t end = s.find_last_not_of("\r\n");
    return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

std::string normalize_ws(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string inject_reply_schema(const std::vector<std::string>& bug_types) {
    std::string entries;
    for (std::size_t i = 0; i < bug_types.size(); ++i) {
        entries += std::string(i ? ",\n" : "") + "        {\n" +
                   "            \"Error Type\": " + json_string(bug_types[i]) + ",\n" +
                   "            \"Original Code\": \"<consecutive line(s) copied exactly from "
                   "the design>\",\n" +
                   "            \"Faulty Code\": \"<the same line(s) with the bug>\",\n" +
                   "            \"Explanation\": \"<one sentence: what goes wrong>\"\n" +
                   "        }";
    }
    return "Reply with one JSON object and nothing else (no Markdown fences, no prose), in "
           "exactly this shape:\n{\n    \"Error Size\": " +
           std::to_string(bug_types.size()) + ",\n    \"Error Specification\": [\n" + entries +
           "\n    ]\n}\n"
           "- \"Error Size\" is the number of entries in \"Error Specification\".\n"
           "- One entry per requested type, with \"Error Type\" exactly one of: " +
           join(bug_types, ", ") +
           ".\n"
           "- \"Original Code\" must occur in the design verbatim (whitespace may differ) and "
           "only once: include enough of the line(s) to make it unique.\n"
           "- \"Faulty Code\" differs from \"Original Code\" and still compiles.\n"
           "- Write newlines inside strings as \\n and quotes as \\\".";
}

std::string localize_reply_schema(int max_candidates) {
    return "Reply with one JSON object and nothing else (no Markdown fences, no prose), in "
           "exactly this shape:\n"
           "{\n"
           "    \"Candidates\": [\n"
           "        {\n"
           "            \"Error Type\": \"<a bug type code from the list>\",\n"
           "            \"Line\": <line number in the design>,\n"
           "            \"Faulty Code\": \"<the suspicious line(s) exactly as they are in the "
           "design>\",\n"
           "            \"Fixed Code\": \"<the corrected line(s)>\",\n"
           "            \"Explanation\": \"<one sentence: why this causes the symptom>\",\n"
           "            \"Confidence\": <0.0 to 1.0>\n"
           "        }\n"
           "    ]\n"
           "}\n"
           "- At most " +
           std::to_string(max_candidates) +
           " candidates, the most likely first.\n"
           "- \"Faulty Code\" must occur in the design verbatim (whitespace may differ).\n"
           "- Write newlines inside strings as \\n and quotes as \\\".";
}

std::string excerpt(const std::string& source, const std::vector<std::string>& anchors,
                    std::size_t max_chars) {
    if (source.size() <= max_chars) {
        return source;
    }
    std::vector<std::string> lines = split(source, '\n');
    std::vector<bool> keep(lines.size(), false);
    constexpr int context = 8;
    bool any = false;
    for (const auto& anchor : anchors) {
        auto anchor_lines = split(anchor, '\n');
        std::string first;
        for (const auto& l : anchor_lines) {
            if (!(first = normalize_ws(l)).empty()) {
                break;
            }
        }
        if (first.empty()) {
            continue;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (normalize_ws(lines[i]).find(first) != std::string::npos) {
                std::size_t lo = i >= context ? i - context : 0;
                std::size_t hi = std::min(lines.size(), i + anchor_lines.size() + context);
                for (std::size_t k = lo; k < hi; ++k) {
                    keep[k] = true;
                }
                any = true;
                break;
            }
        }
    }
    std::string out;
    if (!any) {
        for (const auto& l : lines) {
            if (out.size() + l.size() + 1 > max_chars) {
                break;
            }
            out += l + "\n";
        }
        return out + "// ... (rest of the file omitted)";
    }
    bool gap = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) {
            gap = true;
            continue;
        }
        if (gap) {
            out += "// ...\n";
            gap = false;
        }
        out += lines[i] + "\n";
    }
    if (gap) {
        out += "// ...\n";
    }
    if (out.size() > max_chars) {
        out.resize(out.rfind('\n', max_chars) == std::string::npos ? max_chars
                                                                   : out.rfind('\n', max_chars));
        out += "\n// ... (truncated)\n";
    }
    return out.substr(0, out.size() - 1);
}

Builder::Builder(const BugCatalog& catalog, const fs::path& prompts_dir)
    : catalog_(&catalog), icl_rag_cot_(load_template(prompts_dir / "inject_icl_rag_cot.txt")),
      rag_icl_(load_template(prompts_dir / "inject_rag_icl.txt")),
      localize_(load_template(prompts_dir / "localize.txt")) {}

const Template& Builder::template_for(Strategy s) const {
    return s == Strategy::rag_icl ? rag_icl_ : icl_rag_cot_;
}

std::vector<Message> Builder::inject(const InjectInput& in) const {
    if (in.bug_types.empty()) {
        throw InputError("no bug type requested");
    }
    if (trim(in.source).empty()) {
        throw InputError("design '" + in.design_name + "' has no source text to inject into");
    }
    auto types = resolve(*catalog_, in.bug_types);
    std::map<std::string, std::string> vars = {
        {"context", context_for(types)},
        {"bug_type", join(in.bug_types, ", ")},
        {"specification", specification_text(types)},
        {"rules", rules_text(types)},
        {"steps", steps_text(types)},
        {"examples", examples_text(in.examples, in.max_example_chars)},
        {"design", rtrim_lines(in.source)},
        {"design_name", in.design_name},
        {"function", in.function},
        {"reply_schema", inject_reply_schema(in.bug_types)},
    };
    const Template& t = template_for(in.strategy);
    return {{"system", render(t.system, vars, t.name)}, {"user", render(t.user, vars, t.name)}};
}

std::vector<Message> Builder::localize(const LocalizeInput& in) const {
    if (trim(in.source).empty()) {
        throw InputError("design '" + in.design_name + "' has no source text to debug");
    }
    std::vector<std::string> codes = in.bug_types;
    if (codes.empty()) {
        for (const auto& t : catalog_->types()) {
            codes.push_back(t.code);
        }
    }
    auto types = resolve(*catalog_, codes);
    std::map<std::string, std::string> vars = {
        {"context", context_for(types)},
        {"bug_type", join(codes, ", ")},
        {"specification", specification_text(types)},
        {"symptom", in.symptom.empty() ? std::string("(not given)") : in.symptom},
        {"examples", examples_text(in.examples, in.max_example_chars)},
        {"design", rtrim_lines(in.source)},
        {"design_name", in.design_name},
        {"function", in.function},
        {"reply_schema", localize_reply_schema(std::max(1, in.max_candidates))},
    };
    return {{"system", render(localize_.system, vars, localize_.name)},
            {"user", render(localize_.user, vars, localize_.name)}};
}

} // namespace hlsv::prompt
