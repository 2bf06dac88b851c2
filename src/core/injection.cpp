// The Chrysalis bug-file JSON: {"Error Size": N, "Error Specification": [{"Error Type", ...}]}.
#include "core.h"

#include <nlohmann/json.hpp>

namespace hlsv {

std::vector<std::string> Injection::types() const {
    std::vector<std::string> out;
    for (const auto& s : specs) {
        if (std::find(out.begin(), out.end(), s.type) == out.end()) {
            out.push_back(s.type);
        }
    }
    return out;
}

Injection parse_injection(std::string_view json_text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& ex) {
        throw InputError(std::string("not valid JSON: ") + ex.what());
    }
    if (!j.is_object()) {
        throw InputError("bug file is not a JSON object");
    }
    Injection inj;
    auto spec_it = j.find("Error Specification");
    if (spec_it == j.end() || !spec_it->is_array()) {
        throw InputError("missing \"Error Specification\" array");
    }
    if (spec_it->empty()) {
        throw InputError("empty \"Error Specification\"");
    }
    for (const auto& e : *spec_it) {
        if (!e.is_object()) {
            throw InputError("an \"Error Specification\" entry is not an object");
        }
        ErrorSpec s;
        for (const char* key : {"Error Type", "Original Code", "Faulty Code"}) {
            auto it = e.find(key);
            if (it == e.end() || !it->is_string()) {
                throw InputError(std::string("entry ") + std::to_string(inj.specs.size() + 1) +
                                 ": missing string \"" + key + "\"");
            }
        }
        s.type = e["Error Type"].get<std::string>();
        s.original = e["Original Code"].get<std::string>();
        s.faulty = e["Faulty Code"].get<std::string>();
        if (auto it = e.find("Line"); it != e.end() && it->is_number_integer()) {
            s.line = it->get<int>();
        }
        if (auto it = e.find("Explanation"); it != e.end() && it->is_string()) {
            s.explanation = it->get<std::string>();
        }
        inj.specs.push_back(std::move(s));
    }
    auto size_it = j.find("Error Size");
    if (size_it != j.end() && size_it->is_number_integer()) {
        inj.error_size = size_it->get<int>();
    } else if (size_it != j.end() && size_it->is_string()) {
        try {
            inj.error_size = std::stoi(size_it->get<std::string>());
        } catch (const std::exception&) {
            throw InputError("\"Error Size\" is not a number");
        }
    } else {
        inj.error_size = static_cast<int>(inj.specs.size());
    }
    return inj;
}

std::string injection_to_json(const Injection& inj) {
    nlohmann::ordered_json j;
    j["Error Size"] = inj.error_size;
    j["Error Specification"] = nlohmann::ordered_json::array();
    for (const auto& s : inj.specs) {
        nlohmann::ordered_json e;
        e["Error Type"] = s.type;
        e["Original Code"] = s.original;
        e["Faulty Code"] = s.faulty;
        if (s.line) {
            e["Line"] = *s.line;
        }
        if (!s.explanation.empty()) {
            e["Explanation"] = s.explanation;
        }
        j["Error Specification"].push_back(std::move(e));
    }
    return j.dump(4) + "\n";
}

} // namespace hlsv
