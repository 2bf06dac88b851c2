// hlsv entry point: global flags, subcommand dispatch, and the mapping of errors to exit codes.
#include "cli.h"

#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    using namespace hlsv;
    cli::Context ctx;
    CLI::App app{"hlsv: LLM-aided verification of HLS C++ designs: bug-injection datasets, "
                 "C simulation, a static pragma checker and a debugging assistant.",
                 "hlsv"};
    app.set_version_flag("-V,--version", std::string("hlsv ") + HLSV_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    bool verbose = false;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbose, "More detail on stderr");
    app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
    int max_input_mb = 0;
    app.add_option("--max-input-mb", max_input_mb,
                   "Largest input file any command reads, in MiB (default 16, or max_input_mb "
                   "in hlsv.toml)");
    app.footer("Exit codes: 0 success, 1 findings or verification failed, 2 usage or input "
               "error, 3 internal error.\nDefaults for global settings come from hlsv.toml "
               "(searched upwards from the working directory).");
    app.parse_complete_callback([&] {
        set_verbosity(quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal);
        if (max_input_mb > 0) {
            set_input_limit(static_cast<std::uintmax_t>(max_input_mb) << 20);
        }
    });

    try {
        ctx.config = load_config();
        if (ctx.config.max_input_bytes) {
            set_input_limit(*ctx.config.max_input_bytes);
        }
        for (const auto& cmd : cli::commands()) {
            CLI::App* sub = app.add_subcommand(cmd.name, cmd.summary);
            cmd.add(*sub, ctx);
        }
        cli::apply_option_checks(app);
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "hlsv: error: %s (see 'hlsv --help')\n", e.what());
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& e) {
        std::fprintf(stderr, "hlsv: error: %s\n", e.what());
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "hlsv: error: out of memory\n");
        return static_cast<int>(ExitCode::internal);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hlsv: internal error: %s\n", e.what());
        return static_cast<int>(ExitCode::internal);
    }
    std::cout.flush();
    if (!std::cout) {
        std::fprintf(stderr, "hlsv: error: cannot write to standard output\n");
        return static_cast<int>(ExitCode::internal);
    }
    return static_cast<int>(ctx.exit);
}
