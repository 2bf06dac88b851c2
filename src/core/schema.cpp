// Checking a configuration table against its keys (see schema.h).
#include "schema.h"

namespace hlsv::schema {

std::string_view describe(Kind k) {
    switch (k) {
    case Kind::string:
        return "a string";
    case Kind::strings:
        return "a list of strings";
    case Kind::number:
        return "a number";
    case Kind::integer:
        return "an integer";
    case Kind::boolean:
        return "true or false";
    case Kind::object:
        return "an object";
    case Kind::other:
        break;
    }
    return "a value of another type";
}

namespace {
// A value of kind `got` is acceptable where `want` is expected: one string stands for a list of
// one, an integer for a number.
bool fits(Kind got, Kind want) {
    return got == want || (want == Kind::strings && got == Kind::string) ||
           (want == Kind::number && got == Kind::integer);
}
} // namespace

void check(const fs::path& file, std::string_view where, const std::vector<Found>& found,
           std::span<const Key> keys) {
    std::vector<std::string> names;
    for (const auto& k : keys) {
        names.emplace_back(k.name);
    }
    for (const auto& f : found) {
        const Key* key = nullptr;
        for (const auto& k : keys) {
            if (k.name == f.name) {
                key = &k;
            }
        }
        if (!key) {
            std::string msg = "unknown key \"" + f.name + "\" in " + std::string(where);
            std::string near = closest_word(f.name, names);
            if (!near.empty()) {
                msg += " (did you mean \"" + near + "\"?)";
            }
            throw InputError(file, msg);
        }
        if (!fits(f.kind, key->kind)) {
            throw InputError(file, "\"" + f.name + "\" must be " +
                                       std::string(describe(key->kind)) + ", not " +
                                       std::string(describe(f.kind)));
        }
    }
}

Kind kind_of(const nlohmann::json& v) {
    if (v.is_string()) {
        return Kind::string;
    }
    if (v.is_boolean()) {
        return Kind::boolean;
    }
    if (v.is_number_integer()) {
        return Kind::integer;
    }
    if (v.is_number()) {
        return Kind::number;
    }
    if (v.is_object()) {
        return Kind::object;
    }
    if (v.is_array()) {
        for (const auto& e : v) {
            if (!e.is_string()) {
                return Kind::other;
            }
        }
        return Kind::strings;
    }
    return Kind::other;
}

std::vector<Found> keys_of(const nlohmann::json& object) {
    std::vector<Found> out;
    for (const auto& [name, value] : object.items()) {
        out.push_back({name, kind_of(value)});
    }
    return out;
}

} // namespace hlsv::schema
