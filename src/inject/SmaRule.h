// SMA: Puts a scalar port on a memory interface mode (bram).
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Puts a scalar port on a memory interface mode (bram).
class SmaRule : public Rule {
  public:
    std::string_view id() const override { return "sma-scalar-on-memory-interface"; }
    std::string_view type() const override { return "SMA"; }
    std::string_view summary() const override {
        return "Puts a scalar port on a memory interface mode (bram).";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
