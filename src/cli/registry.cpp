// The subcommands of hlsv, one row each, in the order `hlsv --help` lists them.
#include "cli.h"

namespace hlsv::cli {

void add_parse(CLI::App&, Context&);
void add_csim(CLI::App&, Context&);
void add_cache(CLI::App&, Context&);
void add_generate(CLI::App&, Context&);
void add_report(CLI::App&, Context&);
void add_merge(CLI::App&, Context&);
void add_status(CLI::App&, Context&);
void add_debug(CLI::App&, Context&);
void add_eval(CLI::App&, Context&);
void add_rag(CLI::App&, Context&);
void add_check(CLI::App&, Context&);
void add_prompt(CLI::App&, Context&);
void add_inject(CLI::App&, Context&);
void add_validate(CLI::App&, Context&);
void add_lsp(CLI::App&, Context&);
void add_harness(CLI::App&, Context&);

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"parse", "Print design facts: functions, loops, arrays, pragmas, HLS types", add_parse},
        {"csim", "C-simulate a design (golden or variants) and print a verdict each", add_csim},
        {"cache", "Show (info) or empty (clear) the C-simulation build and result cache",
         add_cache},
        {"generate", "Generate a validated bug dataset from suites of designs", add_generate},
        {"report", "Render a dataset directory as a self-contained HTML report", add_report},
        {"merge", "Merge RAG stores (e.g. one per shard) into one", add_merge},
        {"status", "Progress per shard of a --slurm generation run", add_status},
        {"debug", "Localize a design's bug and prove a fix by C simulation", add_debug},
        {"eval", "Score bug localization, classification and repair over a dataset", add_eval},
        {"rag", "RAG store: import, query, add, stats, export examples", add_rag},
        {"check", "Static HLS checker: pragma misuse and provable functional bugs (CI)", add_check},
        {"prompt", "Print (or --send) the LLM messages that inject a bug type into a design",
         add_prompt},
        {"inject", "Inject a named bug type into a design (rules or LLM) and write the bug file",
         add_inject},
        {"validate", "Apply a bug file and judge it: valid, silent or invalid", add_validate},
        {"lsp",
         "Language server (LSP over stdio): checker diagnostics, fix-its, hover, "
         "simulate/debug commands",
         add_lsp},
        {"harness", "Synthesize the prelude a function needs to compile on its own", add_harness},
    };
    return table;
}

} // namespace hlsv::cli
