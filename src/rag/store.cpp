// The store: designs and examples with their vectors, MMR queries, statistics, runs, attempts
// and the LLM cache. Chrysalis import/export and seeding live in import.cpp.
#include "inject/inject.h"
#include "schema.h"
#include "store_impl.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace hlsv::rag {

using detail::PreparedExample;
using detail::WriteTx;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        out += (i ? sep : "") + v[i];
    }
    return out;
}

std::vector<float> blob_to_vector(std::string_view blob) {
    std::vector<float> v(blob.size() / sizeof(float));
    std::memcpy(v.data(), blob.data(), v.size() * sizeof(float));
    return v;
}

/// An example's vector: its design's plus half its bug site's, so examples on one design
/// differ by where the bug sits. Dense model vectors are normalized before mixing.
std::vector<float> combine(std::vector<float> design, std::vector<float> site, bool dense) {
    if (dense) {
        normalize(design);
        normalize(site);
    }
    if (site.size() == design.size()) {
        for (std::size_t i = 0; i < design.size(); ++i) {
            design[i] += 0.5f * site[i];
        }
    }
    return design;
}

std::string site_text(const Injection& inj) {
    std::string s;
    for (const auto& e : inj.specs) {
        s += e.original;
        s += '\n';
    }
    return s;
}

} // namespace

const char* to_string(Origin o) {
    switch (o) {
    case Origin::seed:
        return "seed";
    case Origin::imported:
        return "imported";
    case Origin::generated:
        return "generated";
    }
    return "generated";
}

fs::path resolve_db_path(const std::string& explicit_path, const Config& config) {
    if (!explicit_path.empty()) {
        return fs::absolute(explicit_path);
    }
    if (const char* env = std::getenv("HLSV_DB"); env && *env) {
        return fs::absolute(env);
    }
    if (config.db && !config.db->empty()) {
        return fs::absolute(*config.db);
    }
    return fs::absolute(fs::path(".hlsv") / "rag.db");
}

void require_store_or_absent(const fs::path& path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
        return;
    }
    if (!fs::is_regular_file(status)) {
        throw InputError(path, "not an hlsv store (not a regular file)");
    }
    if (fs::file_size(path, ec) == 0) {
        return;
    }
    detail::Db db(path, /*read_only=*/true, /*create=*/false);
    detail::identify(db);
}

bool is_known_bug_type(std::string_view code) {
    static const std::set<std::string, std::less<>> builtin = {
        "OOB", "INIT", "SHFT", "INF",  "USE",  "MLU", "ZERO", "BUF", "PREC", "APT",
        "FND", "DID",  "DFP",  "IDAP", "RAMB", "SMA", "AMS",  "MLP", "ILNU"};
    if (builtin.count(code)) {
        return true;
    }
    try {
        return BugCatalog::get().find(code) != nullptr;
    } catch (const Error&) {
        return false; // no catalog yet: the built-in list decides
    }
}

std::string bug_file_name(const std::vector<std::string>& types) {
    return "bug_" + join(types, "_") + ".txt";
}

std::string detail::strip_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            out.push_back(c);
        }
    }
    return out;
}

bool original_found(const std::string& source, const Injection& inj) {
    std::string stripped = detail::strip_whitespace(source);
    for (const auto& e : inj.specs) {
        std::string o = detail::strip_whitespace(e.original);
        if (o.empty() || stripped.find(o) == std::string::npos) {
            return false;
        }
    }
    return !inj.specs.empty();
}

