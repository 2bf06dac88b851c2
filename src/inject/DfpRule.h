// DFP: Places a dataflow pragma inside a loop body that is not a dataflow region.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Places a dataflow pragma inside a loop body that is not a dataflow region.
class DfpRule : public Rule {
  public:
    std::string_view id() const override { return "dfp-dataflow-in-loop"; }
    std::string_view type() const override { return "DFP"; }
    std::string_view summary() const override {
        return "Places a dataflow pragma inside a loop body that is not a dataflow region.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
