// USE sites: a read of narrow data (a port, a data array, a value sliced or streamed from one)
// that is widened by its statement gets a same-width cast of the other signedness, so the
// widening sign-extends where it zero-extended (or the reverse). Only reads whose values really
// reach the top bit are used: a counter or a zero-extended byte held in a wider signed
// variable would give a silent or equivalent mutant. Second kind: a scalar local whose values
// reach the top bit (data, or a start value such as 0xFF or -100) is declared with the other
// signedness where a comparison, a right shift whose high bits are kept, or a ".to_uint()"
// conversion reads it.
#include "UseRule.h"

#include "scan.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <regex>

namespace hlsv::inject {

namespace {

// ---- integer types as written -----------------------------------------------------------

struct IntType {
    bool ok = false;
    bool is_signed = false;
    int width = 0;
    std::string flip; ///< the same width with the other signedness ("" when none)
};

using Typedefs = std::map<std::string, std::string>;

std::string squeeze_spaces(std::string s) {
    s = std::regex_replace(s, std::regex(R"(\s+)"), " ");
    s = std::regex_replace(s, std::regex(R"(\s*([<>,])\s*)"), "$1");
    return std::string(trim(s));
}

// Drops qualifiers, references, pointers and array dimensions: "const act_t[16]" -> "act_t".
std::string base_type(std::string t) {
    t = std::regex_replace(t, std::regex(R"(\[[^\]]*\])"), " ");
    t = std::regex_replace(t, std::regex(R"(\b(const|static|volatile|constexpr|register)\b)"), " ");
    t = std::regex_replace(t, std::regex(R"([&*])"), " ");
    return squeeze_spaces(t);
}

IntType classify(std::string t, const Typedefs& defs) {
    t = base_type(t);
    for (int hops = 0; hops < 6; ++hops) {
        auto it = defs.find(t);
        if (it == defs.end()) {
            break;
        }
        t = base_type(it->second);
    }
    IntType r;
    std::smatch m;
    if (std::regex_match(t, m, std::regex(R"((?:hls::)?ap_(u?)int<([0-9]+)>)"))) {
        r.ok = true;
        r.is_signed = m.str(1).empty();
        r.width = std::stoi(m.str(2));
        r.flip = fmt::format("{}<{}>", r.is_signed ? "ap_uint" : "ap_int", r.width);
        return r;
    }
    struct Known {
        const char* name;
        bool is_signed;
        int width;
        const char* flip;
    };
    static const Known known[] = {
        {"unsigned char", false, 8, "signed char"},
        {"uint8_t", false, 8, "int8_t"},
        {"signed char", true, 8, "unsigned char"},
        {"int8_t", true, 8, "uint8_t"},
        {"unsigned short", false, 16, "short"},
        {"unsigned short int", false, 16, "short"},
        {"uint16_t", false, 16, "int16_t"},
        {"short", true, 16, "unsigned short"},
        {"short int", true, 16, "unsigned short"},
        {"signed short", true, 16, "unsigned short"},
        {"int16_t", true, 16, "uint16_t"},
        {"int", true, 32, ""},
        {"signed", true, 32, ""},
        {"signed int", true, 32, ""},
        {"int32_t", true, 32, ""},
        {"unsigned", false, 32, ""},
        {"unsigned int", false, 32, ""},
        {"uint32_t", false, 32, ""},
        {"long", true, 64, ""},
        {"long long", true, 64, ""},
        {"unsigned long", false, 64, ""},
        {"unsigned long long", false, 64, ""},
        {"int64_t", true, 64, ""},
        {"uint64_t", false, 64, ""},
    };
    for (const auto& k : known) {
        if (t == k.name) {
            return {true, k.is_signed, k.width, k.flip};
        }
    }
    return r;
}

// The design file with the local headers it includes appended.
std::string with_headers(const parse::DesignFacts& facts, const SourceText& source) {
    std::string text(source.text());
    fs::path dir = fs::path(facts.file).parent_path();
    std::regex inc(R"(#\s*include\s*"([^"]+)\")");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), inc);
         it != std::sregex_iterator(); ++it) {
        fs::path h = dir / (*it)[1].str();
        std::error_code ec;
        if (!facts.file.empty() && fs::is_regular_file(h, ec)) {
            try {
                text += '\n';
                text += read_file(h);
            } catch (const Error&) {
                // An unreadable header only costs its typedefs.
            }
        }
    }
    return text;
}

// Typedefs and aliases of the design file and the local headers it includes.
Typedefs collect_typedefs(const std::string& text) {
    Typedefs defs;
    std::regex td(R"(\btypedef\s+([^;{}]+?)\s+(\w+)\s*;)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), td); it != std::sregex_iterator();
         ++it) {
        defs[(*it)[2].str()] = (*it)[1].str();
    }
    std::regex us(R"(\busing\s+(\w+)\s*=\s*([^;{}]+?)\s*;)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), us); it != std::sregex_iterator();
         ++it) {
        defs[(*it)[1].str()] = (*it)[2].str();
    }
    return defs;
}

// Integer literals as written ("0xACE1u", "255") and "#define NAME literal" names.
using Defines = std::map<std::string, unsigned long long>;

std::optional<unsigned long long> literal_value(std::string_view tok) {
    std::string t(tok);
    while (!t.empty() &&
           (t.back() == 'u' || t.back() == 'U' || t.back() == 'l' || t.back() == 'L')) {
        t.pop_back();
    }
    bool hex = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
    if (t.empty() || !std::isdigit(static_cast<unsigned char>(t[0])) ||
        (!hex && t.find_first_not_of("0123456789") != std::string::npos)) {
        return std::nullopt; // a float, a binary literal, or no number
    }
    try {
        std::size_t used = 0;
        unsigned long long v = std::stoull(t, &used, 0);
        return used == t.size() ? std::optional(v) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Defines collect_defines(const std::string& text) {
    Defines out;
    std::regex def(
        R"(#\s*define\s+(\w+)\s+\(?\s*([0-9][0-9A-Fa-fxXuUlL]*)\s*\)?[ \t]*(?:\n|//|/\*))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), def);
         it != std::sregex_iterator(); ++it) {
        if (auto v = literal_value((*it)[2].str())) {
            out[(*it)[1].str()] = *v;
        }
    }
    return out;
}

// ---- which variables hold data whose top bit is really reached --------------------------

struct Var {
    const parse::Variable* v = nullptr;
    IntType type;
    bool array = false;
    /// Unsigned: the values span the whole width (ports, buffers, slices). Signed: the values
    /// can be negative (a difference, a slice, signed port data), so not a zero-extended byte
    /// kept in a wider signed variable.
    bool data = false;
};

bool has(const std::string& s, const char* what) {
    return s.find(what) != std::string::npos;
}

// The expression's tokens with the contents of its [...] removed: "in[r - 1]" -> "in [ ]".
std::vector<Token> without_indices(std::string_view expr) {
    std::vector<Token> out;
    int depth = 0;
    for (const auto& k : code_tokens(expr)) {
        if (k.text == "]") {
            --depth;
        }
        if (depth == 0) {
            out.push_back(k);
        }
        if (k.text == "[") {
            ++depth;
        }
    }
    return out;
}

// True when a literal in `text` has bit `width - 1` set and fits in `width` bits.
bool top_bit_literal(std::string_view text, int width) {
    if (width < 2 || width > 64) {
        return false;
    }
    for (const auto& k : code_tokens(text)) {
        if (k.kind != TokKind::number) {
            continue;
        }
        auto v = literal_value(k.text);
        if (v && ((*v >> (width - 1)) & 1ULL) && (width == 64 || (*v >> width) == 0)) {
            return true;
        }
    }
    return false;
}

class Vars {
  public:
    Vars(const parse::DesignFacts& facts, const Typedefs& defs, const Scan& s) {
        for (const auto& v : facts.variables) {
            Var x;
            x.v = &v;
            x.type = classify(v.type, defs);
            x.array = has(v.type, "[") || has(v.type, "*");
            by_fn_[v.function].push_back(x);
        }
        for (const auto& l : facts.loops) {
            if (!l.induction_var.empty()) {
                loop_vars_[l.function].push_back(l.induction_var);
            }
        }
        // The arguments of every call of a helper (not the top): what its scalar parameters hold.
        for (const auto& fn : facts.functions) {
            if (fn.is_top) {
                continue;
            }
            for (std::size_t k = 0; k + 1 < s.toks.size(); ++k) {
                if (s.toks[k].text != fn.name || s.toks[k + 1].text != "(") {
                    continue;
                }
                int ln = s.src->line_of(s.toks[k].begin);
                const ScanFunction* caller = s.function_at(ln);
                if (!caller || ln == fn.line_start || caller->name == fn.name) {
                    continue; // the definition itself, or a recursive call
                }
                std::size_t pos = 0, b = k + 2;
                int depth = 0;
                for (std::size_t j = k + 1; j < s.toks.size(); ++j) {
                    std::string_view x = s.toks[j].text;
                    depth += x == "(" || x == "[" ? 1 : x == ")" || x == "]" ? -1 : 0;
                    if ((depth == 1 && x == ",") || depth == 0) {
                        if (pos < fn.params.size() && j > b) {
                            std::string_view text = s.src->text();
                            args_[fn.name + ":" + fn.params[pos].name].push_back(
                                {caller->name, ln,
                                 std::string(text.substr(s.toks[b].begin,
                                                         s.toks[j - 1].end - s.toks[b].begin))});
                        }
                        ++pos;
                        b = j + 1;
                    }
                    if (depth == 0) {
                        break;
                    }
                }
            }
        }
        // What each local array is assigned: "grid[0][r][c] = in[r][c];".
        for (int ln = 1; ln <= static_cast<int>(s.src->line_count()); ++ln) {
            const ScanFunction* f = s.function_at(ln);
            if (!f || !is_code_line(s, ln)) {
                continue;
            }
            std::string_view line = s.src->line(ln);
            auto t = code_tokens(line);
            if (t.size() < 4 || t[0].kind != TokKind::ident || t[1].text != "[") {
                continue;
            }
            for (std::size_t i = 1, depth = 0; i < t.size(); ++i) {
                depth += t[i].text == "[" ? 1 : t[i].text == "]" ? -1 : 0;
                if (depth == 0 && (t[i].text == "=" || t[i].text == "+=" || t[i].text == "-=")) {
                    assigned_[f->name + ":" + std::string(t[0].text)].emplace_back(
                        ln, std::string(line.substr(t[i].end)));
                    break;
                }
                if (depth == 0 && t[i].text != "]" && t[i].text != "[") {
                    break;
                }
            }
        }
        // Twice: an array may be filled from a variable declared after it.
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& [fn, vars] : by_fn_) {
                for (auto& x : vars) {
                    x.data = is_data(x, fn);
                }
            }
        }
    }

    /// The declaration of `name` visible at `line` in `fn` (nearest one above); of the
    /// globals only constant data tables are seen.
    const Var* find(const std::string& fn, std::string_view name, int line) const {
        const Var* best = nullptr;
        if (auto it = by_fn_.find(fn); it != by_fn_.end()) {
            for (const auto& x : it->second) {
                if (x.v->name == name && x.v->line <= line &&
                    (!best || x.v->line >= best->v->line)) {
                    best = &x;
                }
            }
        }
        if (auto it = by_fn_.find(""); !best && !fn.empty() && it != by_fn_.end()) {
            for (const auto& x : it->second) {
                if (x.v->name == name && x.data && x.array && has(x.v->type, "const")) {
                    best = &x;
                }
            }
        }
        return best;
    }

    const std::map<std::string, std::vector<Var>>& all() const { return by_fn_; }
    bool is_loop_var(const std::string& fn, const std::string& name) const {
        auto it = loop_vars_.find(fn);
        return it != loop_vars_.end() &&
               std::find(it->second.begin(), it->second.end(), name) != it->second.end();
    }

    /// The local declared on `line`, when exactly one is.
    const Var* declared_at(const std::string& fn, int line) const {
        auto it = by_fn_.find(fn);
        if (it == by_fn_.end()) {
            return nullptr;
        }
        const Var* found = nullptr;
        for (const auto& x : it->second) {
            if (x.v->line == line && !x.v->is_param) {
                if (found) {
                    return nullptr;
                }
                found = &x;
            }
        }
        return found;
    }

  private:
    // An expression whose value can be negative: a difference, a slice reinterpreted as
    // signed, a stream sample, or a read of signed data.
    bool negative_source(const std::string& fn, std::string_view expr, int line) const {
        auto t = without_indices(expr);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].text == "-" || (t[i].text == "." && i + 1 < t.size() &&
                                     (t[i + 1].text == "range" || t[i + 1].text == "read"))) {
                return true;
            }
            if (t[i].kind == TokKind::ident) {
                const Var* src = find(fn, t[i].text, line);
                if (src && src->data && src->type.ok && src->type.is_signed) {
                    return true;
                }
            }
        }
        return false;
    }

    bool is_data(const Var& x, const std::string& fn) const {
        const auto& v = *x.v;
        const auto& lv = loop_vars_.count(fn) ? loop_vars_.at(fn) : std::vector<std::string>{};
        if (!x.type.ok || std::find(lv.begin(), lv.end(), v.name) != lv.end()) {
            return false;
        }
        if (v.is_param) {
            // Array and stream ports carry testbench data over their whole range; a scalar
            // port (a gain, a tag, a mode) often does not. A helper's scalar parameter holds
            // data when a call passes it a data value.
            if (x.array || has(v.type, "stream")) {
                return true;
            }
            auto it = args_.find(fn + ":" + v.name);
            return it != args_.end() &&
                   std::any_of(it->second.begin(), it->second.end(),
                               [&](const Arg& a) { return copied_data(a.caller, a.text, a.line); });
        }
        if (x.array) {
            if (has(v.type, "const")) {
                // A constant table counts only when one of its entries has the top bit set.
                return !x.type.is_signed && top_bit_literal(v.init_text, x.type.width);
            }
            if (!x.type.is_signed) {
                return true;
            }
            auto it = assigned_.find(fn + ":" + v.name);
            if (it == assigned_.end()) {
                return false;
            }
            return std::any_of(it->second.begin(), it->second.end(), [&](const auto& a) {
                return negative_source(fn, a.second, a.first);
            });
        }
        if (!v.has_init) {
            return false;
        }
        const std::string& init = v.init_text;
        if (x.type.is_signed) {
            // A difference or signed data; or unsigned data of at least this width copied in
            // whole, whose top bit now reads as the sign.
            const Var* src = copied_data(fn, init, v.line - 1);
            return negative_source(fn, init, v.line - 1) ||
                   (src && !src->type.is_signed && src->type.width >= x.type.width);
        }
        if (has(init, ".range(") || has(init, ".read(")) {
            return true;
        }
        // A direct copy of a data element or value: "pixel_t p = in[i];".
        auto t = code_tokens(init);
        if (!t.empty() && t[0].kind == TokKind::ident && (t.size() == 1 || t[1].text == "[")) {
            const Var* src = find(fn, t[0].text, v.line - 1);
            return src && src->data && read_end_is_all(t);
        }
        return false;
    }

    static bool read_end_is_all(const std::vector<Token>& t) {
        int depth = 0;
        for (std::size_t i = 1; i < t.size(); ++i) {
            depth += t[i].text == "[" ? 1 : t[i].text == "]" ? -1 : 0;
            if (depth == 0 && t[i].text != "]") {
                return false;
            }
        }
        return true;
    }

    // The data variable `expr` reads whole ("x", "in[i]"), else null.
    const Var* copied_data(const std::string& fn, std::string_view expr, int line) const {
        auto t = code_tokens(expr);
        if (t.empty() || t[0].kind != TokKind::ident || (t.size() > 1 && t[1].text != "[") ||
            !read_end_is_all(t)) {
            return nullptr;
        }
        const Var* src = find(fn, t[0].text, line);
        return src && src->data && src->type.ok ? src : nullptr;
    }

    struct Arg {
        std::string caller;
        int line = 0;
        std::string text;
    };

    std::map<std::string, std::vector<Var>> by_fn_;
    std::map<std::string, std::vector<Arg>> args_; ///< "helper:param" -> the arguments passed
    std::map<std::string, std::vector<std::string>> loop_vars_;
    std::map<std::string, std::vector<std::pair<int, std::string>>> assigned_;
};

