// inject_bench [--validate N] [--designs DIR]
//
// 1. Rule coverage: for every type, the designs where it makes sense (an independent textual
//    predicate) and the share of those where the rule engine finds a site (target >= 80%).
// 2. Validity: up to N sites per (design, functional type) validated by C simulation (target
//    >= 95% valid). N = 0 skips this part (it compiles and runs hundreds of variants).
// 3. Apply success on a synthetic corpus of bug files built from our designs with the
//    pathologies measured in the public Chrysalis data, weighted by their measured shares,
//    for the full matcher and for naive exact-or-whitespace matching, side by side.
#include "inject/inject.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <map>
#include <regex>

using namespace hlsv;
namespace inj = hlsv::inject;

namespace {

// A port named by an interface pragma, as the source text shows it (for makes_sense only; it
// shares no code with the rules).
struct TextPort {
    std::string name, mode;
    bool memory = false;           ///< mode m_axi, bram or ap_memory
    bool subscripted = false;      ///< `name[` anywhere, declarations included
    bool data_dependent = false;   ///< some subscript holds `[` or a name assigned from a `[` read
    std::vector<std::string> uses; ///< the subscripts of each access (declarations excluded)
};

struct Design {
    DesignSpec spec;
    fs::path file;
    std::string text;
    parse::DesignFacts facts;
    std::vector<TextPort> ports;
};

std::vector<TextPort> text_ports(const std::string& text) {
    std::string code =
        std::regex_replace(text, std::regex(R"(//[^\n]*|/\*[^*]*\*+([^/*][^*]*\*+)*/)"), " ");
    std::vector<TextPort> out;
    std::regex pragma(R"(#pragma\s+HLS\s+interface\b([^\n]*))", std::regex::icase);
    for (std::sregex_iterator it(code.begin(), code.end(), pragma), end; it != end; ++it) {
        std::string opts = (*it)[1];
        std::smatch m;
        if (!std::regex_search(opts, m, std::regex(R"(\bport\s*=\s*(\w+))", std::regex::icase)) ||
            m[1] == "return")
            continue;
        TextPort p;
        p.name = m[1];
        std::regex modes(R"(\b(m_axi|bram|ap_memory|ap_fifo|axis|s_axilite|ap_none|ap_vld)\b)",
                         std::regex::icase);
        if (std::regex_search(opts, m, modes))
            p.mode = m[1];
        for (auto& c : p.mode)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        p.memory = p.mode == "m_axi" || p.mode == "bram" || p.mode == "ap_memory";
        // Each `name[...]...[...]`; a declaration has a type name (or `>`) before it on its line.
        std::regex use("(\\S?)[ \\t]*\\b" + p.name +
                       R"(\s*((\[[^\[\]]*(\[[^\[\]]*\][^\[\]]*)*\]\s*)+))");
        for (std::sregex_iterator u(code.begin(), code.end(), use); u != end; ++u) {
            p.subscripted = true;
            std::string before = (*u)[1];
            bool decl = !before.empty() && (std::isalnum(static_cast<unsigned char>(before[0])) ||
                                            before == "_" || before == ">" || before == ".");
            if (decl)
                continue;
            std::string idx = (*u)[2];
            p.uses.push_back(idx);
            bool dep = std::regex_search(idx, std::regex(R"(\w\s*\[)"));
            std::regex name(R"(\b[a-z_]\w*\b)");
            for (std::sregex_iterator w(idx.begin(), idx.end(), name), we; !dep && w != we; ++w) {
                std::regex loaded("\\b" + (*w)[0].str() + R"(\s*=[^=;][^;]*\w\s*\[)");
                dep = std::regex_search(code, loaded);
            }
            p.data_dependent = p.data_dependent || dep;
        }
        out.push_back(std::move(p));
    }
    return out;
}

bool makes_sense(const std::string& type, const Design& d) {
    auto has = [&](const char* re) {
        return std::regex_search(d.text, std::regex(re, std::regex::icase));
    };
    bool nested = std::any_of(d.facts.loops.begin(), d.facts.loops.end(),
                              [](const parse::Loop& l) { return l.depth > 0; });
    if (type == "OOB" || type == "INF" || type == "DFP")
        return has(R"(\bfor\s*\()");
    if (type == "INIT" || type == "ZERO")
        return has(R"(\n\s+[A-Za-z_][\w:<>, ]*\s+\w+\s*=\s*[^=;]+;)");
    if (type == "SHFT")
        return has(R"((<<|>>)\s*[0-9])");
    if (type == "USE")
        return has(
            R"(ap_uint\s*<\s*([2-9]|1[0-9]|2[0-4])\s*>|uint8_t|uint16_t|unsigned\s+(char|short))");
    // MLU needs hand-unrolled code: a loop stepping by a constant >= 2, or adjacent indexed
    // statements that differ only in constants (offsets, lane numbers); a lone `x[i + 1]` is
    // any neighbour read or an array size.
    if (type == "MLU") {
        if (has(R"(\+\s*=\s*[2-9]\s*\))"))
            return true;
        auto norm = [](std::string l) {
            l = std::regex_replace(l, std::regex(R"(\s+)"), "");
            l = std::regex_replace(
                l, std::regex(R"(([\w\])])[-+](0x[0-9a-fA-F]+|[0-9]+)[uUlL]*\b)"), "$1");
            l = std::regex_replace(l, std::regex(R"(\b(0x[0-9a-fA-F]+|[0-9]+)[uUlL]*\b)"), "#");
            return std::regex_replace(l, std::regex(R"(([A-Za-z_])[0-9]+\b)"), "$1");
        };
        std::string code =
            std::regex_replace(d.text, std::regex(R"(//[^\n]*|/\*[^*]*\*+([^/*][^*]*\*+)*/)"), " ");
        std::string prev;
        for (std::size_t b = 0, e = 0; b < code.size(); b = e + 1) {
            e = std::min(code.find('\n', b), code.size());
            std::string line(trim(std::string_view(code).substr(b, e - b)));
            bool stmt = !line.empty() && line.back() == ';' && line[0] != '#';
            if (stmt && !prev.empty() && line != prev && line.find('[') != std::string::npos &&
                norm(line) == norm(prev))
                return true;
            prev = stmt ? line : "";
        }
        return false;
    }
    if (type == "BUF")
        return has(R"(\w+\s*\[\s*2\s*\]\s*\[|\w+_[ab]\b.*\w+_[ab]\b|ping|pong)");
    // PREC needs a parenthesized expression beside an operator in code: comments are no code,
    // and the '<' '>' of a cast such as (ap_int<10>) are no operators.
    if (type == "PREC") {
        std::string code =
            std::regex_replace(d.text, std::regex(R"(//[^\n]*|/\*[^*]*\*+([^/*][^*]*\*+)*/)"), " ");
        code = std::regex_replace(code, std::regex(R"(\bap_u?(int|fixed)\s*<[^<>()]*>)"), "T");
        return std::regex_search(
            code,
            std::regex(
                R"([-+*&|^<>=]\s*\([^()]*[-+&|^<>][^()]*\)|\([^()]*[-+&|^][^()]*\)\s*(<<|>>|[*/%]|==|!=))"));
    }
    // APT needs a cyclic/block partition and parallel accesses for the banks to serve: an unroll
    // pragma or neighbour subscripts (`a[i + 1]`); with one access per iteration either type fits.
    if (type == "APT")
        return has(R"(array_partition.*\b(cyclic|block)\b)") &&
               (has(R"(pragma\s+HLS\s+unroll)") || has(R"(\[\s*\w+\s*[-+]\s*\w+\s*\])"));
    if (type == "FND")
        return has(R"(factor\s*=\s*[0-9])");
    if (type == "DID")
        return has(R"(array_partition.*variable)");
    if (type == "AMS")
        return has(R"(interface.*\b(m_axi|bram|ap_memory)\b)");
    // IDAP needs a memory port read more than once or at data-dependent addresses: a port read
    // once, in order, would be a correct FIFO.
    if (type == "IDAP")
        return std::any_of(d.ports.begin(), d.ports.end(), [](const TextPort& p) {
            return p.memory && (p.uses.size() >= 2 || p.data_dependent);
        });
    // RAMB needs a RAM port (bram/ap_memory) read at data-dependent addresses: only then does
    // moving it to m_axi lose the bursts.
    if (type == "RAMB")
        return std::any_of(d.ports.begin(), d.ports.end(), [](const TextPort& p) {
            return p.memory && p.mode != "m_axi" && p.data_dependent;
        });
    // SMA needs a scalar port (by value, by reference, or a pointer to one value): one that is
    // never subscripted; `port=return` and array ports do not count.
    if (type == "SMA")
        return std::any_of(d.ports.begin(), d.ports.end(),
                           [](const TextPort& p) { return !p.subscripted; });
    if (type == "MLP" || type == "ILNU")
        return nested;
    return true;
}

// ---- the synthetic corpus -------------------------------------------------------------------

struct Case {
    std::string category;
    Injection inj;
    std::string expect; ///< expected buggy text ("" = any successful apply)
    std::string must_contain;
    inj::EntryStatus expect_status = inj::EntryStatus::applied; ///< for no-op / malformed cases
};

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    if (p != std::string::npos)
        s.replace(p, from.size(), to);
    return s;
}

