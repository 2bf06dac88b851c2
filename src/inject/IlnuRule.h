// ILNU: Unrolls an outer loop whose inner loop is not unrolled.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Unrolls an outer loop whose inner loop is not unrolled.
class IlnuRule : public Rule {
  public:
    std::string_view id() const override { return "ilnu-unroll-outer-loop"; }
    std::string_view type() const override { return "ILNU"; }
    std::string_view summary() const override {
        return "Unrolls an outer loop whose inner loop is not unrolled.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
