#include "consteval.h"

#include <cctype>
#include <cstdlib>

namespace hlsv::check {
namespace {

// A recursive-descent evaluator over the C operator precedence levels we meet in array sizes
// and loop bounds. Any surprise makes the whole value unknown (nullopt): precision first.
class Evaluator {
  public:
    Evaluator(std::string_view s, const Symbols& sym, int depth)
        : s_(s), sym_(sym), depth_(depth) {}

    std::optional<long long> run() {
        auto v = parse_or();
        skip_ws();
        if (!v || pos_ != s_.size()) {
            return std::nullopt;
        }
        return v;
    }

  private:
    std::string_view s_;
    const Symbols& sym_;
    int depth_;
    std::size_t pos_ = 0;

    void skip_ws() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) {
            ++pos_;
        }
    }
    bool eat(std::string_view op) {
        skip_ws();
        if (s_.substr(pos_, op.size()) == op) {
            // Do not split "<<" into "<" or "||" into "|".
            if (op.size() == 1 && pos_ + 1 < s_.size() && s_[pos_ + 1] == op[0] &&
                (op == "<" || op == ">" || op == "|" || op == "&")) {
                return false;
            }
            pos_ += op.size();
            return true;
        }
        return false;
    }

    using V = std::optional<long long>;
    template <class Next, class Op>
    V binary(Next next, std::initializer_list<std::string_view> ops, Op apply) {
        V left = (this->*next)();
        while (left) {
            bool matched = false;
            for (auto op : ops) {
                if (eat(op)) {
                    V right = (this->*next)();
                    if (!right) {
                        return std::nullopt;
                    }
                    left = apply(op, *left, *right);
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                break;
            }
        }
        return left;
    }

    V parse_or() {
        return binary(&Evaluator::parse_xor, {"|"},
                      [](auto, long long a, long long b) -> V { return a | b; });
    }
    V parse_xor() {
        return binary(&Evaluator::parse_and, {"^"},
                      [](auto, long long a, long long b) -> V { return a ^ b; });
    }
    V parse_and() {
        return binary(&Evaluator::parse_shift, {"&"},
                      [](auto, long long a, long long b) -> V { return a & b; });
    }
    V parse_shift() {
        return binary(&Evaluator::parse_add, {"<<", ">>"},
                      [](std::string_view op, long long a, long long b) -> V {
                          if (b < 0 || b > 62) {
                              return std::nullopt;
                          }
                          return op == "<<" ? (a << b) : (a >> b);
                      });
    }
    V parse_add() {
        return binary(&Evaluator::parse_mul, {"+", "-"},
                      [](std::string_view op, long long a, long long b) -> V {
                          return op == "+" ? a + b : a - b;
                      });
    }
    V parse_mul() {
        return binary(&Evaluator::parse_unary, {"*", "/", "%"},
                      [](std::string_view op, long long a, long long b) -> V {
                          if (op == "*") {
                              return a * b;
                          }
                          if (b == 0) {
                              return std::nullopt;
                          }
                          return op == "/" ? a / b : a % b;
                      });
    }
    V parse_unary() {
        if (eat("-")) {
            auto v = parse_unary();
            return v ? V(-*v) : std::nullopt;
        }
        if (eat("+")) {
            return parse_unary();
        }
        if (eat("~")) {
            auto v = parse_unary();
            return v ? V(~*v) : std::nullopt;
        }
        return parse_primary();
    }
    V parse_primary() {
        skip_ws();
        if (pos_ >= s_.size()) {
            return std::nullopt;
        }
        char c = s_[pos_];
        if (c == '(') {
            ++pos_;
            // A C cast such as "(int)" is skipped when followed by an operand.
            std::size_t save = pos_;
            while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                        s_[pos_] == '_' || s_[pos_] == ' ')) {
                ++pos_;
            }
            if (pos_ < s_.size() && s_[pos_] == ')') {
                std::string_view inner = s_.substr(save, pos_ - save);
                if (inner.find("int") != std::string_view::npos ||
                    inner.find("long") != std::string_view::npos ||
                    inner.find("unsigned") != std::string_view::npos ||
                    inner.find("short") != std::string_view::npos) {
                    ++pos_;
                    return parse_unary();
                }
            }
            pos_ = save;
            auto v = parse_or();
            if (!v || !eat(")")) {
                return std::nullopt;
            }
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            const char* begin = s_.data() + pos_;
            std::string digits;
            std::size_t p = pos_;
            while (p < s_.size() &&
                   (std::isalnum(static_cast<unsigned char>(s_[p])) || s_[p] == '\'')) {
                if (s_[p] != '\'') {
                    digits += s_[p];
                }
                ++p;
            }
            (void)begin;
            // Strip integer suffixes (u, l, ul, ll, ull in any case).
            while (!digits.empty() && (digits.back() == 'u' || digits.back() == 'U' ||
                                       digits.back() == 'l' || digits.back() == 'L')) {
                digits.pop_back();
            }
            int base = 10;
            std::string body = digits;
            if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
                base = 16;
                body = body.substr(2);
            } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
                base = 2;
                body = body.substr(2);
            } else if (body.size() > 1 && body[0] == '0') {
                base = 8;
                body = body.substr(1);
            }
            char* end = nullptr;
            long long v = std::strtoll(body.c_str(), &end, base);
            if (body.empty() || *end != '\0') {
                return std::nullopt;
            }
            pos_ = p;
            return v;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t p = pos_;
            while (p < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[p])) ||
                                     s_[p] == '_' || s_[p] == ':')) {
                ++p;
            }
            std::string_view name = s_.substr(pos_, p - pos_);
            pos_ = p;
            if (name == "true") {
                return 1;
            }
            if (name == "false") {
                return 0;
            }
            auto it = sym_.find(name);
            if (it == sym_.end() || depth_ > 16) {
                return std::nullopt;
            }
            return Evaluator(it->second, sym_, depth_ + 1).run();
        }
        return std::nullopt;
    }
};

} // namespace

std::optional<long long> eval_const(std::string_view expr, const Symbols& symbols) {
    if (expr.empty() || expr.size() > 512) {
        return std::nullopt;
    }
    return Evaluator(expr, symbols, 0).run();
}

} // namespace hlsv::check
