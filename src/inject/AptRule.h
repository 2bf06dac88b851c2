// APT: Swaps an array_partition type between cyclic and block so it no longer fits the access
// pattern.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Swaps an array_partition type between cyclic and block so it no longer fits the access pattern.
class AptRule : public Rule {
  public:
    std::string_view id() const override { return "apt-partition-type-swap"; }
    std::string_view type() const override { return "APT"; }
    std::string_view summary() const override {
        return "Swaps an array_partition type between cyclic and block so it no longer fits the "
               "access pattern.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
