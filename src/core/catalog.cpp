// The bug catalog: loaded from prompts/bugs.json (our own words for each type).
#include "core.h"

#include <nlohmann/json.hpp>

namespace hlsv {

namespace {
std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end()) {
        for (const auto& v : *it) {
            out.push_back(v.get<std::string>());
        }
    }
    return out;
}
} // namespace

BugCatalog BugCatalog::load(const fs::path& file) {
    std::string text = read_file(file);
    BugCatalog cat;
    try {
        auto j = nlohmann::json::parse(text);
        for (const auto& e : j.at("types")) {
            BugType t;
            t.code = e.at("code").get<std::string>();
            std::string cls = e.at("class").get<std::string>();
            if (cls != "functional" && cls != "pragma") {
                throw InputError(file, "type " + t.code + ": class must be functional or pragma");
            }
            t.cls = cls == "pragma" ? BugClass::pragma : BugClass::functional;
            t.name = e.value("name", t.code);
            t.specification = e.at("specification").get<std::string>();
            t.rules = string_list(e, "rules");
            t.cot_steps = string_list(e, "steps");
            cat.types_.push_back(std::move(t));
        }
    } catch (const nlohmann::json::exception& ex) {
        throw InputError(file, std::string("malformed bug catalog: ") + ex.what());
    }
    if (cat.types_.empty()) {
        throw InputError(file, "bug catalog lists no types");
    }
    return cat;
}

const BugCatalog& BugCatalog::get() {
    static const BugCatalog catalog = load(data_dir() / "prompts" / "bugs.json");
    return catalog;
}

const BugType* BugCatalog::find(std::string_view code) const {
    for (const auto& t : types_) {
        if (t.code == code) {
            return &t;
        }
    }
    return nullptr;
}

const BugType& BugCatalog::at(std::string_view code) const {
    if (const BugType* t = find(code)) {
        return *t;
    }
    std::string known;
    for (const auto& t : types_) {
        known += (known.empty() ? "" : ",") + t.code;
    }
    throw InputError("unknown bug type '" + std::string(code) + "' (known: " + known + ")");
}

std::vector<std::string> BugCatalog::parse_list(std::string_view list) const {
    std::vector<std::string> out;
    auto add_class = [&](BugClass c) {
        for (const auto& t : types_) {
            if (t.cls == c) {
                out.push_back(t.code);
            }
        }
    };
    for (const auto& raw : split(list, ',')) {
        std::string item(trim(raw));
        for (auto& ch : item) {
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        if (item.empty()) {
            continue;
        }
        if (item == "ALL") {
            add_class(BugClass::functional);
            add_class(BugClass::pragma);
        } else if (item == "FUNCTIONAL") {
            add_class(BugClass::functional);
        } else if (item == "PRAGMA") {
            add_class(BugClass::pragma);
        } else {
            out.push_back(at(item).code);
        }
    }
    if (out.empty()) {
        throw InputError("empty bug type list");
    }
    return out;
}

} // namespace hlsv