// ---- statements ---------------------------------------------------------------------------

bool is_assign(std::string_view op) {
    return op == "=" || op == "+=" || op == "-=";
}

bool is_arith(std::string_view op) {
    return op == "+" || op == "-" || op == "*";
}

// The end (one past) of the read starting at token i: "x", "x[i]", "m[r][c]".
std::size_t read_end(const std::vector<Token>& t, std::size_t i) {
    std::size_t e = i + 1;
    while (e < t.size() && t[e].text == "[") {
        int depth = 0;
        for (; e < t.size(); ++e) {
            depth += t[e].text == "[" ? 1 : t[e].text == "]" ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        ++e;
    }
    return std::min(e, t.size());
}

// When t[close] is the ')' of a cast "(T)", the cast's type; else an invalid type.
IntType cast_before(const std::vector<Token>& t, std::size_t close, std::string_view line,
                    const Typedefs& defs) {
    if (close == 0 || t[close].text != ")") {
        return {};
    }
    std::size_t open = close;
    while (open > 0 && t[open].text != "(") {
        --open;
    }
    if (t[open].text != "(" || (open > 0 && (t[open - 1].kind == TokKind::ident ||
                                             t[open - 1].text == ")" || t[open - 1].text == "]"))) {
        return {}; // a call or a grouping, not a cast
    }
    std::string inner(line.substr(t[open].end, t[close].begin - t[open].end));
    return classify(inner, defs);
}

// True when every later read of local `name` (declared on `decl`) in `f` is a left shift by a
// constant of at least `bits`: the high bits a widening changed are then shifted out.
bool shifted_out(const Scan& s, const ScanFunction* f, const std::string& name, int decl,
                 int bits) {
    bool any = false;
    for (int ln = decl + 1; ln <= f->line_end; ++ln) {
        auto t = code_tokens(s.src->line(ln));
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].text != name || (i > 0 && (t[i - 1].text == "." || t[i - 1].text == "->"))) {
                continue;
            }
            auto amount = i + 2 < t.size() && t[i + 1].text == "<<" ? literal_value(t[i + 2].text)
                                                                    : std::nullopt;
            if (!amount || *amount < static_cast<unsigned long long>(bits)) {
                return false;
            }
            any = true;
        }
    }
    return any;
}

