// The structural scan the rules share (see scan.h).
#include "scan.h"

#include <algorithm>
#include <cctype>

namespace hlsv::inject {

namespace {

bool is_control(std::string_view w) {
    static const char* const k[] = {"if",     "for", "while", "switch", "return",
                                    "sizeof", "do",  "else",  "catch"};
    return std::find(std::begin(k), std::end(k), w) != std::end(k);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Index of the token closing the bracket opened at `i`, or toks.size().
std::size_t close_of(const std::vector<Token>& t, std::size_t i) {
    std::string_view open = t[i].text;
    std::string_view close = open == "(" ? ")" : open == "[" ? "]" : "}";
    int depth = 0;
    for (std::size_t j = i; j < t.size(); ++j) {
        if (t[j].text == open) {
            ++depth;
        } else if (t[j].text == close && --depth == 0) {
            return j;
        }
    }
    return t.size();
}

std::string text_between(std::string_view src, const std::vector<Token>& t, std::size_t a,
                         std::size_t b) {
    if (a >= b || b > t.size()) {
        return "";
    }
    return std::string(src.substr(t[a].begin, t[b - 1].end - t[a].begin));
}

void parse_pragma(ScanPragma& p) {
    // After "#pragma HLS": directive, then key=value pairs and bare words.
    std::string_view t = p.text;
    auto hls = lower(t).find("hls");
    if (hls == std::string::npos) {
        return;
    }
    std::string rest(t.substr(hls + 3));
    for (auto& c : rest) {
        if (c == '\t') {
            c = ' ';
        }
    }
    std::vector<std::string> words;
    for (auto& w : split(rest, ' ')) {
        if (!trim(w).empty()) {
            words.emplace_back(trim(w));
        }
    }
    // Re-join "k = v" written with spaces.
    std::vector<std::string> joined;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 2 < words.size() && words[i + 1] == "=") {
            joined.push_back(words[i] + "=" + words[i + 2]);
            i += 2;
        } else {
            joined.push_back(words[i]);
        }
    }
    if (joined.empty()) {
        return;
    }
    p.directive = lower(joined[0]);
    for (std::size_t i = 1; i < joined.size(); ++i) {
        auto eq = joined[i].find('=');
        if (eq == std::string::npos) {
            std::string w = lower(joined[i]);
            if (p.positional.empty()) {
                p.positional = w;
            }
            p.options[w] = "";
        } else {
            p.options[lower(joined[i].substr(0, eq))] = joined[i].substr(eq + 1);
        }
    }
}

} // namespace

std::vector<Token> line_tokens(const SourceText& src, int n) {
    std::size_t start = src.line_start(n);
    std::string_view line = src.line(n);
    auto toks = code_tokens(line);
    (void)start;
    return toks;
}

std::string indent_of(const SourceText& src, int n) {
    std::string_view l = src.line(n);
    std::size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) {
        ++i;
    }
    return std::string(l.substr(0, i));
}

bool replace_token(std::string& line, std::string_view from, std::string_view to, std::size_t col) {
    for (const auto& t : code_tokens(line)) {
        if (t.begin >= col && t.text == from) {
            line.replace(t.begin, t.end - t.begin, to);
            return true;
        }
    }
    return false;
}

const ScanFunction* Scan::function_at(int line) const {
    for (const auto& f : functions) {
        if (line >= f.line_start && line <= f.line_end) {
            return &f;
        }
    }
    return nullptr;
}

int Scan::loop_at(int line) const {
    int best = -1;
    for (std::size_t i = 0; i < loops.size(); ++i) {
        const auto& l = loops[i];
        int body_line = src->line_of(l.body_begin);
        if (line >= body_line && line <= l.end_line && line != l.line) {
            best = static_cast<int>(i); // loops are in source order: later = more inner
        }
    }
    return best;
}

const ScanArray* Scan::array(const std::string& name, const std::string& function) const {
    const ScanArray* global = nullptr;
    for (const auto& a : arrays) {
        if (a.name == name) {
            if (a.function == function) {
                return &a;
            }
            global = &a;
        }
    }
    return global;
}

