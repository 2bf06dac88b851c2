// MLU: Drops one statement from a manually unrolled sequence.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Drops one statement from a manually unrolled sequence.
class MluRule : public Rule {
  public:
    std::string_view id() const override { return "mlu-unrolled-statement-dropped"; }
    std::string_view type() const override { return "MLU"; }
    std::string_view summary() const override {
        return "Drops one statement from a manually unrolled sequence.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
