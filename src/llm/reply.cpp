// Reading what an OpenAI-compatible server sent back: completions and error bodies.
#include "internal.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace hlsv::llm::detail {

namespace {
// Messages end up in JSON (samples, attempts): bytes of a body that is not valid UTF-8 are
// shown as '?' so a message is always text.
std::string one_line(std::string_view s, std::size_t cap = 300) {
    std::string out;
    for (char c : s.substr(0, cap)) {
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    if (!is_valid_utf8(out)) {
        for (auto& c : out) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                c = '?';
            }
        }
    }
    if (s.size() > cap) {
        out += "...";
    }
    return out;
}

// Where decoding stops (for the message only; is_valid_utf8 decides). Overlong forms are
// not singled out.
std::size_t first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80           ? 1
                        : (c >> 5) == 0x6  ? 2
                        : (c >> 4) == 0xE  ? 3
                        : (c >> 3) == 0x1E ? 4
                                           : 0;
        if (n == 0 || i + n > s.size()) {
            return i;
        }
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return i;
            }
        }
        i += n;
    }
    return s.size();
}

Result malformed(std::string why) {
    Result r;
    r.outcome = Outcome::malformed;
    r.message = std::move(why);
    return r;
}

long int_field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long>() : 0;
}
} // namespace

Result parse_completion(std::string_view body) {
    if (body.empty()) {
        return malformed("empty reply body");
    }
    if (!is_valid_utf8(body)) {
        // Bytes until proven text: never hand invalid UTF-8 to the JSON parser or a message.
        std::size_t at = first_invalid_utf8(body);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X",
                      at < body.size() ? static_cast<unsigned char>(body[at]) : 0u);
        Result r = malformed("reply is not valid UTF-8 (byte " + std::string(hex) + " at offset " +
                             std::to_string(at) + " of " + std::to_string(body.size()) + ")");
        r.outcome = Outcome::bad_encoding;
        return r;
    }
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        return malformed("reply is not valid JSON (" + std::to_string(body.size()) +
                         " bytes, starts: " + one_line(body, 60) + ")");
    }
    if (!j.is_object()) {
        return malformed("reply is JSON but not an object");
    }
    if (j.contains("error") && !j.contains("choices")) {
        return malformed("reply carries an error with a 2xx status: " + error_summary(body));
    }
    auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array()) {
        return malformed("reply has no 'choices' array");
    }
    if (choices->empty()) {
        return malformed("reply has an empty 'choices' list");
    }
    const auto& first = (*choices)[0];
    if (!first.is_object() || !first.contains("message") || !first["message"].is_object()) {
        return malformed("reply choice has no 'message' object");
    }
    const auto& msg = first["message"];
    auto content = msg.find("content");
    if (content == msg.end() || !content->is_string()) {
        return malformed("reply message has no string 'content'");
    }
    Result r;
    r.response.content = content->get<std::string>();
    if (auto fr = first.find("finish_reason"); fr != first.end() && fr->is_string()) {
        r.response.finish_reason = fr->get<std::string>();
    }
    if (auto m = j.find("model"); m != j.end() && m->is_string()) {
        r.response.model = m->get<std::string>();
    }
    if (auto u = j.find("usage"); u != j.end() && u->is_object()) {
        r.response.usage.prompt_tokens = int_field(*u, "prompt_tokens");
        r.response.usage.completion_tokens = int_field(*u, "completion_tokens");
        r.response.usage.total_tokens = int_field(*u, "total_tokens");
    }
    return r;
}

std::string error_summary(std::string_view body) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        auto e = j.find("error");
        if (e != j.end() && e->is_object() && e->contains("message") &&
            (*e)["message"].is_string()) {
            return one_line((*e)["message"].get<std::string>());
        }
        if (e != j.end() && e->is_string()) {
            return one_line(e->get<std::string>());
        }
    }
    return body.empty() ? std::string("(empty body)") : one_line(body);
}

} // namespace hlsv::llm::detail
