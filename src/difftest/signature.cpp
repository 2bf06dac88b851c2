// The top function's arguments, from the parse facts: the driver's storage for each argument
// and the number of stream elements fed before a call.
#include "difftest.h"
#include "parse/parse.h"

namespace hlsv::difftest {

namespace {

std::optional<long long> pragma_depth(const parse::DesignFacts& facts, const std::string& top,
                                      const std::string& port) {
    for (const auto& p : facts.pragmas) {
        if (p.function != top || (p.directive != "interface" && p.directive != "stream")) {
            continue;
        }
        auto name = p.options.value("port", p.options.value("variable", std::string()));
        if (name != port || !p.options.contains("depth")) {
            continue;
        }
        const auto& d = p.options["depth"];
        try {
            long long v = d.is_string() ? std::stoll(d.get<std::string>()) : d.get<long long>();
            if (v > 0) {
                return v;
            }
        } catch (const std::exception&) {
            // A depth given as a macro name: the default applies.
        }
    }
    return std::nullopt;
}

} // namespace

Signature signature_of(const fs::path& source, const std::string& text, const std::string& top,
                       const std::vector<std::string>& cflags, const SignatureOptions& opts) {
    parse::Options po;
    po.top = top;
    po.cflags = cflags;
    po.include_dirs.push_back(source.parent_path().string());
    parse::DesignFacts facts = parse::parse_source(source.string(), text, po);
    const parse::Function* fn = nullptr;
    for (const auto& f : facts.functions) {
        if (f.name == top && f.body_line_start > 0) {
            fn = &f;
        }
    }
    if (!fn) {
        throw InputError(source, "no definition of the top function '" + top + "'");
    }
    Signature sig;
    sig.top = top;
    for (const auto& p : fn->params) {
        Argument a;
        a.name = p.name;
        a.type = p.type;
        a.pointer = p.is_array || p.is_pointer;
        auto depth = pragma_depth(facts, top, p.name);
        if (a.pointer) {
            if (!p.dims.empty() && p.dims.front() > 0) {
                a.elements = p.dims.front();
            } else {
                a.elements = depth.value_or(opts.depth);
            }
        }
        if (p.type.find("stream") != std::string::npos) {
            a.stream_depth = static_cast<int>(depth.value_or(opts.stream_depth));
        }
        sig.args.push_back(a);
    }
    return sig;
}

fs::path top_source(const DesignSpec& design) {
    if (design.sources.empty()) {
        throw InputError(design.dir, "design has no source files");
    }
    for (const auto& src : design.sources) {
        std::string text = read_file(src);
        for (const char* sep : {"(", " ("}) {
            auto pos = text.find(design.top + sep);
            while (pos != std::string::npos) {
                bool word_start = pos == 0 || !(std::isalnum((unsigned char)text[pos - 1]) ||
                                                text[pos - 1] == '_');
                if (word_start) {
                    // A definition: the parameter list is followed by a body.
                    auto close = text.find(')', pos);
                    auto next = text.find_first_not_of(
                        " \t\r\n", close == std::string::npos ? text.size() : close + 1);
                    if (next != std::string::npos && text[next] == '{') {
                        return src;
                    }
                }
                pos = text.find(design.top + sep, pos + 1);
            }
        }
    }
    return design.sources.front();
}

} // namespace hlsv::difftest
