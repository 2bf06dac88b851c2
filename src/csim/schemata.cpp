// A deliberately small C++ scanner: comments and literals blanked, preprocessor lines skipped,
// brace depth tracked; a `{` at file scope that follows `name(...)` opens a function body.
#include "schemata.h"

#include "core/core.h"
#include "elf_digest.h"

#include <cctype>
#include <set>
#include <sstream>

namespace hlsv::csim {

namespace {

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Same length as `text`; comments, string and char literals and preprocessor lines become
// spaces (newlines kept), so offsets map back to the original.
std::string blank_noise(const std::string& text) {
    std::string s = text;
    std::size_t i = 0, n = s.size();
    bool line_start = true;
    while (i < n) {
        char c = s[i];
        if (line_start && (c == ' ' || c == '\t')) {
            ++i;
            continue;
        }
        if (line_start && c == '#') {
            // Preprocessor line, with backslash continuations.
            while (i < n && s[i] != '\n') {
                if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\n') {
                    s[i] = ' ';
                    i += 2;
                    continue;
                }
                s[i++] = ' ';
            }
            continue;
        }
        line_start = false;
        if (c == '\n') {
            line_start = true;
            ++i;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n') {
                s[i++] = ' ';
            }
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            while (i < n && !(s[i] == '*' && i + 1 < n && s[i + 1] == '/')) {
                if (s[i] != '\n') {
                    s[i] = ' ';
                }
                ++i;
            }
            for (int k = 0; k < 2 && i < n; ++k) {
                s[i++] = ' ';
            }
        } else if (c == '"' || c == '\'') {
            char q = c;
            s[i++] = ' ';
            while (i < n && s[i] != q && s[i] != '\n') {
                if (s[i] == '\\' && i + 1 < n) {
                    s[i++] = ' ';
                }
                s[i++] = ' ';
            }
            if (i < n && s[i] == q) {
                s[i++] = ' ';
            }
        } else {
            ++i;
        }
    }
    return s;
}

std::string collapse_ws(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
        } else {
            if (space) {
                out += ' ';
            }
            out += c;
            space = false;
        }
    }
    return out;
}

std::vector<std::string> identifiers(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        if (ident_char(s[i]) && !std::isdigit(static_cast<unsigned char>(s[i]))) {
            std::size_t j = i;
            while (j < s.size() && ident_char(s[j])) {
                ++j;
            }
            out.emplace_back(s.substr(i, j - i));
            i = j;
        } else if (ident_char(s[i])) {
            while (i < s.size() && ident_char(s[i])) {
                ++i;
            }
        } else {
            ++i;
        }
    }
    return out;
}

// The parameter's name, or "" when it cannot be told (unnamed, function pointer, variadic).
std::string param_name(std::string p) {
    // Cut a default argument and array bounds.
    int depth = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '<' || c == '(') {
            ++depth;
        } else if (c == '>' || c == ')') {
            --depth;
        } else if (depth == 0 && (c == '=' || c == '[')) {
            p.resize(i);
            break;
        }
    }
    if (p.find('(') != std::string::npos || p.find("...") != std::string::npos) {
        return {};
    }
    static const std::set<std::string> qualifiers = {"const",  "volatile", "unsigned", "signed",
                                                     "struct", "enum",     "class",    "typename"};
    // Identifiers outside template arguments: the last one is the name if there are two.
    std::string outer;
    depth = 0;
    for (char c : p) {
        if (c == '<') {
            ++depth;
            outer += ' ';
        } else if (c == '>') {
            --depth;
            outer += ' ';
        } else {
            outer += depth == 0 ? c : ' ';
        }
    }
    std::vector<std::string> ids;
    for (auto& id : identifiers(outer)) {
        if (!qualifiers.count(id)) {
            ids.push_back(id);
        }
    }
    // "int x" -> 2 ids; "hls::stream<int>& s" -> hls, stream, s; "int" alone -> unnamed.
    static const std::set<std::string> builtin = {"int",    "char", "short", "long", "float",
                                                  "double", "bool", "void",  "auto"};
    if (ids.size() < 2) {
        return {};
    }
    const std::string& last = ids.back();
    if (builtin.count(last)) {
        return {};
    }
    // `std::size_t`-like unnamed params end in a type after '::'.
    auto pos = outer.rfind(last);
    if (pos >= 2 && outer.compare(pos - 2, 2, "::") == 0) {
        return {};
    }
    return last;
}