Injection single(const std::string& type, const std::string& o, const std::string& f) {
    Injection i;
    i.error_size = 1;
    i.specs.push_back(ErrorSpec{type, o, f, std::nullopt, ""});
    return i;
}

std::string loosen(const std::string& s, unsigned k) {
    // Reindent, double spaces, or break the line after '(' / before '{': what LLM quotes do.
    std::string out;
    if (k % 3 == 0) {
        out = "  " + std::regex_replace(s, std::regex(" "), "  ");
    } else if (k % 3 == 1) {
        out = std::regex_replace(s, std::regex(R"(\s*\n\s*)"), "\n\t");
        out = std::regex_replace(out, std::regex(R"(; )"), ";\n        ");
    } else {
        out = std::regex_replace(s, std::regex(R"([ \t]+)"), " "); // a pragma keeps its own line
        out = "\n" + out + "\n";
    }
    return out;
}

std::vector<Case> corpus(const Design& d, std::uint64_t seed) {
    std::vector<Case> out;
    SourceText src(d.text);
    std::vector<inj::Site> sites;
    for (const auto& t : inj::supported_types()) {
        auto s = inj::sites_for(t, d.facts, src);
        sites.insert(sites.end(), s.begin(), s.end());
    }
    unsigned k = static_cast<unsigned>(seed);
    for (const auto& s : sites) {
        ++k;
        auto base = inj::apply(d.text, inj::injection_from_sites({s}));
        if (!base.ok)
            continue;
        std::size_t count = 0;
        for (auto p = d.text.find(s.original); p != std::string::npos;
             p = d.text.find(s.original, p + 1))
            ++count;
        Injection plain = single(s.type, s.original, s.faulty);
        if (count == 1) {
            out.push_back({"verbatim", plain, base.buggy, "", inj::EntryStatus::applied});
            out.push_back({"whitespace", single(s.type, loosen(s.original, k), loosen(s.faulty, k)),
                           base.buggy, "", inj::EntryStatus::applied});
        } else {
            out.push_back({"multiple", plain, "", "", inj::EntryStatus::applied});
        }
        // Ellipsis: quote three or more lines with the middle elided.
        int ln = s.line;
        if (s.original.find('\n') == std::string::npos &&
            ln + 3 <= static_cast<int>(src.line_count())) {
            std::string l2(trim(src.line(ln + 1))), l3(trim(src.line(ln + 2)));
            if (!l2.empty() && !l3.empty() && l3.find("...") == std::string::npos) {
                std::string o = s.original + "\n    ...\n    " + l3;
                std::string f = s.faulty + "\n    ...\n    " + l3;
                out.push_back(
                    {"ellipsis", single(s.type, o, f), base.buggy, "", inj::EntryStatus::applied});
            }
        }
        // Two-type file whose second entry quotes the first entry's rewritten code.
        std::smatch m;
        std::string first_line = s.faulty.substr(0, s.faulty.find('\n'));
        if (std::regex_search(first_line, m, std::regex(R"(\b([0-9]+)\b)"))) {
            std::string changed = first_line;
            changed.replace(static_cast<std::size_t>(m.position(1)), m.length(1),
                            std::to_string(std::stoll(m.str(1)) + 1));
            Injection two = plain;
            two.error_size = 2;
            two.specs.push_back(ErrorSpec{"ZERO", first_line, changed, std::nullopt, ""});
            out.push_back({"rewritten", two, "", changed, inj::EntryStatus::applied});
        }
        // Comment-only and malformed edits must be reported, never applied.
        std::string first_orig = s.original.substr(0, s.original.find('\n'));
        out.push_back({"comment-only", single(s.type, first_orig, first_orig + " // edited"), "",
                       "", inj::EntryStatus::noop});
        if (first_orig.rfind("#", 0) != 0) {
            out.push_back({"malformed",
                           single("MLP", first_orig, first_orig + " #pragma HLS pipeline II=1"), "",
                           "", inj::EntryStatus::malformed});
        }
    }
    for (const auto& f : d.facts.functions) {
        if (f.line_start > 0 && f.body_line_start == f.line_start) {
            std::string header(trim(src.line(f.line_start)));
            out.push_back({"malformed", single("DFP", header, "#pragma HLS dataflow"), "", "",
                           inj::EntryStatus::malformed});
        }
    }
    return out;
}

