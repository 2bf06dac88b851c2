// The subcommands of hlsv, one row each, in the order `hlsv --help` lists them.
#include "cli.h"

namespace hlsv::cli {

void add_parse(CLI::App&, Context&);
void add_generate(CLI::App&, Context&);
void add_report(CLI::App&, Context&);
void add_merge(CLI::App&, Context&);

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"parse", "Print design facts: functions, loops, arrays, pragmas, HLS types", add_parse},
        {"generate", "Generate a validated bug dataset from suites of designs", add_generate},
        {"report", "Render a dataset directory as a self-contained HTML report", add_report},
        {"merge", "Merge RAG stores (e.g. one per shard) into one", add_merge},
    };
    return table;
}

} // namespace hlsv::cli
