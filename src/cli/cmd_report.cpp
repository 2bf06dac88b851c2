// hlsv report DATASET_DIR [-o report.html]
#include "cli.h"
#include "pipeline/pipeline.h"

#include <iostream>

namespace hlsv::cli {

void add_report(CLI::App& app, Context&) {
    struct Args {
        std::string dir;
        std::string out;
    };
    auto a = std::make_shared<Args>();
    app.add_option("DATASET_DIR", a->dir, "A dataset directory written by hlsv generate")
        ->required();
    app.add_option("-o,--output", a->out, "HTML file to write (default: DATASET_DIR/report.html)");
    app.callback([a] {
        std::string html = pipeline::render_report(a->dir);
        fs::path out = a->out.empty() ? fs::path(a->dir) / "report.html" : fs::path(a->out);
        emit_output(out.string(), html);
        if (a->out != "-") {
            std::cout << "report written to " << out.string() << "\n";
        }
    });
}

} // namespace hlsv::cli
