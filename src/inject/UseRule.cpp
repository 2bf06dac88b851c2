// USE sites: a read of narrow data (a port, a data array, a value sliced or streamed from one)
// that is widened by its statement gets a same-width cast of the other signedness, so the
// widening sign-extends where it zero-extended (or the reverse). Only reads whose values really
// reach the top bit are used: a counter or a zero-extended byte held in a wider signed
// variable would give a silent or equivalent mutant.
#include "UseRule.h"

#include "scan.h"

#include <fmt/format.h>
#include <map>
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

// Typedefs and aliases of the design file and the local headers it includes.
Typedefs collect_typedefs(const parse::DesignFacts& facts, const SourceText& source) {
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

    /// The declaration of `name` visible at `line` in `fn` (nearest one above).
    const Var* find(const std::string& fn, std::string_view name, int line) const {
        auto it = by_fn_.find(fn);
        if (it == by_fn_.end()) {
            return nullptr;
        }
        const Var* best = nullptr;
        for (const auto& x : it->second) {
            if (x.v->name == name && x.v->line <= line && (!best || x.v->line >= best->v->line)) {
                best = &x;
            }
        }
        return best;
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
            // port (a gain, a tag, a mode) often does not.
            return x.array || has(v.type, "stream");
        }
        if (x.array) {
            if (has(v.type, "const")) {
                return false; // a constant table may never reach its top bit
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
            return negative_source(fn, init, v.line - 1);
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

    std::map<std::string, std::vector<Var>> by_fn_;
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

} // namespace

std::vector<Site> UseRule::sites(const parse::DesignFacts& facts, const SourceText& source) const {
    Scan s = scan(facts, source);
    Typedefs defs = collect_typedefs(facts, source);
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
    return out;
}

} // namespace hlsv::inject
