// Output: the JSON shape of `hlsv parse` (a public interface: field names are fixed) and a short
// human summary.
#include "internal.h"

#include <fmt/format.h>

namespace hlsv::parse {

namespace {

using ojson = nlohmann::ordered_json;

template <class T> ojson opt(const std::optional<T>& v) {
    return v ? ojson(*v) : ojson(nullptr);
}

ojson str_or_null(const std::string& s) {
    return s.empty() ? ojson(nullptr) : ojson(s);
}

} // namespace

nlohmann::ordered_json to_json(const DesignFacts& f) {
    ojson j = ojson::object();
    j["file"] = f.file;
    j["lines"] = f.lines;
    j["semantic"] = f.semantic;
    ojson fns = ojson::array();
    for (const auto& fn : f.functions) {
        ojson params = ojson::array();
        for (const auto& p : fn.params) {
            params.push_back({{"name", p.name},
                              {"type", p.type},
                              {"dims", p.dims},
                              {"is_array", p.is_array},
                              {"is_pointer", p.is_pointer},
                              {"is_reference", p.is_reference}});
        }
        fns.push_back({{"name", fn.name},
                       {"line_start", fn.line_start},
                       {"line_end", fn.line_end},
                       {"body_line_start", fn.body_line_start},
                       {"is_top", fn.is_top},
                       {"params", std::move(params)},
                       {"calls", fn.calls}});
    }
    j["functions"] = std::move(fns);
    ojson loops = ojson::array();
    for (const auto& l : f.loops) {
        loops.push_back({{"id", l.id},
                         {"label", str_or_null(l.label)},
                         {"kind", l.kind},
                         {"line_start", l.line_start},
                         {"line_end", l.line_end},
                         {"body_line_start", l.body_line_start},
                         {"depth", l.depth},
                         {"parent", opt(l.parent)},
                         {"function", str_or_null(l.function)},
                         {"induction_var", str_or_null(l.induction_var)},
                         {"trip_count", opt(l.trip_count)},
                         {"init", str_or_null(l.init_text)},
                         {"cond", str_or_null(l.cond_text)},
                         {"step", str_or_null(l.step_text)},
                         {"cond_op", str_or_null(l.cond_op)},
                         {"init_value", opt(l.init_value)},
                         {"bound_value", opt(l.bound_value)},
                         {"step_value", opt(l.step_value)}});
    }
    j["loops"] = std::move(loops);
    ojson arrays = ojson::array();
    for (const auto& a : f.arrays) {
        arrays.push_back({{"name", a.name},
                          {"element_type", a.element_type},
                          {"dims", a.dims},
                          {"storage", a.storage},
                          {"line", a.line},
                          {"function", str_or_null(a.function)}});
    }
    j["arrays"] = std::move(arrays);
    ojson pragmas = ojson::array();
    for (const auto& p : f.pragmas) {
        pragmas.push_back({{"directive", p.directive},
                           {"options", p.options},
                           {"line", p.line},
                           {"function", str_or_null(p.function)},
                           {"loop", opt(p.loop)},
                           {"target", opt(p.target)},
                           {"target_resolved", p.target_resolved},
                           {"text", p.text}});
    }
    j["pragmas"] = std::move(pragmas);
    ojson types = ojson::array();
    for (const auto& t : f.hls_types) {
        types.push_back({{"name", t.name},
                         {"width", opt(t.width)},
                         {"int_width", opt(t.int_width)},
                         {"text", t.text},
                         {"line", t.line}});
    }
    j["hls_types"] = std::move(types);
    ojson vars = ojson::array();
    for (const auto& v : f.variables) {
        vars.push_back({{"name", v.name},
                        {"type", v.type},
                        {"line", v.line},
                        {"function", str_or_null(v.function)},
                        {"has_init", v.has_init},
                        {"init", str_or_null(v.init_text)},
                        {"is_static", v.is_static},
                        {"is_param", v.is_param}});
    }
    j["variables"] = std::move(vars);
    ojson diags = ojson::array();
    for (const auto& d : f.diagnostics) {
        diags.push_back({{"severity", d.severity}, {"line", d.line}, {"message", d.message}});
    }
    j["diagnostics"] = std::move(diags);
    return j;
}

std::string to_text(const DesignFacts& f) {
    std::string out =
        fmt::format("{}: {} lines, {} functions, {} loops, {} arrays, {} pragmas{}\n", f.file,
                    f.lines, f.functions.size(), f.loops.size(), f.arrays.size(), f.pragmas.size(),
                    f.semantic ? "" : " (syntactic only)");
    for (const auto& fn : f.functions) {
        std::string params;
        for (const auto& p : fn.params) {
            params += (params.empty() ? "" : ", ") + p.type + " " + p.name;
        }
        out += fmt::format("  function {}({}) lines {}-{}{}\n", fn.name, params, fn.line_start,
                           fn.line_end, fn.is_top ? " [top]" : "");
    }
    for (const auto& l : f.loops) {
        out += fmt::format("  loop #{} {}{} lines {}-{} depth {} in {}", l.id, l.kind,
                           l.label.empty() ? "" : " " + l.label, l.line_start, l.line_end, l.depth,
                           l.function);
        if (!l.induction_var.empty()) {
            out += " var " + l.induction_var;
        }
        out += l.trip_count ? fmt::format(" trips {}\n", *l.trip_count) : std::string("\n");
    }
    for (const auto& a : f.arrays) {
        std::string dims;
        for (auto d : a.dims) {
            dims += d < 0 ? std::string("[?]") : fmt::format("[{}]", d);
        }
        out += fmt::format("  array {} {}{} ({}) line {}\n", a.element_type, a.name, dims,
                           a.storage, a.line);
    }
    for (const auto& p : f.pragmas) {
        out += fmt::format("  pragma {} line {} -> {}\n", p.text, p.line,
                           p.loop               ? fmt::format("loop #{}", *p.loop)
                           : p.function.empty() ? std::string("file")
                                                : "function " + p.function);
    }
    for (const auto& t : f.hls_types) {
        out += fmt::format("  type {} line {}\n", t.text, t.line);
    }
    for (const auto& d : f.diagnostics) {
        out += fmt::format("  {}: line {}: {}\n", d.severity, d.line, d.message);
    }
    return out;
}

} // namespace hlsv::parse