// The baseline: exact, else whitespace-normalized, applied one entry after the other.
bool naive_apply(const std::string& text, const Injection& inj, std::string& out) {
    out = text;
    auto norm = [](const std::string& s) {
        return std::regex_replace(std::string(trim(s)), std::regex(R"(\s+)"), " ");
    };
    for (const auto& e : inj.specs) {
        auto p = out.find(e.original);
        if (p != std::string::npos) {
            out.replace(p, e.original.size(), e.faulty);
            continue;
        }
        std::string n = norm(out), o = norm(e.original);
        if (o.empty() || n.find(o) == std::string::npos)
            return false;
        out = replace_once(n, o, norm(e.faulty)); // found: applied (formatting lost)
    }
    return true;
}

// Equal up to whitespace: a loosely quoted Faulty Code lands with its own spacing.
std::string squeeze(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (!std::isspace(static_cast<unsigned char>(ch)))
            out.push_back(ch);
    }
    return out;
}

bool full_ok(const Design& d, const Case& c) {
    auto r = inj::apply(d.text, c.inj);
    if (c.expect_status != inj::EntryStatus::applied) {
        return std::any_of(
                   r.entries.begin(), r.entries.end(),
                   [&](const inj::EntryResult& e) { return e.status == c.expect_status; }) &&
               !r.ok;
    }
    if (!r.ok)
        return false;
    if (!c.expect.empty() && squeeze(r.buggy) != squeeze(c.expect))
        return false;
    if (!c.must_contain.empty() &&
        squeeze(r.buggy).find(squeeze(c.must_contain)) == std::string::npos)
        return false;
    return true;
}

