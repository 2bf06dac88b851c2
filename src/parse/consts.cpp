// Integer constant folding for loop bounds, array dimensions and template widths: a small
// recursive-descent evaluator over the expression text, with names resolved through ConstTable.
#include "internal.h"

#include <cctype>
#include <climits>

namespace hlsv::parse::detail {

namespace {
constexpr int max_depth = 32; // guards `#define A B` / `#define B A` cycles
}

/// Precedence-climbing parser over one expression string. Any construct it does not understand
/// (casts, calls, sizeof, floating point) makes the whole expression unresolved.
class ExprParser {
  public:
    ExprParser(std::string_view s, const ConstTable& t, const std::string& scope, int depth)
        : s_(s), table_(t), scope_(scope), depth_(depth) {}

    std::optional<long long> run() {
        auto v = parse_binary(0);
        skip_ws();
        if (!v || pos_ != s_.size()) {
            return std::nullopt;
        }
        return v;
    }

  private:
    void skip_ws() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) {
            ++pos_;
        }
    }

    // Binary operators from loosest to tightest, C precedence.
    static int prec(std::string_view op) {
        if (op == "|")
            return 1;
        if (op == "^")
            return 2;
        if (op == "&")
            return 3;
        if (op == "<<" || op == ">>")
            return 4;
        if (op == "+" || op == "-")
            return 5;
        if (op == "*" || op == "/" || op == "%")
            return 6;
        return 0;
    }

    std::string_view peek_op() {
        skip_ws();
        if (pos_ >= s_.size()) {
            return {};
        }
        std::string_view rest = s_.substr(pos_);
        for (std::string_view op : {"<<", ">>"}) {
            if (rest.substr(0, 2) == op) {
                return op;
            }
        }
        // `&&`, `||`, comparisons and assignments are not integer-constant operators we fold.
        if (rest.size() >= 2 && (rest.substr(0, 2) == "&&" || rest.substr(0, 2) == "||")) {
            return {};
        }
        char c = rest[0];
        if (std::string_view("|^&+-*/%").find(c) != std::string_view::npos) {
            return rest.substr(0, 1);
        }
        return {};
    }

    std::optional<long long> parse_binary(int min_prec) {
        auto lhs = parse_unary();
        if (!lhs) {
            return std::nullopt;
        }
        while (true) {
            auto op = peek_op();
            int p = op.empty() ? 0 : prec(op);
            if (p == 0 || p < min_prec) {
                break;
            }
            pos_ += op.size();
            auto rhs = parse_binary(p + 1);
            if (!rhs) {
                return std::nullopt;
            }
            auto r = apply(op, *lhs, *rhs);
            if (!r) {
                return std::nullopt;
            }
            lhs = r;
        }
        return lhs;
    }

    static std::optional<long long> apply(std::string_view op, long long a, long long b) {
        long long r = 0;
        if (op == "+") {
            if (__builtin_add_overflow(a, b, &r))
                return std::nullopt;
        } else if (op == "-") {
            if (__builtin_sub_overflow(a, b, &r))
                return std::nullopt;
        } else if (op == "*") {
            if (__builtin_mul_overflow(a, b, &r))
                return std::nullopt;
        } else if (op == "/" || op == "%") {
            if (b == 0 || (a == LLONG_MIN && b == -1))
                return std::nullopt;
            r = op == "/" ? a / b : a % b;
        } else if (op == "<<" || op == ">>") {
            if (b < 0 || b >= 63)
                return std::nullopt;
            if (op == ">>") {
                r = a >> b;
            } else {
                if (a < 0 || a > (LLONG_MAX >> b))
                    return std::nullopt;
                r = a << b;
            }
        } else if (op == "&") {
            r = a & b;
        } else if (op == "|") {
            r = a | b;
        } else if (op == "^") {
            r = a ^ b;
        } else {
            return std::nullopt;
        }
        return r;
    }

    std::optional<long long> parse_unary() {
        skip_ws();
        if (pos_ >= s_.size()) {
            return std::nullopt;
        }
        char c = s_[pos_];
        if (c == '-' || c == '+' || c == '~') {
            ++pos_;
            auto v = parse_unary();
            if (!v)
                return std::nullopt;
            if (c == '-') {
                if (*v == LLONG_MIN)
                    return std::nullopt;
                return -*v;
            }
            return c == '~' ? ~*v : *v;
        }
        if (c == '(') {
            ++pos_;
            auto v = parse_binary(0);
            skip_ws();
            if (!v || pos_ >= s_.size() || s_[pos_] != ')') {
                return std::nullopt;
            }
            ++pos_;
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            return parse_number();
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t b = pos_;
            while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                        s_[pos_] == '_' || s_[pos_] == ':')) {
                ++pos_;
            }
            std::string name(s_.substr(b, pos_ - b));
            skip_ws();
            if (pos_ < s_.size() && s_[pos_] == '(') {
                return std::nullopt; // a call or function-like macro
            }
            return table_.lookup(scope_, name, depth_ + 1);
        }
        return std::nullopt;
    }

    std::optional<long long> parse_number() {
        std::size_t b = pos_;
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                    s_[pos_] == '\'' || s_[pos_] == '.')) {
            ++pos_;
        }
        std::string digits;
        for (char ch : s_.substr(b, pos_ - b)) {
            if (ch != '\'')
                digits += ch;
        }
        // Strip integer suffixes (u, l, ll, ul, ...).
        while (!digits.empty() && (digits.back() == 'u' || digits.back() == 'U' ||
                                   digits.back() == 'l' || digits.back() == 'L')) {
            digits.pop_back();
        }
        if (digits.empty() || digits.find('.') != std::string::npos) {
            return std::nullopt;
        }
        int base = 10;
        std::size_t start = 0;
        if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
            base = 16;
            start = 2;
        } else if (digits.size() > 2 && digits[0] == '0' &&
                   (digits[1] == 'b' || digits[1] == 'B')) {
            base = 2;
            start = 2;
        } else if (digits.size() > 1 && digits[0] == '0') {
            base = 8;
            start = 1;
        }
        unsigned long long v = 0;
        for (std::size_t i = start; i < digits.size(); ++i) {
            int d = 0;
            char ch = digits[i];
            if (ch >= '0' && ch <= '9') {
                d = ch - '0';
            } else if (ch >= 'a' && ch <= 'f') {
                d = ch - 'a' + 10;
            } else if (ch >= 'A' && ch <= 'F') {
                d = ch - 'A' + 10;
            } else {
                return std::nullopt;
            }
            if (d >= base)
                return std::nullopt;
            if (v > (static_cast<unsigned long long>(LLONG_MAX) - static_cast<unsigned>(d)) /
                        static_cast<unsigned>(base)) {
                return std::nullopt;
            }
            v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
        }
        return static_cast<long long>(v);
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    const ConstTable& table_;
    const std::string& scope_;
    int depth_;
};

void ConstTable::define(const std::string& scope, const std::string& name, std::string expr) {
    defs_.emplace(std::make_pair(scope, name), std::move(expr));
}

std::optional<long long> ConstTable::lookup(const std::string& scope, const std::string& name,
                                            int depth) const {
    if (depth > max_depth) {
        return std::nullopt;
    }
    // Function scope first, then file scope.
    for (const std::string& s : {scope, std::string()}) {
        auto key = std::make_pair(s, name);
        auto it = defs_.find(key);
        if (it == defs_.end()) {
            if (s.empty()) {
                break;
            }
            continue;
        }
        auto m = memo_.find(key);
        if (m != memo_.end()) {
            return m->second;
        }
        auto v = eval_depth(it->second, s, depth);
        memo_[key] = v;
        return v;
    }
    return std::nullopt;
}

std::optional<long long> ConstTable::eval_depth(std::string_view expr, const std::string& scope,
                                                int depth) const {
    if (depth > max_depth || expr.empty()) {
        return std::nullopt;
    }
    return ExprParser(expr, *this, scope, depth).run();
}

std::optional<long long> ConstTable::eval(std::string_view expr, const std::string& scope) const {
    return eval_depth(expr, scope, 0);
}

} // namespace hlsv::parse::detail
