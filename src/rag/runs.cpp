// Generation runs across stores: listing runs and merging the items of a shard's run.
#include "store_impl.h"

namespace hlsv::rag {

std::vector<RunInfo> Store::runs() {
    std::vector<RunInfo> out;
    auto st = impl_->db.prepare("SELECT id, config, status, started_at, coalesce(finished_at, '') "
                                "FROM runs ORDER BY id");
    while (st.step()) {
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    }
    return out;
}

void Store::merge_items(std::int64_t run_id, const std::vector<RunItem>& items) {
    auto& db = impl_->db;
    detail::WriteTx tx(db);
    // "done" wins over anything else; otherwise the first copy stays. Shards hold disjoint
    // items, so in practice only a repeated merge meets an existing key, with the same content.
    const char* sql =
        "INSERT INTO run_items (run_id, design_hash, bug_combo, attempt, status, result) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, design_hash, bug_combo, attempt) DO "
        "UPDATE SET status = excluded.status, result = excluded.result "
        "WHERE run_items.status != 'done' AND excluded.status = 'done'";
    for (const auto& it : items) {
        db.cached(sql)
            .bind(1, run_id)
            .bind(2, it.key.design_hash)
            .bind(3, it.key.bug_combo)
            .bind(4, it.key.attempt)
            .bind(5, it.status)
            .bind(6, it.result)
            .run();
    }
    tx.commit();
}

} // namespace hlsv::rag