bool Scan::is_array(const std::string& name) const {
    return std::any_of(arrays.begin(), arrays.end(),
                       [&](const ScanArray& a) { return a.name == name; });
}

std::optional<long long> Scan::dim_size(const parse::DesignFacts& facts, const std::string& name,
                                        std::size_t d) const {
    for (const auto& a : facts.arrays) {
        if (a.name == name && d < a.dims.size() && a.dims[d] > 0) {
            return a.dims[d];
        }
    }
    for (const auto& f : facts.functions) {
        for (const auto& p : f.params) {
            if (p.name == name && d < p.dims.size() && p.dims[d] > 0) {
                return p.dims[d];
            }
        }
    }
    for (const auto& a : arrays) {
        if (a.name == name && d < a.dims.size()) {
            const std::string& t = a.dims[d];
            if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c));
                })) {
                return std::stoll(t);
            }
        }
    }
    return std::nullopt;
}

std::size_t Scan::rank(const parse::DesignFacts& facts, const std::string& name) const {
    for (const auto& a : arrays) {
        if (a.name == name) {
            return a.dims.size();
        }
    }
    for (const auto& a : facts.arrays) {
        if (a.name == name) {
            return a.dims.size();
        }
    }
    return 0;
}

Scan scan(const parse::DesignFacts& facts, const SourceText& source) {
    Scan s;
    s.src = &source;
    std::string_view src = source.text();
    s.toks = code_tokens(src);
    const auto& t = s.toks;
    auto line = [&](std::size_t i) { return source.line_of(t[i].begin); };

    // Pragmas and other preprocessor lines: collected, then skipped by the structure pass.
    std::vector<bool> pp(t.size(), false);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].text != "#" || (i > 0 && line(i - 1) == line(i) && !pp[i - 1])) {
            continue;
        }
        int ln = line(i);
        std::size_t j = i;
        while (j < t.size() && line(j) == ln) {
            pp[j++] = true;
        }
        if (i + 2 < t.size() && t[i + 1].text == "pragma" && lower(t[i + 2].text) == "hls") {
            ScanPragma p;
            p.line = ln;
            p.text = std::string(trim(source.line(ln)));
            parse_pragma(p);
            s.pragmas.push_back(std::move(p));
        }
        i = j - 1;
    }

    // Functions: name '(' ... ')' [const] '{' at brace depth 0.
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (pp[i]) {
            continue;
        }
        if (t[i].text == "{") {
            ++depth;
        } else if (t[i].text == "}") {
            --depth;
        }
        if (depth != 0 || t[i].kind != TokKind::ident || i + 1 >= t.size() ||
            t[i + 1].text != "(" || is_control(t[i].text)) {
            continue;
        }
        std::size_t close = close_of(t, i + 1);
        std::size_t k = close + 1;
        while (k < t.size() && (t[k].text == "const" || t[k].text == "noexcept")) {
            ++k;
        }
        if (k >= t.size() || t[k].text != "{") {
            continue;
        }
        ScanFunction f;
        f.name = std::string(t[i].text);
        f.line_start = line(i);
        f.body_begin = t[k].begin;
        std::size_t end = close_of(t, k);
        f.body_end = end < t.size() ? t[end].end : src.size();
        f.line_end = source.line_of(f.body_end - 1);
        // Parameters: the identifier before each top-level ',' or the closing ')'.
        int pd = 0;
        std::size_t last_ident = 0;
        bool arr = false;
        for (std::size_t j = i + 2; j <= close && j < t.size(); ++j) {
            auto x = t[j].text;
            if (x == "(" || x == "<" || x == "[") {
                arr = arr || x == "[";
                ++pd;
            } else if ((x == ")" || x == ">" || x == "]") && pd > 0) {
                --pd;
            } else if (pd == 0 && (x == "," || j == close)) {
                if (last_ident) {
                    f.params.emplace_back(t[last_ident].text);
                    if (arr) {
                        f.array_params.emplace_back(t[last_ident].text);
                    }
                }
                last_ident = 0;
                arr = false;
            } else if (pd == 0 && t[j].kind == TokKind::ident) {
                last_ident = j;
            } else if (pd == 0 && x == "*") {
                arr = true;
            }
        }
        s.functions.push_back(std::move(f));
        i = k - 1;
    }
    for (auto& f : s.functions) {
        for (const auto& ff : facts.functions) {
            if (ff.name == f.name && ff.is_top) {
                f.is_top = true;
            }
        }
    }
    if (std::none_of(s.functions.begin(), s.functions.end(),
                     [](const ScanFunction& f) { return f.is_top; }) &&
        !s.functions.empty()) {
        s.functions.back().is_top = true; // HLS sources define helpers first and the top last
    }

    // Arrays: ident followed by '[' inside a declaration (a type word before it).
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (pp[i] || t[i].kind != TokKind::ident || t[i + 1].text != "[") {
            continue;
        }
        const auto& prev = t[i - 1];
        bool decl =
            (prev.kind == TokKind::ident && !is_control(prev.text) && prev.text != "return") ||
            prev.text == ">" || prev.text == "*";
        if (!decl) {
            continue;
        }
        ScanArray a;
        a.name = std::string(t[i].text);
        a.line = line(i);
        std::size_t j = i + 1;
        while (j < t.size() && t[j].text == "[") {
            std::size_t c = close_of(t, j);
            a.dims.push_back(text_between(src, t, j + 1, c));
            j = c + 1;
        }
        if (j < t.size() &&
            (t[j].text == "=" || t[j].text == ";" || t[j].text == "," || t[j].text == ")")) {
            const ScanFunction* f = s.function_at(a.line);
            a.function = f ? f->name : "";
            a.is_param = f && a.line <= source.line_of(f->body_begin) &&
                         std::find(f->params.begin(), f->params.end(), a.name) != f->params.end();
            s.arrays.push_back(std::move(a));
        }
    }
    // Pointer/array parameters declared as "T* p" count as arrays of unknown size.
    for (const auto& f : s.functions) {
        for (const auto& p : f.array_params) {
            if (!s.array(p, f.name) || s.array(p, f.name)->function != f.name) {
                s.arrays.push_back(ScanArray{p, {""}, f.line_start, true, f.name});
            }
        }
    }

    // for-loops.
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (pp[i] || t[i].text != "for" || t[i + 1].text != "(") {
            continue;
        }
        ScanLoop l;
        l.line = line(i);
        std::size_t close = close_of(t, i + 1);
        if (close >= t.size()) {
            continue;
        }
        std::vector<std::size_t> semis;
        int pd = 0;
        for (std::size_t j = i + 2; j < close; ++j) {
            pd += t[j].text == "(" ? 1 : t[j].text == ")" ? -1 : 0;
            if (pd == 0 && t[j].text == ";") {
                semis.push_back(j);
            }
        }
        if (semis.size() == 2) {
            l.init = text_between(src, t, i + 2, semis[0]);
            l.cond = text_between(src, t, semis[0] + 1, semis[1]);
            l.step = text_between(src, t, semis[1] + 1, close);
            for (std::size_t j = semis[0] + 1; j < semis[1]; ++j) {
                auto x = t[j].text;
                if (x == "<" || x == "<=" || x == ">" || x == ">=" || x == "!=") {
                    l.op = std::string(x);
                    if (j > semis[0] + 1) {
                        l.var = std::string(t[j - 1].text);
                    }
                    l.bound = text_between(src, t, j + 1, semis[1]);
                    break;
                }
            }
            if (l.var.empty() && semis[0] > i + 2) {
                // "int i = 0": the identifier before '='.
                for (std::size_t j = i + 2; j < semis[0]; ++j) {
                    if (t[j].text == "=" && j > i + 2) {
                        l.var = std::string(t[j - 1].text);
                    }
                }
            }
        }
        std::size_t b = close + 1;
        while (b < t.size() && pp[b]) {
            ++b;
        }
        if (b >= t.size()) {
            continue;
        }
        if (t[b].text == "{") {
            l.braced = true;
            l.brace_on_header = line(b) == l.line;
            std::size_t e = close_of(t, b);
            l.body_begin = t[b].begin;
            l.body_end = e < t.size() ? t[e].end : src.size();
        } else {
            // One statement up to its ';' (nested parentheses and braces skipped).
            std::size_t e = b;
            int d = 0;
            for (; e < t.size(); ++e) {
                auto x = t[e].text;
                if (x == "(" || x == "{" || x == "[") {
                    ++d;
                } else if (x == ")" || x == "}" || x == "]") {
                    --d;
                } else if (x == ";" && d == 0) {
                    break;
                }
            }
            l.body_begin = t[b].begin;
            l.body_end = e < t.size() ? t[e].end : src.size();
        }
        l.end_line = source.line_of(l.body_end - 1);
        const ScanFunction* f = s.function_at(l.line);
        l.function = f ? f->name : "";
        s.loops.push_back(std::move(l));
    }
    for (std::size_t i = 0; i < s.loops.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (s.loops[i].body_begin > s.loops[j].body_begin &&
                s.loops[i].body_end <= s.loops[j].body_end) {
                s.loops[i].parent = static_cast<int>(j); // the last enclosing one is the innermost
            }
        }
        if (s.loops[i].parent >= 0) {
            s.loops[static_cast<std::size_t>(s.loops[i].parent)].children.push_back(
                static_cast<int>(i));
        }
    }
    for (auto& p : s.pragmas) {
        p.loop = s.loop_at(p.line);
        const ScanFunction* f = s.function_at(p.line);
        p.function = f ? f->name : "";
    }
    return s;
}