detail::EntryCheck detail::check_entries(const std::string& source, const Injection& inj,
                                         bool strict) {
    EntryCheck c;
    if (inj.specs.empty()) {
        c.issue = ImportIssue{{}, "empty-specification", "no \"Error Specification\" entries"};
        return c;
    }
    for (const auto& e : inj.specs) {
        if (!is_known_bug_type(e.type)) {
            c.issue = ImportIssue{{}, "unknown-type", "unknown bug type '" + e.type + "'"};
            return c;
        }
    }
    Injection clean = inj;
    for (auto& e : clean.specs) {
        e.original = inject::unwrap_quotes(e.original);
        e.faulty = inject::unwrap_quotes(e.faulty);
    }
    inject::ApplyOptions opts;
    opts.want_diff = false;
    auto applied = inject::apply(source, clean, opts);
    c.entries = clean.specs.size();
    c.kept = clean;
    c.kept.specs.clear();
    std::set<std::string> kept_types;
    for (std::size_t i = 0; i < applied.entries.size(); ++i) {
        const auto& r = applied.entries[i];
        if (r.status == inject::EntryStatus::applied) {
            c.kept.specs.push_back(clean.specs[i]);
            kept_types.insert(clean.specs[i].type);
        } else {
            c.dropped.push_back(ImportIssue{
                {},
                r.reason.empty() ? std::string(inject::to_string(r.status)) : r.reason,
                "entry " + std::to_string(r.index) + " (" + r.type + "): " + r.message});
        }
    }
    if (!c.dropped.empty() && (strict || c.kept.specs.empty())) {
        c.issue = c.dropped.front();
        return c;
    }
    if (!c.dropped.empty()) {
        c.kept.error_size = static_cast<int>(kept_types.size());
    }
    return c;
}

std::optional<ImportIssue> detail::check_example(const std::string& source, const Injection& inj) {
    return check_entries(source, inj, true).issue;
}

std::map<std::string, std::size_t> ImportReport::dropped_by_reason() const {
    std::map<std::string, std::size_t> out;
    for (const auto& r : dropped) {
        ++out[r.reason];
    }
    return out;
}