std::vector<std::string> split_params(std::string_view s) {
    std::vector<std::string> out;
    int depth = 0;
    std::string cur;
    for (char c : s) {
        if (c == '<' || c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == '>' || c == ')' || c == ']' || c == '}') {
            --depth;
        }
        if (c == ',' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!std::string(trim(cur)).empty()) {
        out.push_back(cur);
    }
    return out;
}

} // namespace

std::optional<std::vector<ExportedFunction>> exported_functions(const std::string& text) {
    std::string s = blank_noise(text);
    std::vector<ExportedFunction> out;
    int depth = 0;
    std::size_t stmt_start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '{') {
            if (depth == 0) {
                std::string_view stmt(s.data() + stmt_start, i - stmt_start);
                std::string head = std::string(trim(stmt));
                auto words = identifiers(head);
                bool is_scope = !words.empty() && (words[0] == "namespace" || words[0] == "extern");
                if (is_scope) {
                    // Functions inside namespaces / extern "C" blocks: the schema would change
                    // their linkage or names.
                    return std::nullopt;
                }
                std::size_t close = head.find_last_not_of(" \t\n");
                // `int t[2] = {..}` ends in '=', not ')'.
                bool looks_function = close != std::string::npos && head[close] == ')';
                bool type_def = !words.empty() && (words[0] == "struct" || words[0] == "class" ||
                                                   words[0] == "union" || words[0] == "enum" ||
                                                   words[0] == "typedef");
                if (looks_function && !type_def) {
                    // The matching '(' of the trailing ')'.
                    int pd = 0;
                    std::size_t open = std::string::npos;
                    for (std::size_t k = close + 1; k-- > 0;) {
                        if (head[k] == ')') {
                            ++pd;
                        } else if (head[k] == '(') {
                            if (--pd == 0) {
                                open = k;
                                break;
                            }
                        }
                    }
                    if (open == std::string::npos) {
                        return std::nullopt;
                    }
                    std::size_t ne = head.find_last_not_of(" \t\n", open - 1);
                    std::size_t nb = ne;
                    while (nb > 0 && ident_char(head[nb - 1])) {
                        --nb;
                    }
                    std::string name = head.substr(nb, ne + 1 - nb);
                    bool qualified = nb >= 2 && head.compare(nb - 2, 2, "::") == 0;
                    std::set<std::string> spec(words.begin(), words.end());
                    if (qualified || name.empty() || spec.count("operator")) {
                        return std::nullopt;
                    }
                    if (name == "main") {
                        return std::nullopt;
                    }
                    bool internal = spec.count("static") || spec.count("inline") ||
                                    spec.count("template") || spec.count("constexpr");
                    if (!internal) {
                        ExportedFunction f;
                        f.name = name;
                        // Comments and pragmas before the head are blanked already.
                        f.head = collapse_ws(head);
                        std::string params = head.substr(open + 1, close - open - 1);
                        auto plist = split_params(params);
                        if (!(plist.size() == 1 && collapse_ws(plist[0]) == "void")) {
                            for (const auto& p : plist) {
                                std::string pn = param_name(p);
                                if (pn.empty()) {
                                    return std::nullopt;
                                }
                                f.param_names.push_back(pn);
                            }
                        }
                        f.signature = collapse_ws(head);
                        out.push_back(std::move(f));
                    }
                }
            }
            ++depth;
        } else if (c == '}') {
            if (--depth < 0) {
                return std::nullopt;
            }
            if (depth == 0) {
                stmt_start = i + 1;
            }
        } else if (c == ';' && depth == 0) {
            stmt_start = i + 1;
        }
    }
    if (depth != 0) {
        return std::nullopt;
    }
    return out;
}

