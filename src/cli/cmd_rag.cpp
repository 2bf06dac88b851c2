// hlsv rag import|query|add|stats|export|check: the retrieval store from the command line.
#include "cli.h"
#include "rag/rag.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace hlsv::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct StoreArgs {
    std::string db;
    std::string embed_url;
    std::string embed_model;
};

void add_store_options(CLI::App& sub, StoreArgs& a) {
    sub.add_option("--db", a.db,
                   "Store file (default: $HLSV_DB, else db in hlsv.toml, else .hlsv/rag.db)");
    sub.add_option("--embed-url", a.embed_url,
                   "OpenAI-compatible embeddings base URL (default: built-in code vectorizer)");
    sub.add_option("--embed-model", a.embed_model, "Model for --embed-url")
        ->needs(sub.get_option("--embed-url"));
}

rag::Store open_store(const StoreArgs& a, const Context& ctx) {
    rag::StoreOptions opts;
    if (!a.embed_url.empty()) {
        rag::HttpEmbedderOptions h;
        h.base_url = a.embed_url;
        h.model = a.embed_model;
        opts.embedder = rag::make_http_embedder(h);
    }
    return rag::Store::open(rag::resolve_db_path(a.db, ctx.config), opts);
}

std::string dump(const ojson& j) {
    return j.dump(2, ' ', false, ojson::error_handler_t::replace);
}

ojson injection_json(const std::string& text) {
    try {
        return ojson::parse(text);
    } catch (const ojson::exception&) {
        return text;
    }
}

/// "[#######.............]  35/100 designs" redrawn in place on a terminal only.
rag::Progress progress_bar() {
    if (!stderr_is_tty() || verbosity() == Verbosity::quiet) {
        return {};
    }
    return [](std::size_t done, std::size_t total) {
        constexpr int width = 30;
        int filled = total ? static_cast<int>(width * done / total) : width;
        std::fprintf(stderr, "\r[%.*s%.*s] %zu/%zu designs", filled,
                     "##############################", width - filled,
                     "..............................", done, total);
        if (done == total) {
            std::fputc('\n', stderr);
        }
        std::fflush(stderr);
    };
}

void add_import(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string dir;
        std::string suite;
        std::string format = "text";
        bool strict = false;
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("import", "Import a Chrysalis-layout tree of designs and bugs");
    sub->add_flag("--strict", a->strict,
                  "Reject a bug file when any of its entries does not apply (default: keep the "
                  "entries that apply and mark the example partial)");
    sub->add_option("DIR", a->dir, "A suite folder, a folder of suites, or one design folder")
        ->required();
    sub->add_option("--suite", a->suite,
                    "Suite name for a single suite (default: folder name); with a folder of "
                    "suites, import only this one");
    add_format_option(*sub, &a->format, {"text", "json"});
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        auto store = open_store(*a, ctx);
        auto r = store.import_chrysalis(a->dir, a->suite, rag::Origin::imported, progress_bar(),
                                        a->strict);
        auto reasons = r.by_reason();
        auto entry_reasons = r.dropped_by_reason();
        if (a->format == "json") {
            ojson j;
            j["designs"] = r.designs;
            j["designs_added"] = r.designs_added;
            j["examples_added"] = r.examples_added;
            j["examples_existing"] = r.examples_existing;
            j["pruned"] = r.pruned;
            j["rejected"] = ojson::array();
            for (const auto& i : r.rejected) {
                j["rejected"].push_back(
                    {{"file", i.file.string()}, {"reason", i.reason}, {"detail", i.detail}});
            }
            j["rejected_by_reason"] = reasons;
            j["partial"] = r.partial;
            j["entries"] = r.entries;
            j["entries_applied"] = r.entries_applied;
            j["entries_dropped_by_reason"] = entry_reasons;
            emit_output("", dump(j));
            return;
        }
        std::string out;
        for (const auto& i : r.rejected) {
            out += "rejected: " + i.file.string() + ": " + i.reason + ": " + i.detail + "\n";
        }
        out += "imported " + std::to_string(r.examples_added) + " examples (" +
               std::to_string(r.examples_existing) + " already stored) from " +
               std::to_string(r.designs) + " designs into " + store.path().string() + "\n";
        out += "pruned (skipped): " + std::to_string(r.pruned) + "\n";
        out += "entries applied: " + std::to_string(r.entries_applied) + " of " +
               std::to_string(r.entries) + "; partial examples: " + std::to_string(r.partial) +
               "\n";
        out += "entries dropped: " + std::to_string(r.dropped.size());
        for (const auto& [reason, n] : entry_reasons) {
            out += "\n  " + reason + ": " + std::to_string(n);
        }
        out += "\n";
        out += "rejected: " + std::to_string(r.rejected.size());
        for (const auto& [reason, n] : reasons) {
            out += "\n  " + reason + ": " + std::to_string(n);
        }
        emit_output("", out);
    });
}