std::map<std::string, std::size_t> ImportReport::by_reason() const {
    std::map<std::string, std::size_t> out;
    for (const auto& r : rejected) {
        ++out[r.reason];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Impl
// ---------------------------------------------------------------------------------------------

Store::Impl::Impl(const fs::path& path, StoreOptions opts)
    : db(path, opts.read_only, !opts.read_only), options(std::move(opts)) {
    embedder =
        options.embedder ? options.embedder : std::shared_ptr<Embedder>(make_code_embedder());
    found_version = detail::migrate(db);
}

std::vector<std::vector<float>> Store::Impl::embed(const std::vector<std::string>& texts) {
    if (!embedder->remote()) {
        return embedder->embed(texts);
    }
    std::vector<std::vector<float>> out(texts.size());
    std::vector<std::string> keys(texts.size());
    std::vector<std::string> miss_texts;
    std::vector<std::size_t> miss_at;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        keys[i] = sha256_hex(embedder->id() + "\n" + texts[i]);
        auto st = db.cached("SELECT vector FROM embedding_cache WHERE key = ?");
        st.bind(1, keys[i]);
        if (st.step()) {
            out[i] = blob_to_vector(st.blob(0));
        } else {
            miss_texts.push_back(texts[i]);
            miss_at.push_back(i);
        }
    }
    if (miss_texts.empty()) {
        return out;
    }
    auto fresh = embedder->embed(miss_texts);
    for (std::size_t j = 0; j < fresh.size(); ++j) {
        out[miss_at[j]] = std::move(fresh[j]);
    }
    if (!db.read_only()) {
        WriteTx tx(db);
        for (std::size_t i : miss_at) {
            auto st = db.cached("INSERT INTO embedding_cache (key, dim, vector) VALUES (?, ?, ?) "
                                "ON CONFLICT (key) DO NOTHING");
            st.bind(1, keys[i]).bind(2, static_cast<std::int64_t>(out[i].size()));
            st.bind_blob(3, out[i].data(), out[i].size() * sizeof(float)).run();
        }
        tx.commit();
    }
    return out;
}

detail::BatchResult Store::Impl::store_batch(const std::string& suite, const std::string& name,
                                             const std::string& source,
                                             const std::vector<PreparedExample>& examples,
                                             Origin origin) {
    detail::BatchResult r;
    const std::string dhash = sha256_hex(source);
    const std::string emb_id = embedder->id();
    const bool dense = !embedder->corpus_weighted();

    // Reads first: what exists already, and the design's stored vector.
    std::optional<std::int64_t> design_id;
    std::vector<float> design_vec;
    {
        auto st = db.cached("SELECT id FROM designs WHERE hash = ?");
        st.bind(1, dhash);
        if (st.step()) {
            design_id = st.int64(0);
        }
    }
    if (design_id) {
        auto st = db.cached("SELECT vector FROM embeddings WHERE embedder = ? AND design_id = ?");
        st.bind(1, emb_id).bind(2, *design_id);
        if (st.step()) {
            design_vec = blob_to_vector(st.blob(0));
        }
    }
    const bool design_vec_stored = !design_vec.empty();
    std::vector<std::string> hashes;
    std::vector<std::string> site_texts;
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        hashes.push_back(sha256_hex(dhash + "\n" + examples[i].json));
        auto st = db.cached("SELECT id FROM examples WHERE hash = ?");
        st.bind(1, hashes.back());
        if (!st.step()) {
            fresh.push_back(i);
            site_texts.push_back(site_text(examples[i].injection));
        }
    }
    if (design_id && fresh.empty()) {
        // Nothing new: the common case when re-importing a tree.
        for (const auto& h : hashes) {
            auto st = db.cached("SELECT id FROM examples WHERE hash = ?");
            st.bind(1, h);
            st.step();
            r.ids.push_back(st.int64(0));
        }
        r.existing = examples.size();
        return r;
    }

    // Vectors outside the write lock.
    if (design_vec.empty()) {
        design_vec = embed({source}).at(0);
    }
    std::vector<std::vector<float>> site_vecs =
        site_texts.empty() ? decltype(site_vecs){} : embed(site_texts);

    WriteTx tx(db);
    {
        auto st = db.cached("INSERT INTO designs (hash, suite, name, source) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (hash) DO NOTHING");
        st.bind(1, dhash).bind(2, suite).bind(3, name).bind(4, source).run();
        r.design_added = db.changes() == 1;
    }
    {
        auto st = db.cached("SELECT id FROM designs WHERE hash = ?");
        st.bind(1, dhash);
        st.step();
        design_id = st.int64(0);
    }
    if (!design_vec_stored) {
        auto st = db.cached("INSERT INTO embeddings (design_id, embedder, dim, vector) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        st.bind(1, *design_id)
            .bind(2, emb_id)
            .bind(3, static_cast<std::int64_t>(design_vec.size()));
        st.bind_blob(4, design_vec.data(), design_vec.size() * sizeof(float)).run();
    }
    std::size_t next_fresh = 0;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const auto& ex = examples[i];
        {
            auto st = db.cached(
                "INSERT INTO examples (design_id, hash, bug_types, file_name, injection, verdict, "
                "origin, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING");
            st.bind(1, *design_id).bind(2, hashes[i]).bind(3, join(ex.types, ","));
            st.bind(4, ex.file_name).bind(5, ex.json).bind(6, ex.verdict);
            st.bind(7, to_string(origin));
            if (ex.partial.empty()) {
                st.bind_null(8);
            } else {
                st.bind(8, ex.partial);
            }
            st.run();
        }
        bool is_fresh = next_fresh < fresh.size() && fresh[next_fresh] == i;
        if (db.changes() != 1) {
            auto st = db.cached("SELECT id FROM examples WHERE hash = ?");
            st.bind(1, hashes[i]);
            st.step();
            r.ids.push_back(st.int64(0));
            ++r.existing;
            next_fresh += is_fresh ? 1 : 0;
            continue;
        }
        std::int64_t id = db.last_insert_id();
        r.ids.push_back(id);
        ++r.added;
        for (const auto& t : ex.types) {
            auto st = db.cached("INSERT OR IGNORE INTO example_types (bug_type, example_id) "
                                "VALUES (?, ?)");
            st.bind(1, t).bind(2, id).run();
        }
        // Every inserted example was absent at the check above, so its vector is ready; the
        // fallback covers one deleted by another process in between.
        std::vector<float> site =
            is_fresh ? site_vecs.at(next_fresh++) : embed({site_text(ex.injection)}).at(0);
        std::vector<float> v = combine(design_vec, std::move(site), dense);
        auto st = db.cached("INSERT INTO embeddings (example_id, embedder, dim, vector) "
                            "VALUES (?, ?, ?, ?)");
        st.bind(1, id).bind(2, emb_id).bind(3, static_cast<std::int64_t>(v.size()));
        st.bind_blob(4, v.data(), v.size() * sizeof(float)).run();
    }
    tx.commit();
    if (r.added > 0) {
        index.reset();
    }
    return r;
}

