// The subcommands of hlsv, one row each, in the order `hlsv --help` lists them.
#include "cli.h"

namespace hlsv::cli {

void add_parse(CLI::App&, Context&);

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"parse", "Print design facts: functions, loops, arrays, pragmas, HLS types", add_parse},
    };
    return table;
}

} // namespace hlsv::cli