void add_query(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string file;
        std::string bugs;
        rag::MmrParams params;
        std::string format = "json";
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("query", "Select diverse examples of a bug type for a design");
    sub->add_option("FILE", a->file, "Design source file or design folder")->required();
    sub->add_option("--bug", a->bugs, "Bug type(s), e.g. OOB or OOB,INIT")->required();
    sub->add_option("--k", a->params.k, "Examples to select")->capture_default_str();
    sub->add_option("--fetch-k", a->params.fetch_k, "Most relevant candidates MMR picks from")
        ->capture_default_str();
    sub->add_option("--lambda", a->params.lambda, "1 = relevance only, 0 = diversity only")
        ->capture_default_str();
    add_format_option(*sub, &a->format, {"json", "text"});
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        rag::validate(a->params);
        std::vector<std::string> types;
        for (const auto& t : split(a->bugs, ',')) {
            std::string code(trim(t));
            for (auto& c : code) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            if (!rag::is_known_bug_type(code)) {
                throw InputError("unknown bug type '" + code + "'");
            }
            types.push_back(code);
        }
        DesignSpec spec = load_design(a->file);
        std::string source;
        for (const auto& f : spec.sources) {
            source += read_file(f);
        }
        auto store = open_store(*a, ctx);
        rag::MmrQuery q;
        q.source = source;
        q.bug_types = types;
        q.params = a->params;
        auto picks = store.query_mmr(q);
        if (a->format == "json") {
            ojson j;
            j["examples"] = ojson::array();
            for (const auto& s : picks) {
                j["examples"].push_back({{"id", s.id},
                                         {"design", s.design},
                                         {"suite", s.suite},
                                         {"bug_types", s.bug_types},
                                         {"relevance", s.relevance},
                                         {"mmr_score", s.mmr_score},
                                         {"injection", injection_json(s.injection)}});
            }
            emit_output("", dump(j));
            return;
        }
        std::string out;
        for (const auto& s : picks) {
            char line[160];
            std::snprintf(line, sizeof line, "#%lld  relevance %.3f  mmr %.3f  ",
                          static_cast<long long>(s.id), s.relevance, s.mmr_score);
            std::string types_s;
            for (const auto& t : s.bug_types) {
                types_s += (types_s.empty() ? "" : ",") + t;
            }
            out += line + s.suite + "/" + s.design + "  " + types_s + "\n";
        }
        if (picks.empty()) {
            out = "no examples of " + a->bugs + " in " + store.path().string() + "\n";
        }
        emit_output("", out);
    });
}

void add_add(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string design;
        std::string bug;
        std::string suite = "user";
        std::string name;
        std::string verdict = "unchecked";
        std::string origin = "generated";
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("add", "Add one design source and one Chrysalis bug file");
    sub->add_option("DESIGN_FILE", a->design, "Design source file")->required();
    sub->add_option("BUG_FILE", a->bug, "Chrysalis bug file (JSON)")->required();
    sub->add_option("--suite", a->suite, "Suite name")->capture_default_str();
    sub->add_option("--name", a->name, "Design name (default: the file stem)");
    sub->add_option("--verdict", a->verdict, "Validation verdict to record")->capture_default_str();
    sub->add_option("--origin", a->origin, "Where the example came from")
        ->check(CLI::IsMember({"seed", "imported", "generated"}))
        ->capture_default_str();
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        rag::ExampleInput ex;
        ex.source = read_file(a->design);
        std::string bug_text = read_file(a->bug);
        if (!is_valid_utf8(bug_text)) {
            throw InputError(a->bug, "not valid UTF-8 (UTF-16 or binary?)");
        }
        try {
            ex.injection = parse_injection(bug_text);
        } catch (const InputError& e) {
            throw InputError(a->bug, e.what());
        }
        ex.suite = a->suite;
        ex.design = a->name.empty() ? fs::path(a->design).stem().string() : a->name;
        ex.file_name = fs::path(a->bug).filename().string();
        ex.verdict = a->verdict;
        ex.origin = a->origin == "seed"       ? rag::Origin::seed
                    : a->origin == "imported" ? rag::Origin::imported
                                              : rag::Origin::generated;
        auto store = open_store(*a, ctx);
        rag::AddResult r;
        try {
            r = store.add_example(ex);
        } catch (const InputError& e) {
            throw InputError(a->bug, e.what());
        }
        emit_output("", (r.inserted ? "added example " : "already stored as example ") +
                            std::to_string(r.id));
    });
}

