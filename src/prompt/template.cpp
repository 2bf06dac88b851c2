// Prompt templates: `### system` / `### user` sections with {{name}} placeholders.
#include "prompt.h"

#include <algorithm>

namespace hlsv::prompt {

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Calls `on_text(text)` and `on_placeholder(name)` for the pieces of `text` in order.
template <typename Text, typename Placeholder>
void scan(std::string_view text, Text on_text, Placeholder on_placeholder) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            break;
        }
        std::size_t end = open + 2;
        while (end < text.size() && is_name_char(text[end])) {
            ++end;
        }
        if (end > open + 2 && text.substr(end, 2) == "}}") {
            on_text(text.substr(pos, open - pos));
            on_placeholder(std::string(text.substr(open + 2, end - open - 2)));
            pos = end + 2;
        } else {
            on_text(text.substr(pos, open + 2 - pos)); // not a placeholder: keep literally
            pos = open + 2;
        }
    }
    on_text(text.substr(pos));
}

std::string trim_block(std::string_view s) {
    // Keep inner layout; drop blank lines around the section body.
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

} // namespace

std::vector<std::string> Template::placeholders() const {
    std::vector<std::string> out;
    for (const std::string* part : {&system, &user}) {
        scan(
            *part, [](std::string_view) {},
            [&](const std::string& name) {
                if (std::find(out.begin(), out.end(), name) == out.end()) {
                    out.push_back(name);
                }
            });
    }
    return out;
}

Template parse_template(std::string_view text, const std::string& name) {
    Template t;
    t.name = name;
    std::string* current = nullptr;
    bool seen_system = false;
    bool seen_user = false;
    std::string system;
    std::string user;
    std::size_t pos = 0;
    int lineno = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        ++lineno;
        std::string_view stripped = trim(line);
        if (stripped == "### system" || stripped == "### user") {
            bool sys = stripped == "### system";
            bool& seen = sys ? seen_system : seen_user;
            if (seen) {
                throw InputError(name + ":" + std::to_string(lineno) + ": duplicate section '" +
                                 std::string(stripped) + "'");
            }
            seen = true;
            current = sys ? &system : &user;
        } else if (current) {
            current->append(line).append("\n");
        } else if (!stripped.empty() && stripped.front() != '#') {
            throw InputError(name + ":" + std::to_string(lineno) +
                             ": text before the first section (start with '### system')");
        }
        if (nl == std::string_view::npos) {
            break;
        }
        pos = nl + 1;
    }
    if (!seen_system || !seen_user) {
        throw InputError(name + ": template needs both '### system' and '### user' sections");
    }
    t.system = trim_block(system);
    t.user = trim_block(user);
    return t;
}

Template load_template(const fs::path& file) {
    return parse_template(read_file(file), file.string());
}

std::string render(std::string_view text, const std::map<std::string, std::string>& vars,
                   const std::string& template_name) {
    std::string out;
    out.reserve(text.size() * 2);
    scan(
        text, [&](std::string_view piece) { out.append(piece); },
        [&](const std::string& name) {
            auto it = vars.find(name);
            if (it == vars.end()) {
                throw InputError(template_name + ": no value for placeholder {{" + name + "}}");
            }
            out.append(it->second);
        });
    return out;
}

} // namespace hlsv::prompt