std::string make_batch(const std::string& file_name, const std::vector<std::string>& versions,
                       const std::vector<ExportedFunction>& exports) {
    std::string includes = "#include <cstdlib>\n";
    std::set<std::string> seen_includes;
    std::vector<std::string> bodies;
    std::vector<std::vector<std::string>> macros(versions.size());
    std::string golden_defines; // the dispatchers' signatures may use them (array bounds)
    for (std::size_t v = 0; v < versions.size(); ++v) {
        std::string body;
        std::istringstream in(versions[v]);
        std::string line;
        while (std::getline(in, line)) {
            std::string t(trim(line));
            if (t.rfind("#", 0) == 0) {
                std::string directive(trim(std::string_view(t).substr(1)));
                if (directive.rfind("include", 0) == 0) {
                    if (seen_includes.insert(directive).second) {
                        includes += "#" + directive + "\n";
                    }
                    body += "\n"; // keep line numbers
                    continue;
                }
                if (directive.rfind("define", 0) == 0) {
                    auto ids = identifiers(directive.substr(6));
                    if (!ids.empty()) {
                        macros[v].push_back(ids[0]);
                    }
                    if (v == 0 && t.back() != '\\') {
                        golden_defines += t + "\n";
                    }
                }
            }
            body += line + "\n";
        }
        bodies.push_back(std::move(body));
    }
    std::string out = "// hlsv mutant schema of " + file_name + ": " +
                      std::to_string(versions.size()) + " versions\n" + includes;
    out += "static int hlsv_slot() {\n"
           "    static const int slot = [] {\n"
           "        const char* e = std::getenv(\"HLSV_VARIANT\");\n"
           "        return e ? std::atoi(e) : 0;\n"
           "    }();\n"
           "    return slot;\n"
           "}\n";
    for (std::size_t v = 0; v < versions.size(); ++v) {
        for (const auto& f : exports) {
            out += "#define " + f.name + " " + f.name + "_hlsv_slot\n";
        }
        out += "namespace " + slot_namespace(v) + " {\n";
        // The slot in the file name lets a failed batch name its bad variants.
        out += "#line 1 \"" + slot_namespace(v) + "/" + file_name + "\"\n";
        out += bodies[v];
        out += "\n}\n";
        for (const auto& f : exports) {
            out += "#undef " + f.name + "\n";
        }
        for (const auto& m : macros[v]) {
            out += "#undef " + m + "\n";
        }
    }
    // Dispatchers: the original signatures, forwarding to the chosen slot. Types the source
    // itself defines (typedefs in the design file) resolve through the golden slot; errors here
    // are the schema's, not a variant's, and are named so.
    out += "#line 1 \"hlsv_dispatch\"\n";
    out += "using namespace " + slot_namespace(0) + ";\n";
    out += golden_defines;
    for (const auto& f : exports) {
        std::string args;
        for (const auto& p : f.param_names) {
            args += (args.empty() ? "" : ", ") + p;
        }
        out += "#line 1 \"hlsv_dispatch\"\n";
        out += f.head + " {\n    switch (hlsv_slot()) {\n";
        for (std::size_t v = 1; v < versions.size(); ++v) {
            // A variant whose types no longer fit the signature fails on its own line.
            out += "#line 1 \"" + slot_namespace(v) + "/dispatch\"\n";
            out += "    case " + std::to_string(v) + ": return " + slot_namespace(v) +
                   "::" + f.name + "_hlsv_slot(" + args + ");\n";
        }
        out += "#line 1 \"" + slot_namespace(0) + "/dispatch\"\n";
        out += "    default: return " + slot_namespace(0) + "::" + f.name + "_hlsv_slot(" + args +
               ");\n    }\n}\n";
    }
    return out;
}

} // namespace hlsv::csim