// True when `name` bounds a for-loop that starts after line `decl` (up to line `end`).
bool loop_bound(const Scan& s, const std::string& name, int decl, int end) {
    return std::any_of(s.loops.begin(), s.loops.end(), [&](const ScanLoop& l) {
        if (l.line <= decl || l.line > end) {
            return false;
        }
        std::string header = l.init + " " + l.cond; // the tokens view into it
        for (const auto& k : code_tokens(header)) {
            if (k.text == name) {
                return true;
            }
        }
        return false;
    });
}

bool is_relational(std::string_view op) {
    return op == "<" || op == "<=" || op == ">" || op == ">=";
}

// The width of what a right shift on line `t` at token `i` is stored in: a cast "(T)(x >> k)"
// around it, else the variable the statement declares or assigns; 0 when unknown.
int stored_width(const Scan& s, const Vars& vars, const Typedefs& defs, const std::string& fn,
                 int ln, const std::vector<Token>& t, std::size_t i) {
    std::string_view raw = s.src->line(ln);
    if (i >= 2 && t[i - 1].text == "(" && t[i - 2].text == ")") {
        IntType c = cast_before(t, i - 2, raw, defs);
        return c.ok ? c.width : 0;
    }
    if (const Var* d = vars.declared_at(fn, ln)) {
        return d->type.ok ? d->type.width : 0;
    }
    if (t.size() > 2 && t[0].kind == TokKind::ident) {
        std::size_t e = read_end(t, 0); // "y = ...", "seg[i] = ..."
        const Var* d = e < t.size() && t[e].text == "=" ? vars.find(fn, t[0].text, ln) : nullptr;
        return d && d->type.ok ? d->type.width : 0;
    }
    return 0;
}