void add_stats(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string format = "text";
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("stats", "Count designs, examples, types, origins, vectors");
    add_format_option(*sub, &a->format, {"text", "json"});
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        auto store = open_store(*a, ctx);
        auto s = store.stats();
        if (a->format == "json") {
            ojson j;
            j["designs"] = s.designs;
            j["examples"] = s.examples;
            j["by_type"] = s.by_type;
            j["by_origin"] = s.by_origin;
            j["by_verdict"] = s.by_verdict;
            j["embedders"] = s.embedders;
            j["bytes"] = s.bytes;
            emit_output("", dump(j));
            return;
        }
        auto line = [](const char* title, const std::map<std::string, std::int64_t>& m) {
            std::string out = std::string(title) + ":";
            for (const auto& [k, v] : m) {
                out += " " + k + "=" + std::to_string(v);
            }
            return out + "\n";
        };
        std::string out = "store: " + store.path().string() + " (" + std::to_string(s.bytes) +
                          " bytes)\ndesigns: " + std::to_string(s.designs) +
                          "\nexamples: " + std::to_string(s.examples) + "\n";
        out += line("by type", s.by_type) + line("by origin", s.by_origin) +
               line("by verdict", s.by_verdict) + line("embedders", s.embedders);
        emit_output("", out);
    });
}

void add_export(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string dir;
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand("export", "Write every example back in the Chrysalis layout");
    sub->add_option("DIR", a->dir, "Output folder (<DIR>/<suite>/<design>/...)")->required();
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        auto store = open_store(*a, ctx);
        std::size_t n = store.export_chrysalis(a->dir);
        emit_output("", "exported " + std::to_string(n) + " bug files to " + a->dir);
    });
}

void add_check(CLI::App& app, Context& ctx) {
    struct Args : StoreArgs {
        std::string format = "text";
    };
    auto a = std::make_shared<Args>();
    auto* sub = app.add_subcommand(
        "check", "Check a store: SQLite integrity, foreign keys, vectors, bug files (exit 1: bad)");
    add_format_option(*sub, &a->format, {"text", "json"});
    add_store_options(*sub, *a);
    sub->callback([a, &ctx] {
        // Read-only and unseeded: checking must never change what it checks.
        rag::StoreOptions opts;
        opts.read_only = true;
        opts.seed = false;
        fs::path db = rag::resolve_db_path(a->db, ctx.config);
        std::error_code ec;
        if (!fs::is_regular_file(db, ec)) {
            throw InputError(db, "no such store");
        }
        auto store = rag::Store::open(db, opts);
        auto r = store.check();
        if (a->format == "json") {
            ojson j;
            j["store"] = db.string();
            j["ok"] = r.ok();
            j["problems"] = r.problems;
            j["examples"] = r.checked_examples;
            j["vectors"] = r.checked_vectors;
            emit_output("", dump(j));
        } else {
            std::string out;
            for (const auto& p : r.problems) {
                out += p + "\n";
            }
            out += db.string() + ": " +
                   (r.ok() ? "ok" : std::to_string(r.problems.size()) + " problem(s)") + " (" +
                   std::to_string(r.checked_examples) + " examples, " +
                   std::to_string(r.checked_vectors) + " vectors)\n";
            emit_output("", out);
        }
        if (!r.ok()) {
            ctx.exit = ExitCode::findings;
        }
    });
}

} // namespace

void add_rag(CLI::App& app, Context& ctx) {
    app.require_subcommand(1);
    add_import(app, ctx);
    add_query(app, ctx);
    add_add(app, ctx);
    add_stats(app, ctx);
    add_export(app, ctx);
    add_check(app, ctx);
}

} // namespace hlsv::cli
