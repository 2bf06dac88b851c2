// FND: Changes a partition or unroll factor to one that does not divide the dimension or trip
// count.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Changes a partition or unroll factor to one that does not divide the dimension or trip count.
class FndRule : public Rule {
  public:
    std::string_view id() const override { return "fnd-factor-not-dividing"; }
    std::string_view type() const override { return "FND"; }
    std::string_view summary() const override {
        return "Changes a partition or unroll factor to one that does not divide the dimension or "
               "trip count.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