void Store::Impl::load_index() {
    if (index) {
        return;
    }
    const std::string emb_id = embedder->id();
    const bool dense = !embedder->corpus_weighted();

    // Examples without a vector from this embedder (stored by another embedder): embed now.
    std::vector<std::int64_t> missing_ids;
    std::vector<std::int64_t> missing_design;
    std::vector<std::string> missing_sites;
    {
        auto st = db.prepare("SELECT x.id, x.design_id, x.injection FROM examples x WHERE NOT "
                             "EXISTS (SELECT 1 FROM embeddings e WHERE e.embedder = ? AND "
                             "e.example_id = x.id) ORDER BY x.id");
        st.bind(1, emb_id);
        while (st.step()) {
            missing_ids.push_back(st.int64(0));
            missing_design.push_back(st.int64(1));
            try {
                missing_sites.push_back(site_text(parse_injection(st.text(2))));
            } catch (const Error&) {
                missing_sites.push_back("");
            }
        }
    }
    std::vector<std::pair<std::int64_t, std::vector<float>>> computed;
    if (!missing_ids.empty()) {
        std::unordered_map<std::int64_t, std::vector<float>> design_vecs;
        std::vector<std::string> sources;
        std::vector<std::int64_t> design_order;
        for (auto d : missing_design) {
            if (design_vecs.emplace(d, std::vector<float>{}).second) {
                auto st = db.cached("SELECT source FROM designs WHERE id = ?");
                st.bind(1, d);
                st.step();
                sources.push_back(st.text(0));
                design_order.push_back(d);
            }
        }
        auto dv = embed(sources);
        for (std::size_t i = 0; i < design_order.size(); ++i) {
            design_vecs[design_order[i]] = std::move(dv[i]);
        }
        auto sv = embed(missing_sites);
        for (std::size_t i = 0; i < missing_ids.size(); ++i) {
            computed.emplace_back(missing_ids[i],
                                  combine(design_vecs[missing_design[i]], sv[i], dense));
        }
        if (!db.read_only()) {
            WriteTx tx(db);
            for (const auto& [id, v] : computed) {
                auto st = db.cached("INSERT INTO embeddings (example_id, embedder, dim, vector) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                st.bind(1, id).bind(2, emb_id).bind(3, static_cast<std::int64_t>(v.size()));
                st.bind_blob(4, v.data(), v.size() * sizeof(float)).run();
            }
            tx.commit();
            computed.clear();
        }
    }

    struct Row {
        std::int64_t id, design;
        std::vector<std::string> types;
        std::vector<float> v;
    };
    std::vector<Row> rows;
    {
        auto st = db.prepare("SELECT e.example_id, x.design_id, x.bug_types, e.vector FROM "
                             "embeddings e JOIN examples x ON x.id = e.example_id WHERE "
                             "e.embedder = ? ORDER BY e.example_id");
        st.bind(1, emb_id);
        while (st.step()) {
            rows.push_back(
                {st.int64(0), st.int64(1), split(st.text(2), ','), blob_to_vector(st.blob(3))});
        }
    }
    std::unordered_map<std::int64_t, std::int64_t> design_of;
    for (std::size_t i = 0; i < missing_ids.size(); ++i) {
        design_of[missing_ids[i]] = missing_design[i];
    }
    for (auto& [id, v] : computed) { // read-only store: vectors kept in memory only
        auto st = db.cached("SELECT bug_types FROM examples WHERE id = ?");
        st.bind(1, id);
        st.step();
        rows.push_back({id, design_of[id], split(st.text(0), ','), std::move(v)});
    }
    int dim = embedder->dim();
    if (dim <= 0) {
        dim = rows.empty() ? 1 : static_cast<int>(rows.front().v.size());
    }
    // Corpus IDF over hashed dimensions: rare features (a distinctive pragma option) weigh
    // more than ones every design has (`for`, `int`).
    idf.assign(static_cast<std::size_t>(dim), 1.0f);
    if (!dense) {
        std::vector<std::size_t> df(static_cast<std::size_t>(dim), 0);
        for (const auto& r : rows) {
            for (std::size_t d = 0; d < r.v.size() && d < df.size(); ++d) {
                df[d] += r.v[d] != 0.0f;
            }
        }
        const double n = static_cast<double>(rows.size());
        for (std::size_t d = 0; d < df.size(); ++d) {
            idf[d] =
                static_cast<float>(std::log((1.0 + n) / (1.0 + static_cast<double>(df[d]))) + 1.0);
        }
    }
    index.emplace(dim);
    for (auto& r : rows) {
        if (static_cast<int>(r.v.size()) != dim) {
            continue; // a vector from a different dimension: never mixed
        }
        for (std::size_t d = 0; d < r.v.size(); ++d) {
            r.v[d] *= idf[d];
        }
        normalize(r.v);
        index->add(r.id, r.design, r.types, r.v.data());
    }
}

// ---------------------------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------------------------

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const fs::path& path, StoreOptions options) {
    auto impl = std::make_unique<Impl>(path, std::move(options));
    impl->seed_if_needed();
    return Store(std::move(impl));
}