struct SignUse {
    const Scan& s;
    const Vars& vars;
    const Typedefs& defs;
    const Defines& macros;

    // Where a read of `name` (`width` bits) in lines (from, to] depends on its sign: a right
    // shift of it whose high bits are kept, a comparison with it, or a conversion ".to_uint()"
    // of it. Returns the first such line, 0 when none.
    int first(const std::string& fn, const std::string& name, int width, int from, int to) const {
        for (int ln = from + 1; ln <= to; ++ln) {
            auto t = code_tokens(s.src->line(ln));
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i].kind != TokKind::ident || t[i].text != name ||
                    (i > 0 && (t[i - 1].text == "." || t[i - 1].text == "->"))) {
                    continue;
                }
                std::string_view next = i + 1 < t.size() ? t[i + 1].text : "";
                std::string_view prev = i > 0 ? t[i - 1].text : "";
                bool converted =
                    next == "." && i + 2 < t.size() && t[i + 2].text.rfind("to_", 0) == 0;
                if (next == ">>" && i + 2 < t.size()) {
                    // "(cell_t)(sum >> 3)": the shifted-in bits land above what is kept.
                    std::string k(t[i + 2].text);
                    auto amount = macros.count(k) ? std::optional(macros.at(k)) : literal_value(k);
                    int kept = stored_width(s, vars, defs, fn, ln, t, i);
                    if (amount && kept > 0 &&
                        static_cast<long long>(kept) <= width - static_cast<long long>(*amount)) {
                        continue;
                    }
                }
                if (next == ">>" || next == ">>=" || is_relational(next) || is_relational(prev) ||
                    converted) {
                    return ln;
                }
            }
        }
        return 0;
    }
};

