// Reading a model's reply: find the injection JSON wherever the model put it, validate it
// against the Chrysalis schema, and build the repair round's follow-up message.
#include "prompt.h"

#include <nlohmann/json.hpp>

namespace hlsv::prompt {

namespace {

/// End (one past) of the balanced JSON object starting at `open`, honouring strings and
/// escapes; npos when unbalanced.
std::size_t balanced_end(std::string_view s, std::size_t open) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = open; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

} // namespace

std::optional<std::string> extract_json_object(std::string_view reply,
                                               std::string_view required_key) {
    // Bounded work on pathological replies: a prose reply full of C++ braces would otherwise
    // cost a quadratic scan.
    constexpr int max_candidates = 256;
    int tried = 0;
    for (std::size_t open = reply.find('{');
         open != std::string_view::npos && tried < max_candidates;
         open = reply.find('{', open + 1)) {
        std::size_t end = balanced_end(reply, open);
        if (end == std::string_view::npos) {
            continue;
        }
        ++tried;
        std::string_view candidate = reply.substr(open, end - open);
        auto j = nlohmann::json::parse(candidate, nullptr, false);
        if (!j.is_discarded() && j.is_object() && j.contains(std::string(required_key))) {
            return std::string(candidate);
        }
    }
    return std::nullopt;
}

Extracted extract_injection(std::string_view reply) {
    Extracted out;
    if (trim(reply).empty()) {
        out.reason = "the reply is empty";
        return out;
    }
    auto json = extract_json_object(reply, "Error Specification");
    if (!json) {
        out.reason = reply.find('{') == std::string_view::npos
                         ? "the reply contains no JSON object"
                         : "the reply contains no valid JSON object with an \"Error "
                           "Specification\" key";
        return out;
    }
    out.json = *json;
    try {
        out.injection = parse_injection(*json);
    } catch (const InputError& e) {
        out.reason = std::string("the JSON does not follow the bug-file schema: ") + e.what();
    }
    return out;
}

std::vector<Message> repair_messages(const std::vector<Message>& previous, const std::string& reply,
                                     const std::string& reason) {
    std::vector<Message> out = previous;
    out.push_back({"assistant", reply});
    out.push_back(
        {"user", "That reply cannot be used: " + reason +
                     ".\nFix this and answer again with one corrected JSON object in the "
                     "required shape (\"Error Size\" and \"Error Specification\" with "
                     "\"Error Type\", \"Original Code\", \"Faulty Code\"), with nothing "
                     "before or after it. \"Original Code\" must be copied exactly from the "
                     "design."});
    return out;
}

std::string to_json(const std::vector<Message>& messages) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& m : messages) {
        arr.push_back({{"role", m.role}, {"content", m.content}});
    }
    return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_text(const std::vector<Message>& messages) {
    std::string out;
    for (const auto& m : messages) {
        out += "=== " + m.role + " ===\n" + m.content + "\n\n";
    }
    return out;
}

} // namespace hlsv::prompt
