// The keys hlsv's own configuration files may hold (hlsv.json, hlsv.toml) and their types, so a
// typo (`"timout_s"`) is an error naming the key and its nearest known spelling instead of a
// setting silently ignored, and a wrong type names the key and the type expected. Internal to
// core: design.cpp and config.cpp hold the tables, this file the checking.
#pragma once

#include "core.h"

#include <nlohmann/json.hpp>
#include <span>

namespace hlsv::schema {

enum class Kind {
    string,
    strings, ///< a list of strings, or one string
    number,
    integer,
    boolean,
    object,
    other, ///< a value of a kind no key takes (null, a list of numbers, a date, ...)
};

/// What a Kind is called in an error message: "a string", "a list of strings", ...
std::string_view describe(Kind k);

struct Key {
    std::string_view name;
    Kind kind;
};

/// One key as the document holds it.
struct Found {
    std::string name;
    Kind kind;
};

/// Throws InputError(file, ...) for the first key of `found` that `keys` does not list
/// ("unknown key \"timout_s\" in <where> (did you mean \"timeout_s\"?)") or whose kind is not
/// the one listed ("\"timeout_s\" must be a number, not a string"). `where` names the table
/// ("hlsv.json", "\"expect\"").
void check(const fs::path& file, std::string_view where, const std::vector<Found>& found,
           std::span<const Key> keys);

/// The kind of a JSON value; a string also matches `strings`, an integer also `number`.
Kind kind_of(const nlohmann::json& v);

/// The keys of a JSON object with their kinds.
std::vector<Found> keys_of(const nlohmann::json& object);

} // namespace hlsv::schema