// Declarations with the other signedness: a scalar local whose values reach the top bit (data,
// or a start value such as "hval_t lo = 0xFF;", "cost_t best = 0xFFFF;", a negative one) and
// that is later compared, shifted right or converted now holds numbers of the other sign.
void declaration_sites(const Scan& s, const Vars& vars, const Typedefs& defs, const Defines& macros,
                       std::vector<Site>& out) {
    for (const auto& [fn, list] : vars.all()) {
        for (const auto& x : list) {
            const auto& v = *x.v;
            if (fn.empty() || v.is_param || x.array || !v.has_init || !x.type.ok ||
                x.type.flip.empty() || vars.is_loop_var(fn, v.name) || has(v.type, "stream")) {
                continue;
            }
            auto it = code_tokens(v.init_text);
            bool negative = it.size() == 2 && it[0].text == "-" && literal_value(it[1].text);
            std::optional<unsigned long long> value;
            if (it.size() == 1 && it[0].kind == TokKind::number) {
                value = literal_value(it[0].text);
            } else if (it.size() == 1 && it[0].kind == TokKind::ident &&
                       macros.count(v.init_text)) {
                value = macros.at(v.init_text);
            }
            bool top =
                x.data ||
                (x.type.is_signed ? negative
                                  : value && top_bit_literal(std::to_string(*value), x.type.width));
            const ScanFunction* f = s.function_at(v.line);
            if (!top || !f) {
                continue;
            }
            int use =
                SignUse{s, vars, defs, macros}.first(fn, v.name, x.type.width, v.line, f->line_end);
            if (use == 0) {
                continue;
            }
            std::string raw(s.src->line(v.line));
            auto t = code_tokens(raw);
            std::size_t k = 0;
            while (k + 1 < t.size() && !(t[k].text == v.name && t[k + 1].text == "=")) {
                ++k;
            }
            std::size_t a = 0;
            while (a < k && (t[a].text == "static" || t[a].text == "const" ||
                             t[a].text == "volatile" || t[a].text == "constexpr")) {
                ++a;
            }
            if (k + 1 >= t.size() || a >= k) {
                continue;
            }
            std::string written = raw.substr(t[a].begin, t[k - 1].end - t[a].begin);
            IntType w = classify(written, defs);
            if (!w.ok || w.flip != x.type.flip) {
                continue;
            }
            std::string line = raw;
            line.replace(t[a].begin, t[k - 1].end - t[a].begin, x.type.flip);
            out.push_back(line_site(
                s, "USE", "use-signed-narrow-type", v.line, line,
                fmt::format("'{}' is declared {} instead of {}: {}, so the comparison, shift "
                            "or conversion on line {} sees another number",
                            v.name, x.type.flip, written,
                            x.data ? std::string(x.type.is_signed
                                                     ? "its negative values now read as large "
                                                       "positive ones"
                                                     : "values with the top bit set now read as "
                                                       "negative")
                                   : fmt::format("its start value {} now reads as {}", v.init_text,
                                                 x.type.is_signed ? "a large positive number"
                                                                  : "a negative number"),
                            use)));
        }
    }
}

} // namespace