bool is_code_line(const Scan& s, int line) {
    if (!s.function_at(line)) {
        return false;
    }
    std::string_view l = trim(s.src->line(line));
    return !l.empty() && l[0] != '#';
}

Site line_site(const Scan& s, std::string_view type, std::string_view rule, int line,
               std::string new_line, std::string explanation) {
    Site site;
    site.type = std::string(type);
    site.rule = std::string(rule);
    site.line = line;
    site.original = std::string(trim(s.src->line(line)));
    site.faulty = std::string(trim(new_line));
    site.explanation = std::move(explanation);
    const ScanFunction* f = s.function_at(line);
    site.function = f ? f->name : "";
    return site;
}

bool insert_after_header(const Scan& s, const ScanLoop& loop, std::string_view type,
                         std::string_view rule, const std::string& pragma, std::string explanation,
                         Site& out) {
    if (!loop.braced || !loop.brace_on_header) {
        return false;
    }
    std::string_view header = s.src->line(loop.line);
    if (trim(header).empty() || trim(header).back() != '{') {
        return false;
    }
    out = line_site(s, type, rule, loop.line, std::string(trim(header)), std::move(explanation));
    out.faulty += "\n" + indent_of(*s.src, loop.line) + "    " + pragma;
    return true;
}

} // namespace hlsv::inject

