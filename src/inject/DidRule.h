// DID: Sets an array_partition dim past the array's number of dimensions.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Sets an array_partition dim past the array's number of dimensions.
class DidRule : public Rule {
  public:
    std::string_view id() const override { return "did-partition-dim-out-of-rank"; }
    std::string_view type() const override { return "DID"; }
    std::string_view summary() const override {
        return "Sets an array_partition dim past the array's number of dimensions.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
