// hlsv merge OUT_STORE STORE... [--allow-partial]
#include "cli.h"
#include "pipeline/pipeline.h"

#include <iostream>

namespace hlsv::cli {

void add_merge(CLI::App& app, Context&) {
    struct Args {
        std::string out;
        std::vector<std::string> inputs;
        pipeline::MergeOptions opts;
    };
    auto a = std::make_shared<Args>();
    app.add_option("OUT_STORE", a->out, "Store to merge into (created when missing)")->required();
    app.add_option("STORE", a->inputs, "Stores to merge from (e.g. one per shard)")->required();
    app.add_flag("--allow-partial", a->opts.allow_partial,
                 "Merge shards whose run is unfinished too (their missing items are left for "
                 "the unsharded command to run)");
    app.callback([a] {
        std::vector<fs::path> in(a->inputs.begin(), a->inputs.end());
        long added = pipeline::merge_stores(a->out, in, a->opts);
        std::cout << "merged " << in.size() << " store(s) into " << a->out << ": " << added
                  << " new examples\n";
    });
}

} // namespace hlsv::cli