const fs::path& Store::path() const {
    return impl_->db.path();
}
int Store::schema_version() const {
    return detail::k_schema_version;
}
Embedder& Store::embedder() {
    return *impl_->embedder;
}

std::int64_t Store::add_design(const std::string& suite, const std::string& name,
                               const std::string& source) {
    impl_->store_batch(suite, name, source, {}, Origin::generated);
    auto st = impl_->db.cached("SELECT id FROM designs WHERE hash = ?");
    st.bind(1, sha256_hex(source));
    st.step();
    return st.int64(0);
}

AddResult Store::add_example(const ExampleInput& ex) {
    if (auto issue = detail::check_example(ex.source, ex.injection)) {
        throw InputError(issue->detail);
    }
    PreparedExample p;
    p.injection = ex.injection;
    p.json = injection_to_json(ex.injection);
    p.types = ex.injection.types();
    p.file_name = ex.file_name.empty() ? bug_file_name(p.types) : ex.file_name;
    p.verdict = ex.verdict;
    auto r = impl_->store_batch(ex.suite, ex.design, ex.source, {p}, ex.origin);
    return {r.ids.at(0), r.added == 1};
}

std::vector<Selected> Store::query_mmr(const std::string& source,
                                       const std::vector<std::string>& bug_types,
                                       const MmrParams& params,
                                       const std::string& exclude_design_hash) {
    MmrQuery q;
    q.source = source;
    q.bug_types = bug_types;
    q.params = params;
    q.exclude_design_hash = exclude_design_hash;
    return query_mmr(q);
}

