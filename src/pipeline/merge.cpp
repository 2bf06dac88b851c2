// hlsv merge: combine the examples and generation runs of several stores (e.g. one per shard)
// into one.
#include "internal.h"
#include "rag/rag.h"

#include <unistd.h>

namespace hlsv::pipeline {

namespace {

/// Copies each generation run of `src` into `out` as the unsharded run of the same command:
/// `generate --shard I/N` and plain `generate` differ only in the config's "shard", so after a
/// merge the plain command finds every item done and only exports, and the dataset equals the
/// one a single machine produces. Items are keyed, so merging twice or in any order is the same.
void merge_runs(rag::Store& src, rag::Store& out) {
    for (const auto& run : src.runs()) {
        nlohmann::json config = nlohmann::json::parse(run.config, nullptr, false);
        if (!config.is_object() || !config.contains("shard")) {
            continue; // not a generation run of ours
        }
        config["shard"] = "0/1";
        std::string key = config.dump();
        auto id = out.find_run(key);
        out.merge_items(id ? *id : out.begin_run(key), src.run_items(run.id));
    }
}

/// Why a store's generation runs are not finished ("" when every one is): a run still marked
/// running (its task is going, was killed, or is requeued) or items left pending (a design
/// skipped, endpoint errors). Merging such a shard would let the unsharded command redo or, worse,
/// silently drop its work (docs/scale.md, "The lost designs").
std::string unfinished(rag::Store& store) {
    std::string why;
    for (const auto& run : store.runs()) {
        nlohmann::json config = nlohmann::json::parse(run.config, nullptr, false);
        if (!config.is_object() || !config.contains("shard")) {
            continue;
        }
        long pending = 0;
        for (const auto& item : store.run_items(run.id)) {
            pending += item.status != "done" && item.status != "meta";
        }
        std::string what;
        if (run.status != "done") {
            what = "run " + std::to_string(run.id) + " is " + run.status;
        }
        if (pending > 0) {
            what += (what.empty() ? "run " + std::to_string(run.id) + " has " : ", ") +
                    std::to_string(pending) + " item(s) not done";
        }
        if (!what.empty()) {
            why += (why.empty() ? "" : "; ") + what;
        }
    }
    return why;
}

} // namespace

long merge_stores(const fs::path& out_db, const std::vector<fs::path>& inputs,
                  const MergeOptions& opts) {
    if (inputs.empty()) {
        throw InputError("merge: no input store given");
    }
    for (const auto& in : inputs) {
        std::error_code ec;
        if (!fs::is_regular_file(in, ec)) {
            throw InputError(in, "no such store");
        }
        if (fs::equivalent(in, out_db, ec)) {
            throw InputError(in, "is the output store itself");
        }
    }
    // Every input is checked before the output store is opened (or created): a refused merge
    // writes nothing.
    if (!opts.allow_partial) {
        for (const auto& in : inputs) {
            rag::StoreOptions ro;
            ro.read_only = true;
            ro.seed = false;
            rag::Store src = rag::Store::open(in, ro);
            if (std::string why = unfinished(src); !why.empty()) {
                throw InputError(in, "shard not finished: " + why +
                                         "; wait for its task or rerun it (--allow-partial "
                                         "merges it anyway)");
            }
        }
    }
    detail::StoreLock lock(out_db);
    rag::Store out = rag::Store::open(out_db);
    long added = 0;
    for (const auto& in : inputs) {
        rag::StoreOptions ro;
        ro.read_only = true;
        ro.seed = false;
        rag::Store src = rag::Store::open(in, ro);
        // Through the Chrysalis layout: the one exchange format both stores speak, and the
        // import is idempotent by content hash, so merging twice adds nothing.
        fs::path tmp = fs::temp_directory_path() /
                       ("hlsv-merge-" + std::to_string(::getpid()) + "-" + std::to_string(added));
        fs::remove_all(tmp);
        try {
            src.export_chrysalis(tmp);
            auto report = out.import_chrysalis(tmp, "", rag::Origin::generated);
            added += static_cast<long>(report.examples_added);
        } catch (...) {
            fs::remove_all(tmp);
            throw;
        }
        fs::remove_all(tmp);
        merge_runs(src, out);
    }
    return added;
}

} // namespace hlsv::pipeline