namespace hlsv::inject {

std::pair<std::size_t, std::size_t> token_range(const Scan& s, std::size_t b, std::size_t e) {
    auto lo = std::lower_bound(s.toks.begin(), s.toks.end(), b,
                               [](const Token& t, std::size_t v) { return t.begin < v; });
    auto hi = std::lower_bound(lo, s.toks.end(), e,
                               [](const Token& t, std::size_t v) { return t.begin < v; });
    return {static_cast<std::size_t>(lo - s.toks.begin()),
            static_cast<std::size_t>(hi - s.toks.begin())};
}

bool Decl::init_reads_stream() const {
    return init.find(".read()") != std::string::npos || init.find(".read_nb(") != std::string::npos;
}

Decl parse_decl(std::string_view line) {
    Decl d;
    auto t = code_tokens(line);
    if (t.size() < 5 || t.back().text != ";" || t[0].kind != TokKind::ident) {
        return d;
    }
    static const char* const not_types[] = {"return", "if",   "for",    "while", "else",
                                            "case",   "goto", "delete", "throw", "typedef",
                                            "using",  "do",   "switch"};
    if (std::find(std::begin(not_types), std::end(not_types), t[0].text) != std::end(not_types)) {
        return d;
    }
    std::size_t eq = 0;
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto x = t[i].text;
        if (x == "(" || x == "[" || x == "{" || x == "<") {
            ++depth;
        } else if ((x == ")" || x == "]" || x == "}" || x == ">") && depth > 0) {
            --depth;
        } else if (x == "," && depth == 0) {
            return d; // several declarators: leave them alone
        } else if (x == "=" && depth == 0 && eq == 0) {
            eq = i;
        }
    }
    if (eq < 2) {
        return d;
    }
    std::size_t name = eq - 1;
    if (t[name].text == "]") {
        d.is_array = true;
        while (name > 0 && t[name].text == "]") {
            int dd = 0;
            for (; name > 0; --name) {
                dd += t[name].text == "]" ? 1 : t[name].text == "[" ? -1 : 0;
                if (dd == 0) {
                    break;
                }
            }
            --name;
        }
    }
    if (name < 1 || t[name].kind != TokKind::ident) {
        return d;
    }
    auto prev = t[name - 1];
    if (!(prev.kind == TokKind::ident || prev.text == ">" || prev.text == "*" ||
          prev.text == "&")) {
        return d;
    }
    for (std::size_t i = 0; i < name; ++i) {
        if (t[i].text == "const" || t[i].text == "constexpr") {
            d.is_const = true;
        }
        if (t[i].text == "static") {
            d.is_static = true;
        }
        if (t[i].text == "." || t[i].text == "->" || t[i].text == "(" || t[i].text == "[") {
            return d;
        }
    }
    d.ok = true;
    d.name = std::string(t[name].text);
    d.head = std::string(trim(line.substr(0, t[eq].begin)));
    d.init = std::string(trim(line.substr(t[eq].end, t.back().begin - t[eq].end)));
    return d;
}

