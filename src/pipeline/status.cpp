// hlsv status: progress of a sharded run, read from the shard stores while they are written.
#include "internal.h"
#include "rag/rag.h"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>

namespace hlsv::pipeline {

namespace {

/// Seconds since a store timestamp "YYYY-MM-DDTHH:MM:SSZ" (UTC); 0 when unreadable.
double seconds_since(const std::string& stamp) {
    std::tm tm{};
    if (!strptime(stamp.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) {
        return 0;
    }
    return std::max(0.0, std::difftime(std::time(nullptr), timegm(&tm)));
}

ShardStatus read_shard(const fs::path& db, const std::string& name) {
    ShardStatus s;
    s.name = name;
    std::error_code ec;
    if (!fs::is_regular_file(db, ec)) {
        return s; // not started yet
    }
    rag::StoreOptions ro;
    ro.read_only = true;
    ro.seed = false;
    rag::Store store = rag::Store::open(db, ro);
    s.present = true;
    auto runs = store.runs();
    if (runs.empty()) {
        return s;
    }
    const auto& run = runs.back();
    for (const auto& item : store.run_items(run.id)) {
        if (item.status == "meta") {
            auto j = nlohmann::json::parse(item.result, nullptr, false);
            s.wall_seconds += j.is_object() ? j.value("wall", 0.0) : 0.0;
        } else if (item.status == "done") {
            ++s.done;
            auto j = nlohmann::json::parse(item.result, nullptr, false);
            s.valid += j.is_object() && j.value("verdict", "") == "valid";
        } else if (item.status == "pending") {
            ++s.pending;
        } else {
            ++s.failed;
        }
    }
    if (run.status != "done") {
        // A run still going has not recorded its wall time: count from its start instead.
        s.wall_seconds = std::max(s.wall_seconds, seconds_since(run.started_at));
    }
    return s;
}

} // namespace

std::vector<ShardStatus> shard_status(const fs::path& out_dir) {
    std::error_code ec;
    if (!fs::is_directory(out_dir, ec)) {
        throw InputError(out_dir, "no such directory");
    }
    int shards = -1;
    fs::path plan = out_dir / "slurm" / "plan.json";
    if (fs::is_regular_file(plan, ec)) {
        auto j = nlohmann::json::parse(read_file(plan), nullptr, false);
        if (j.is_object() && j.contains("shards") && j["shards"].is_number_integer()) {
            shards = j["shards"].get<int>();
        }
    }
    fs::path dir = out_dir / "shards";
    if (shards < 0) {
        // No plan (shards started by hand with --shard): whatever shard stores exist.
        shards = 0;
        if (fs::is_directory(dir, ec)) {
            for (const auto& e : fs::directory_iterator(dir)) {
                std::string n = e.path().filename().string();
                int i = -1;
                if (std::sscanf(n.c_str(), "shard-%d.db", &i) == 1 &&
                    n == fmt::format("shard-{}.db", i)) {
                    shards = std::max(shards, i + 1);
                }
            }
        }
        if (shards == 0) {
            throw InputError(out_dir, "no shard stores (expected slurm/plan.json or "
                                      "shards/shard-N.db from a --slurm run)");
        }
    }
    std::vector<ShardStatus> out;
    for (int i = 0; i < shards; ++i) {
        out.push_back(read_shard(dir / fmt::format("shard-{}.db", i), fmt::format("shard-{}", i)));
    }
    return out;
}

std::string status_table(const std::vector<ShardStatus>& shards) {
    std::string out = fmt::format("{:<10} {:>6} {:>6} {:>8} {:>7} {:>10}\n", "shard", "done",
                                  "valid", "pending", "failed", "items/min");
    ShardStatus total;
    for (const auto& s : shards) {
        if (!s.present) {
            out += fmt::format("{:<10} {:>6}\n", s.name, "not started");
            continue;
        }
        double rate = s.wall_seconds > 0 ? 60.0 * static_cast<double>(s.done) / s.wall_seconds : 0;
        out += fmt::format("{:<10} {:>6} {:>6} {:>8} {:>7} {:>10.1f}\n", s.name, s.done, s.valid,
                           s.pending, s.failed, rate);
        total.done += s.done;
        total.valid += s.valid;
        total.pending += s.pending;
        total.failed += s.failed;
    }
    out += fmt::format("{:<10} {:>6} {:>6} {:>8} {:>7}\n", "total", total.done, total.valid,
                       total.pending, total.failed);
    return out;
}

} // namespace hlsv::pipeline