bool naive_ok(const Design& d, const Case& c) {
    std::string out;
    bool applied = naive_apply(d.text, c.inj, out);
    if (c.expect_status != inj::EntryStatus::applied)
        return false; // applied silently or not at all
    return applied && out != d.text;
}

} // namespace

int main(int argc, char** argv) {
    int per_type = 2;
    fs::path dir = HLSV_DESIGNS;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--validate")
            per_type = std::atoi(argv[i + 1]);
        if (a == "--designs")
            dir = argv[i + 1];
    }
    set_verbosity(Verbosity::quiet);
    // HLSV_BENCH_TYPES=USE,MLU restricts the validity runs to those types (while iterating).
    std::string only = std::getenv("HLSV_BENCH_TYPES") ? std::getenv("HLSV_BENCH_TYPES") : "";
    auto wanted = [&](const std::string& t) {
        return only.empty() || ("," + only + ",").find("," + t + ",") != std::string::npos;
    };
    std::vector<Design> designs;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!fs::exists(e.path() / "hlsv.json"))
            continue;
        Design d;
        d.spec = load_design(e.path());
        d.file = inj::injected_source(d.spec);
        d.text = read_file(d.file);
        parse::Options o;
        o.top = d.spec.top;
        o.include_dirs = {d.spec.dir.string()};
        o.cflags = d.spec.cflags;
        d.facts = parse::parse_file(d.file, o);
        d.ports = text_ports(d.text);
        designs.push_back(std::move(d));
    }
    std::sort(designs.begin(), designs.end(),
              [](const Design& a, const Design& b) { return a.spec.name < b.spec.name; });
    std::printf("inject_bench: %zu designs in %s\n\n", designs.size(), dir.c_str());

    // 1. Coverage.
    std::printf("%-6s %8s %8s %8s %8s\n", "type", "sense", "sites", "cover%", "#sites");
    std::map<std::string, std::vector<std::pair<const Design*, std::vector<inj::Site>>>> by_type;
    for (const auto& t : inj::supported_types()) {
        int sense = 0, found = 0, total = 0;
        for (const auto& d : designs) {
            auto s = inj::sites_for(t, d.facts, SourceText(d.text));
            total += static_cast<int>(s.size());
            if (makes_sense(t, d)) {
                ++sense;
                found += !s.empty();
            }
            if (!s.empty())
                by_type[t].push_back({&d, s});
        }
        if (std::getenv("HLSV_BENCH_DUMP") && wanted(t)) { // every site, for rule work
            for (const auto& [d, ss] : by_type[t])
                for (const auto& st : ss)
                    std::printf("  %s %s:%d\n    %s\n => %s\n", t.c_str(), d->spec.name.c_str(),
                                st.line, st.original.c_str(), st.faulty.c_str());
        }
        std::printf("%-6s %8d %8d %7.1f%% %8d\n", t.c_str(), sense, found,
                    sense ? 100.0 * found / sense : 0.0, total);
    }

    // 2. Validity of functional injections (batched per design).
    if (per_type > 0) {
        std::printf("\nvalidity (up to %d sites per design and functional type; C simulation):\n",
                    per_type);
        std::printf("%-6s %6s %6s %6s %6s %8s  evidence\n", "type", "n", "valid", "silent",
                    "invalid", "valid%");
        std::map<std::string, std::map<std::string, int>> stats, evidence;
        std::map<std::string, std::vector<std::string>> invalid_reasons;
        auto t0 = std::chrono::steady_clock::now();
        for (const auto& d : designs) {
            if (!d.spec.has_testbench())
                continue;
            std::vector<Injection> batch;
            std::vector<std::string> types;
            for (const auto& t : inj::supported_types()) {
                // HLSV_BENCH_PRAGMA=1 also validates pragma types (by the static checker).
                bool pragma_too = std::getenv("HLSV_BENCH_PRAGMA") != nullptr;
                if ((inj::is_pragma_type(t) && !pragma_too) || !wanted(t))
                    continue;
                auto s = inj::sites_for(t, d.facts, SourceText(d.text));
                for (int k = 0; k < per_type && k < static_cast<int>(s.size()); ++k) {
                    // Spread the picks over the design: first, then evenly spaced.
                    std::size_t idx =
                        s.size() * static_cast<std::size_t>(k) / static_cast<std::size_t>(per_type);
                    batch.push_back(inj::injection_from_sites({s[idx]}));
                    types.push_back(t);
                }
            }
            if (batch.empty())
                continue;
            std::vector<inj::Validation> res;
            try {
                res = inj::validate(d.spec, batch);
            } catch (const Error& e) {
                std::printf("  %s: %s\n", d.spec.name.c_str(), e.what());
                continue;
            }
            for (std::size_t i = 0; i < res.size(); ++i) {
                std::string v(inj::to_string(res[i].verdict));
                ++stats[types[i]][v];
                if (!res[i].evidence.empty())
                    ++evidence[types[i]][res[i].evidence];
                if (res[i].verdict != inj::Verdict::valid) {
                    invalid_reasons[types[i]].push_back(d.spec.name + ": " + v + ": " +
                                                        res[i].reason.substr(0, 100));
                }
            }
        }
        int all_n = 0, all_valid = 0;
        for (auto& [t, m] : stats) {
            int n = m["valid"] + m["silent"] + m["invalid"];
            all_n += n;
            all_valid += m["valid"];
            std::string ev;
            for (auto& [k, v] : evidence[t])
                ev += fmt::format("{}={} ", k, v);
            std::printf("%-6s %6d %6d %6d %6d %7.1f%%  %s\n", t.c_str(), n, m["valid"], m["silent"],
                        m["invalid"], n ? 100.0 * m["valid"] / n : 0.0, ev.c_str());
        }
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("all    %6d %6d %29.1f%%  (%.1f s wall)\n", all_n, all_valid,
                    all_n ? 100.0 * all_valid / all_n : 0.0, secs);
        if (std::getenv("HLSV_BENCH_VERBOSE")) {
            for (auto& [t, rs] : invalid_reasons)
                for (auto& r : rs)
                    std::printf("  %s %s\n", t.c_str(), r.c_str());
        }
    }

    // 3. Apply success on the synthetic corpus.
    std::map<std::string, std::array<int, 3>> cat; // n, full ok, naive ok
    for (const auto& d : designs) {
        for (const auto& c : corpus(d, 1)) {
            auto& a = cat[c.category];
            ++a[0];
            bool ok = full_ok(d, c);
            a[1] += ok;
            if (!ok && std::getenv("HLSV_BENCH_VERBOSE")) {
                auto r = inj::apply(d.text, c.inj);
                std::printf("-- %s %s: %s\n[%s]\n=> [%s]\n", c.category.c_str(),
                            d.spec.name.c_str(), r.error.c_str(), c.inj.specs[0].original.c_str(),
                            c.inj.specs[0].faulty.c_str());
            }
            a[2] += naive_ok(d, c);
        }
    }
    // Shares measured in the public Chrysalis bug files; "verbatim" is the rest.
    const std::map<std::string, double> share = {{"whitespace", 0.075},   {"ellipsis", 0.02},
                                                 {"multiple", 0.11},      {"rewritten", 0.02},
                                                 {"comment-only", 0.005}, {"malformed", 0.005}};
    double rest = 1.0;
    for (auto& [k, v] : share)
        rest -= v;
    std::printf("\napply on the synthetic Chrysalis-style corpus:\n%-13s %6s %8s %8s %7s\n",
                "category", "n", "full%", "naive%", "share");
    double full = 0, naive = 0;
    for (auto& [k, a] : cat) {
        double w = share.count(k) ? share.at(k) : rest;
        double f = a[0] ? 1.0 * a[1] / a[0] : 1.0, n = a[0] ? 1.0 * a[2] / a[0] : 1.0;
        full += w * f;
        naive += w * n;
        std::printf("%-13s %6d %7.1f%% %7.1f%% %6.1f%%\n", k.c_str(), a[0], 100 * f, 100 * n,
                    100 * w);
    }
    std::printf(
        "weighted      %6s %7.2f%% %7.2f%%   (target: full >= 99.5%%; naive about 97.5%%)\n", "",
        100 * full, 100 * naive);
    return 0;
}