std::vector<Selected> Store::query_mmr(const MmrQuery& q) {
    validate(q.params);
    if (q.bug_types.empty()) {
        throw InputError("no bug type given for retrieval");
    }
    for (const auto& t : q.bug_types) {
        if (!is_known_bug_type(t)) {
            throw InputError("unknown bug type '" + t + "'");
        }
    }
    impl_->load_index();
    auto& db = impl_->db;
    std::vector<std::int64_t> exclude;
    {
        auto st = db.prepare("SELECT id FROM designs WHERE hash = ? OR hash = ? OR "
                             "(suite = ? AND name = ?)");
        st.bind(1, sha256_hex(q.source)).bind(2, q.exclude_design_hash);
        if (q.exclude_name.empty()) {
            st.bind_null(3).bind_null(4);
        } else {
            st.bind(3, q.exclude_suite).bind(4, q.exclude_name);
        }
        while (st.step()) {
            exclude.push_back(st.int64(0));
        }
    }
    std::vector<float> qv = impl_->embed({q.source}).at(0);
    if (qv.size() != static_cast<std::size_t>(impl_->index->dim())) {
        if (impl_->index->rows() == 0) {
            return {};
        }
        throw InternalError("query vector has " + std::to_string(qv.size()) +
                            " dimensions, the store's vectors " +
                            std::to_string(impl_->index->dim()));
    }
    for (std::size_t d = 0; d < qv.size(); ++d) {
        qv[d] *= impl_->idf[d];
    }
    normalize(qv);
    auto picks = impl_->index->mmr(qv.data(), q.bug_types, q.params, exclude);
    std::vector<Selected> out;
    for (const auto& p : picks) {
        auto st = db.cached("SELECT d.name, d.suite, d.hash, x.bug_types, x.injection FROM "
                            "examples x JOIN designs d ON d.id = x.design_id WHERE x.id = ?");
        st.bind(1, p.id);
        if (!st.step()) {
            continue; // deleted by another process since the index was loaded
        }
        Selected s;
        s.id = p.id;
        s.design = st.text(0);
        s.suite = st.text(1);
        s.design_hash = st.text(2);
        s.bug_types = split(st.text(3), ',');
        s.relevance = p.relevance;
        s.mmr_score = p.mmr_score;
        s.injection = st.text(4);
        s.parsed = parse_injection(s.injection);
        out.push_back(std::move(s));
    }
    return out;
}

