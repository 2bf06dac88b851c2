// Confirmers for the pragma bug types: why the added or changed pragma is non-ideal for the
// code it applies to (the access pattern, the dimension, the factor, the port), as evidence.
#include "classify_internal.h"

namespace hlsv::inject::classify_detail {
// ---- pragma types ---------------------------------------------------------------------------

TypeConfirmation confirm_apt(const parse::Pragma& p, const parse::DesignFacts& after,
                             const std::string& after_text) {
    std::string type = opt(p, "type");
    if (p.directive != "array_partition" || type.empty() || !p.target) {
        return no("no array_partition with a type");
    }
    const std::string& v = *p.target;
    std::string body = function_text(after, after_text, p.function);
    auto subs = subscripts(body, v);
    auto vars = loop_vars(after, p.function);
    const parse::Array* arr = array_named(after, v, p.function);
    long long total = 1;
    bool known = arr && !arr->dims.empty();
    if (known) {
        for (auto d : arr->dims) {
            known = known && d > 0;
            total *= d > 0 ? d : 1;
        }
    }
    bool strided = false, consecutive = false;
    for (const auto& s : subs) {
        auto t = toks(s);
        strided = strided || has_tok(t, "*") || has_tok(t, "/") || has_tok(t, "<<");
        consecutive = consecutive || (!t.empty() && vars.count(t[0]) > 0);
    }
    std::string ideal = strided ? "block" : consecutive ? "cyclic" : "complete";
    if (known && total <= 8) {
        ideal = "complete";
    }
    if (type == ideal) {
        return no(fmt::format("{} suits '{}' as accessed", type, v));
    }
    return yes(fmt::format("'{}' is accessed {}{}: {} partitioning suits it, not {}", v,
                           strided       ? "with a stride"
                           : consecutive ? "at consecutive indices"
                                         : "whole",
                           known ? fmt::format(" ({} elements)", total) : "", ideal, type));
}

TypeConfirmation confirm_fnd(const parse::Pragma& p, const parse::DesignFacts& before,
                             const parse::DesignFacts& after) {
    auto f = to_ll(opt(p, "factor"));
    if (!f || *f <= 1) {
        return no("no factor above 1");
    }
    if (p.directive == "unroll") {
        // The loop's header sits above the edit, so its line is the same in the golden, whose
        // facts may know a trip count written with a header's macros.
        std::optional<long long> trip;
        for (const auto& l : after.loops) {
            if (p.loop && l.id == *p.loop) {
                trip = l.trip_count;
                for (const auto& g : before.loops) {
                    if (g.line_start == l.line_start && g.trip_count) {
                        trip = g.trip_count;
                    }
                }
            }
        }
        if (trip && *trip > 0) {
            if (*trip % *f != 0) {
                return yes(
                    fmt::format("unroll factor {} does not divide the trip count {}", *f, *trip));
            }
            return no(fmt::format("factor {} divides the trip count {}", *f, *trip));
        }
        return no("the loop's trip count is unknown");
    }
    if ((p.directive == "array_partition" || p.directive == "array_reshape") && p.target) {
        const parse::Array* a = array_named(before, *p.target, p.function);
        const parse::Param* prm = a ? nullptr : param_named(before, *p.target, p.function);
        const std::vector<long long>* dims = a ? &a->dims : prm ? &prm->dims : nullptr;
        auto d = to_ll(opt(p, "dim"));
        std::size_t dim = d && *d > 0 ? static_cast<std::size_t>(*d) : 1;
        if (dims && dim <= dims->size() && (*dims)[dim - 1] > 0) {
            long long n = (*dims)[dim - 1];
            if (n % *f != 0) {
                return yes(fmt::format("factor {} does not divide dimension {} of '{}' ({})", *f,
                                       dim, *p.target, n));
            }
            return no(fmt::format("factor {} divides {}", *f, n));
        }
        return no("the partitioned dimension's size is unknown");
    }
    return no("not an unroll or partition factor");
}

TypeConfirmation confirm_did(const parse::Pragma& p, const parse::DesignFacts& before,
                             const parse::DesignFacts& after) {
    auto d = to_ll(opt(p, "dim"));
    if (!d || !p.target || (p.directive != "array_partition" && p.directive != "array_reshape")) {
        return no("no partition/reshape dim");
    }
    // The edited text's facts first; the golden's (with libclang, so arrays a macro declares
    // are known) when those do not know the array. A DID edit never changes the declaration.
    std::size_t rank = 0;
    for (const parse::DesignFacts* f : {&after, &before}) {
        if (const parse::Array* a = array_named(*f, *p.target, p.function)) {
            rank = a->dims.size();
        } else if (const auto* prm = param_named(*f, *p.target, p.function)) {
            rank = prm->dims.size();
        }
        if (rank > 0) {
            break;
        }
    }
    if (rank > 0 && *d > static_cast<long long>(rank)) {
        return yes(fmt::format("dim={} on '{}' of rank {}", *d, *p.target, rank));
    }
    return no(fmt::format("dim={} exists for '{}' (rank {})", *d, *p.target, rank));
}

TypeConfirmation confirm_dfp(const parse::Pragma& p, const parse::DesignFacts& after) {
    if (p.directive != "dataflow") {
        return no("no dataflow pragma");
    }
    if (p.loop) {
        return yes(fmt::format("dataflow inside the body of the loop at line {}",
                               after.loops[static_cast<std::size_t>(*p.loop)].line_start));
    }
    const parse::Function* fn = after.function(p.function);
    int tasks = 0;
    for (const auto& l : after.loops) {
        tasks += l.function == p.function && l.depth == 0;
    }
    tasks += fn ? static_cast<int>(fn->calls.size()) : 0;
    if (tasks < 2) {
        return yes(
            fmt::format("'{}' is not a sequence of tasks ({} loop/call)", p.function, tasks));
    }
    return no(fmt::format("'{}' holds {} tasks a dataflow region can pipeline", p.function, tasks));
}

std::string port_of(const parse::Pragma& p) {
    return p.target ? *p.target : opt(p, "port");
}

TypeConfirmation confirm_idap(const parse::Pragma& p, const parse::DesignFacts& after,
                              const std::string& after_text) {
    std::string mode = opt(p, "mode");
    std::string port = port_of(p);
    if (p.directive != "interface" || port.empty()) {
        return no("no interface pragma with a port");
    }
    const parse::Param* prm = param_named(after, port, p.function);
    std::string body = function_text(after, after_text, p.function);
    if (mode == "ap_fifo" || mode == "axis") {
        auto subs = subscripts(body, port);
        std::set<std::string> distinct(subs.begin(), subs.end());
        if (distinct.size() >= 2) {
            return yes(fmt::format("'{}' is accessed at {} different indices; {} needs one "
                                   "sequential pass",
                                   port, distinct.size(), mode));
        }
        auto vars = loop_vars(after, p.function);
        for (const auto& s : distinct) {
            auto t = toks(s);
            if (t.size() != 1 || !vars.count(t[0])) {
                return yes(fmt::format("'{}[{}]' is not a sequential access; {} needs one", port, s,
                                       mode));
            }
        }
        return no(fmt::format("'{}' is accessed sequentially, {} suits it", port, mode));
    }
    if ((mode == "bram" || mode == "ap_memory" || mode == "m_axi" || mode == "s_axilite") && prm &&
        prm->type.find("stream") != std::string::npos) {
        return yes(
            fmt::format("'{}' is a stream (sequential) given the memory mode {}", port, mode));
    }
    return no(fmt::format("mode {} fits how '{}' is accessed", mode, port));
}

TypeConfirmation confirm_ramb(const ErrorSpec& s, const parse::DesignFacts& after,
                              const std::string& after_text) {
    std::set<std::string> maxi;
    std::string function;
    for (const auto& p : after.pragmas) {
        if (p.directive == "interface" && opt(p, "mode") == "m_axi") {
            maxi.insert(port_of(p));
            function = p.function;
        }
    }
    auto b = toks(code_only(s.faulty));
    auto lines = code_only(s.faulty) + "\n";
    // An edit of pragmas only (the code lines it carries are unchanged): the accesses that
    // matter are the function's.
    bool pragmas_only = toks(code_only(s.original)) == b;
    std::string scope = pragmas_only || lines.find_first_not_of(" \t\n") == std::string::npos
                            ? function_text(after, after_text, function)
                            : lines;
    std::set<std::string> ivars = loop_vars(after, function);
    for (const auto& port : maxi) {
        for (const auto& sub : subscripts(scope, port, true)) {
            auto t = toks(sub);
            bool data_dependent = has_tok(t, "[");
            bool strided = has_tok(t, "*") || has_tok(t, "%") || has_tok(t, "^");
            // An index variable that is no loop counter nor a constant is computed in the body
            // (e.g. read from another port): its order is the data's.
            std::string computed;
            for (const auto& x : t) {
                bool ident = std::isalpha(static_cast<unsigned char>(x[0])) || x[0] == '_';
                bool constant = std::all_of(x.begin(), x.end(), [](char c) {
                    return std::isupper(static_cast<unsigned char>(c)) ||
                           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                });
                if (ident && !constant && !ivars.count(x) && !param_named(after, x, function)) {
                    computed = x;
                }
            }
            if (data_dependent || strided || !computed.empty()) {
                return yes(fmt::format("m_axi port '{}' read at {} index {}", port,
                                       data_dependent ? "data-dependent"
                                       : strided      ? "strided"
                                                      : "computed ('" + computed + "')",
                                       sub));
            }
        }
    }
    return no("no m_axi port accessed out of order in the edit");
}

TypeConfirmation confirm_port_mode(const parse::Pragma& p, const parse::DesignFacts& after,
                                   const std::string& after_text, bool scalar_wanted) {
    std::string mode = opt(p, "mode");
    std::string port = port_of(p);
    const parse::Param* prm = param_named(after, port, p.function);
    if (!prm) {
        return no("'" + port + "' is not a parameter of " + p.function);
    }
    bool stream = prm->type.find("stream") != std::string::npos;
    bool array_type = prm->is_array || prm->type.find('[') != std::string::npos;
    bool pointer = prm->is_pointer || prm->type.find('*') != std::string::npos;
    // A pointer the body never indexes holds one value: a scalar port, as a reference is.
    bool indexed =
        pointer && !subscripts(function_text(after, after_text, p.function), port).empty();
    bool is_scalar = !stream && !array_type && (!pointer || !indexed);
    bool is_memory = array_type || (pointer && indexed);
    static const std::set<std::string> memory_modes = {"bram", "ap_memory", "m_axi", "ap_fifo",
                                                       "axis"};
    static const std::set<std::string> scalar_modes = {"ap_none", "ap_vld", "ap_ack", "ap_ovld",
                                                       "ap_hs"};
    if (scalar_wanted) { // SMA: memory mode on a by-value scalar
        if (is_scalar && memory_modes.count(mode)) {
            return yes(fmt::format("'{}' ({}) holds one value; {} is a memory mode", port,
                                   prm->type, mode));
        }
        return no(fmt::format("'{}' ({}) with {} is not a scalar on a memory mode", port, prm->type,
                              mode));
    }
    if (is_memory && scalar_modes.count(mode)) {
        return yes(
            fmt::format("'{}' ({}) is an array; {} is a scalar mode", port, prm->type, mode));
    }
    return no(
        fmt::format("'{}' ({}) with {} is not an array on a scalar mode", port, prm->type, mode));
}

TypeConfirmation confirm_mlp(const parse::Pragma& p, const parse::DesignFacts& after) {
    if (p.directive != "pipeline" || !p.loop) {
        return no("no pipeline pragma in a loop");
    }
    auto is_ancestor = [&](int anc, int l) {
        for (auto cur = after.loops[static_cast<std::size_t>(l)].parent; cur;
             cur = after.loops[static_cast<std::size_t>(*cur)].parent) {
            if (*cur == anc) {
                return true;
            }
        }
        return false;
    };
    for (const auto& l : after.loops) {
        if (l.id == *p.loop || !loop_has(after, l.id, "pipeline")) {
            continue;
        }
        if (is_ancestor(l.id, *p.loop) || is_ancestor(*p.loop, l.id)) {
            return yes(fmt::format("loops at lines {} and {} of one nest are both pipelined",
                                   after.loops[static_cast<std::size_t>(*p.loop)].line_start,
                                   l.line_start));
        }
    }
    return no("no other level of the nest is pipelined");
}

TypeConfirmation confirm_ilnu(const ErrorSpec& s, const parse::DesignFacts& after) {
    // The edit may add the outer unroll, drop the inner one, or turn one into the other: look
    // at every unrolled loop whose header or child header lies at the edit.
    int first = sline(s) - 4; // a loop's pragmas sit right below its header
    int last = sline(s) + static_cast<int>(std::count(s.faulty.begin(), s.faulty.end(), '\n')) + 1;
    auto near = [&](const parse::Loop& l) { return l.line_start >= first && l.line_start <= last; };
    for (const auto& o : after.loops) {
        if (!loop_has(after, o.id, "unroll")) {
            continue;
        }
        for (const auto& l : after.loops) {
            if (l.parent && *l.parent == o.id && !loop_has(after, l.id, "unroll") &&
                (near(o) || near(l))) {
                return yes(fmt::format("loop at line {} unrolled, its inner loop at line {} not",
                                       o.line_start, l.line_start));
            }
        }
    }
    return no("no unrolled loop with a rolled inner loop at the edit");
}

} // namespace hlsv::inject::classify_detail
