// hlsv status OUT_DIR: progress per shard of a --slurm (or hand-sharded) generation run.
#include "cli.h"
#include "pipeline/pipeline.h"

#include <iostream>

namespace hlsv::cli {

void add_status(CLI::App& app, Context&) {
    auto out = std::make_shared<std::string>();
    app.add_option("OUT_DIR", *out, "The --out directory of a --slurm run")->required();
    app.callback([out] { std::cout << pipeline::status_table(pipeline::shard_status(*out)); });
}

} // namespace hlsv::cli