Stats Store::stats() {
    auto& db = impl_->db;
    Stats s;
    auto scalar = [&](const char* sql) {
        auto st = db.prepare(sql);
        st.step();
        return st.int64(0);
    };
    auto grouped = [&](const char* sql, std::map<std::string, std::int64_t>& out) {
        auto st = db.prepare(sql);
        while (st.step()) {
            out[st.text(0)] = st.int64(1);
        }
    };
    s.designs = scalar("SELECT count(*) FROM designs");
    s.examples = scalar("SELECT count(*) FROM examples");
    grouped("SELECT bug_type, count(*) FROM example_types GROUP BY bug_type", s.by_type);
    grouped("SELECT origin, count(*) FROM examples GROUP BY origin", s.by_origin);
    grouped("SELECT verdict, count(*) FROM examples GROUP BY verdict", s.by_verdict);
    grouped("SELECT embedder, count(*) FROM embeddings GROUP BY embedder", s.embedders);
    std::error_code ec;
    for (const char* suffix : {"", "-wal"}) {
        auto n = fs::file_size(path().string() + suffix, ec);
        if (!ec) {
            s.bytes += static_cast<std::int64_t>(n);
        }
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Runs, attempts, cache
// ---------------------------------------------------------------------------------------------

std::int64_t Store::begin_run(const std::string& config_json) {
    WriteTx tx(impl_->db);
    impl_->db.cached("INSERT INTO runs (config) VALUES (?)").bind(1, config_json).run();
    std::int64_t id = impl_->db.last_insert_id();
    tx.commit();
    return id;
}

std::optional<std::int64_t> Store::find_run(const std::string& config_json) {
    auto st = impl_->db.cached("SELECT id FROM runs WHERE config = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, config_json);
    if (st.step()) {
        return st.int64(0);
    }
    return std::nullopt;
}

void Store::finish_run(std::int64_t run_id, const std::string& status) {
    WriteTx tx(impl_->db);
    impl_->db
        .cached("UPDATE runs SET status = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                "WHERE id = ?")
        .bind(1, status)
        .bind(2, run_id)
        .run();
    tx.commit();
}

RunItem Store::ensure_item(std::int64_t run_id, const RunItemKey& key) {
    auto& db = impl_->db;
    WriteTx tx(db);
    db.cached("INSERT INTO run_items (run_id, design_hash, bug_combo, attempt) VALUES (?, ?, ?, ?) "
              "ON CONFLICT DO NOTHING")
        .bind(1, run_id)
        .bind(2, key.design_hash)
        .bind(3, key.bug_combo)
        .bind(4, key.attempt)
        .run();
    auto st = db.cached("SELECT status, coalesce(result, '') FROM run_items WHERE run_id = ? AND "
                        "design_hash = ? AND bug_combo = ? AND attempt = ?");
    st.bind(1, run_id).bind(2, key.design_hash).bind(3, key.bug_combo).bind(4, key.attempt);
    st.step();
    RunItem item{key, st.text(0), st.text(1)};
    tx.commit();
    return item;
}

void Store::set_item(std::int64_t run_id, const RunItemKey& key, const std::string& status,
                     const std::string& result) {
    auto& db = impl_->db;
    WriteTx tx(db);
    db.cached("INSERT INTO run_items (run_id, design_hash, bug_combo, attempt, status, result) "
              "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, design_hash, bug_combo, attempt) DO "
              "UPDATE SET status = excluded.status, result = excluded.result, updated_at = "
              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")
        .bind(1, run_id)
        .bind(2, key.design_hash)
        .bind(3, key.bug_combo)
        .bind(4, key.attempt)
        .bind(5, status)
        .bind(6, result)
        .run();
    tx.commit();
}

std::vector<RunItem> Store::run_items(std::int64_t run_id) {
    std::vector<RunItem> out;
    auto st = impl_->db.prepare("SELECT design_hash, bug_combo, attempt, status, "
                                "coalesce(result, '') FROM run_items WHERE run_id = ? ORDER BY id");
    st.bind(1, run_id);
    while (st.step()) {
        out.push_back(
            {{st.text(0), st.text(1), static_cast<int>(st.int64(2))}, st.text(3), st.text(4)});
    }
    return out;
}

std::int64_t Store::record_attempt(const AttemptRecord& a) {
    auto& db = impl_->db;
    nlohmann::json ids = a.example_ids;
    WriteTx tx(db);
    db.cached("INSERT INTO attempts (run_id, design_hash, bug_types, strategy, backend, model, "
              "verdict, reason, prompt_hash, example_ids, seed, prompt_ms, llm_ms, validate_ms, "
              "total_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, a.run_id)
        .bind(2, a.design_hash)
        .bind(3, join(a.bug_types, ","))
        .bind(4, a.strategy)
        .bind(5, a.backend)
        .bind(6, a.model)
        .bind(7, a.verdict)
        .bind(8, a.reason)
        .bind(9, a.prompt_hash)
        .bind(10, ids.dump())
        .bind(11, a.seed)
        .bind(12, a.prompt_ms)
        .bind(13, a.llm_ms)
        .bind(14, a.validate_ms)
        .bind(15, a.total_ms)
        .run();
    std::int64_t id = db.last_insert_id();
    for (const auto& t : a.bug_types) {
        db.cached("INSERT OR IGNORE INTO attempt_types (bug_type, attempt_id) VALUES (?, ?)")
            .bind(1, t)
            .bind(2, id)
            .run();
    }
    tx.commit();
    return id;
}

std::vector<StrategyStats> Store::strategy_stats(const std::string& bug_type) {
    std::vector<StrategyStats> out;
    auto st = impl_->db.prepare(
        "SELECT a.strategy, count(*), sum(a.verdict = 'valid') FROM attempts a JOIN attempt_types "
        "t ON t.attempt_id = a.id WHERE t.bug_type = ? GROUP BY a.strategy ORDER BY a.strategy");
    st.bind(1, bug_type);
    while (st.step()) {
        out.push_back({st.text(0), st.int64(1), st.int64(2)});
    }
    return out;
}

std::optional<std::string> Store::cache_get(const std::string& key) {
    auto st = impl_->db.cached("SELECT value FROM llm_cache WHERE key = ?");
    st.bind(1, key);
    if (st.step()) {
        return st.text(0);
    }
    return std::nullopt;
}

void Store::cache_put(const std::string& key, const std::string& value) {
    WriteTx tx(impl_->db);
    impl_->db
        .cached("INSERT INTO llm_cache (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                "value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
    tx.commit();
}

} // namespace hlsv::rag