bool replace_word_ci(std::string& line, std::string_view word, std::string_view to) {
    for (const auto& t : code_tokens(line)) {
        if (t.kind == TokKind::ident && t.text.size() == word.size() &&
            lower(t.text) == lower(word)) {
            line.replace(t.begin, t.end - t.begin, to);
            return true;
        }
    }
    return false;
}

std::string set_option(const std::string& line, const std::string& key, const std::string& value) {
    auto t = code_tokens(line);
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i].kind == TokKind::ident && lower(t[i].text) == key && t[i + 1].text == "=") {
            std::string out = line;
            out.replace(t[i + 2].begin, t[i + 2].end - t[i + 2].begin, value);
            return out;
        }
    }
    return std::string(trim(line)) + " " + key + "=" + value;
}

std::string interface_mode(const ScanPragma& p) {
    if (auto it = p.options.find("mode"); it != p.options.end()) {
        return lower(it->second);
    }
    return p.positional;
}

std::string with_interface_mode(const ScanPragma& p, const std::string& mode) {
    if (p.options.count("mode")) {
        return set_option(p.text, "mode", mode);
    }
    std::string line = p.text;
    if (!p.positional.empty() && replace_word_ci(line, p.positional, mode)) {
        return line;
    }
    return line + " mode=" + mode;
}

std::string partition_type(const ScanPragma& p) {
    if (auto it = p.options.find("type"); it != p.options.end()) {
        return lower(it->second);
    }
    for (const char* k : {"complete", "cyclic", "block"}) {
        if (p.options.count(k)) {
            return k;
        }
    }
    return "";
}

std::string with_partition_type(const ScanPragma& p, const std::string& type) {
    if (p.options.count("type")) {
        return set_option(p.text, "type", type);
    }
    std::string line = p.text;
    std::string old = partition_type(p);
    if (!old.empty() && replace_word_ci(line, old, type)) {
        return line;
    }
    return line + " type=" + type;
}

bool loop_has_pragma(const Scan& s, int l, std::string_view directive) {
    for (const auto& p : s.pragmas) {
        if (p.loop == l && p.directive == directive && !p.options.count("off")) {
            return true;
        }
    }
    return false;
}

} // namespace hlsv::inject