std::vector<Site> UseRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    std::string all_text = with_headers(facts, source);
    Typedefs defs = collect_typedefs(all_text);
    Vars vars(facts, defs, s);
    std::vector<Site> out;
    int prev_code = 0; // last line holding code, to skip continuation lines
    for (int ln = 1; ln <= static_cast<int>(source.line_count()); ++ln) {
        const ScanFunction* f = s.function_at(ln);
        std::string raw(source.line(ln));
        std::string_view tr = trim(raw);
        auto t = code_tokens(raw);
        bool continuation = prev_code > 0 && !t.empty() && [&] {
            std::string_view p = trim(source.line(prev_code));
            auto pt = code_tokens(p);
            if (pt.empty() || p[0] == '#') {
                return false;
            }
            std::string_view last = pt.back().text;
            return last != ";" && last != "{" && last != "}" && last != ":";
        }();
        if (!t.empty()) {
            prev_code = ln;
        }
        if (!f || !is_code_line(s, ln) || ln <= source.line_of(f->body_begin) || continuation ||
            tr.empty() || tr.back() != ';' || t.size() < 3) {
            continue;
        }
        // Every bitwise operator would mask or merge the bits the cast changes.
        bool masked = std::any_of(t.begin(), t.end(), [](const Token& k) {
            return k.text == "&" || k.text == "|" || k.text == "^" || k.text == "%" ||
                   k.text == "?" || k.text == "&=" || k.text == "|=" || k.text == "^=";
        });
        int depth = 0;
        bool comma = false;
        for (const auto& k : t) {
            depth += k.text == "(" || k.text == "[" ? 1 : k.text == ")" || k.text == "]" ? -1 : 0;
            comma = comma || (depth == 0 && k.text == ",");
        }
        if (masked || comma) {
            continue; // masked bits, or several declarations on one line
        }
        // The destination: a declaration on this line, or "name[...] (+|-)= ...".
        IntType dest;
        std::size_t rhs = 0;
        if (const Var* d = vars.declared_at(f->name, ln)) {
            dest = d->type;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i].text == "=") {
                    rhs = i + 1;
                    break;
                }
            }
        } else if (t[0].kind == TokKind::ident) {
            std::size_t e = read_end(t, 0);
            if (e < t.size() && is_assign(t[e].text)) {
                if (const Var* d = vars.find(f->name, t[0].text, ln)) {
                    dest = d->type;
                    rhs = e + 1;
                }
            }
        }
        if (!dest.ok || rhs == 0) {
            continue;
        }
        for (std::size_t i = rhs; i < t.size(); ++i) {
            if (t[i].kind != TokKind::ident) {
                continue;
            }
            const Var* v = vars.find(f->name, t[i].text, ln);
            if (!v || !v->data || !v->type.ok || v->type.flip.empty() || v->type.width < 2 ||
                v->type.width > 24) {
                continue;
            }
            std::size_t e = read_end(t, i);
            bool indexed = e > i + 1;
            if (indexed != (has(v->v->type, "[") || has(v->v->type, "*"))) {
                continue; // a whole array, or a scalar indexed as bits
            }
            std::string_view before = i > 0 ? t[i - 1].text : "";
            std::string_view after = e < t.size() ? t[e].text : ";";
            if (after != ";" && after != ")" && !is_arith(after)) {
                continue; // a member call, a comparison, a shift
            }
            // The widening happens at a cast "(ap_int<10>)x[i]" or at the destination.
            IntType target = dest;
            if (before == ")") {
                target = cast_before(t, i - 1, raw, defs);
            } else if (before == "(") {
                if (i >= 2 && (t[i - 2].kind == TokKind::ident || t[i - 2].text == ">")) {
                    continue; // a call argument
                }
            } else if (!is_arith(before) && !is_assign(before)) {
                continue;
            }
            if (!target.ok || target.width <= v->type.width) {
                continue; // no widening: the low bits, and so the result, stay the same
            }
            if (const Var* d = vars.declared_at(f->name, ln);
                d && before != ")" &&
                (shifted_out(s, f, d->v->name, ln, target.width - v->type.width) ||
                 loop_bound(s, d->v->name, ln, f->line_end))) {
                // "hi << 4" into a byte drops the bits the widening changed; a loop bound read
                // from a table (a row pointer, a bag end) is a count that rarely uses its top bit.
                continue;
            }
            std::string line = raw;
            line.insert(t[i].begin, "(" + v->type.flip + ")");
            std::string read = raw.substr(t[i].begin, t[e - 1].end - t[i].begin);
            out.push_back(line_site(
                s, type(), id(), ln, line,
                v->type.is_signed
                    ? fmt::format("'{}' is read as {}: the negative {}-bit value is now "
                                  "zero-extended instead of sign-extended when widened",
                                  read, v->type.flip, v->type.width)
                    : fmt::format("'{}' is read as {}: its {}-bit value is now sign-extended "
                                  "instead of zero-extended when widened",
                                  read, v->type.flip, v->type.width)));
            break;
        }
    }
    declaration_sites(s, vars, defs, collect_defines(all_text), out);
    std::stable_sort(out.begin(), out.end(),
                     [](const Site& a, const Site& b) { return a.line < b.line; });
    return out;
}

} // namespace hlsv::inject
