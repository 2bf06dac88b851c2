// MLP: Adds a pipeline pragma to a loop nested in (or enclosing) a pipelined loop.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Adds a pipeline pragma to a loop nested in (or enclosing) a pipelined loop.
class MlpRule : public Rule {
  public:
    std::string_view id() const override { return "mlp-nested-pipeline"; }
    std::string_view type() const override { return "MLP"; }
    std::string_view summary() const override {
        return "Adds a pipeline pragma to a loop nested in (or enclosing) a pipelined loop.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
