// AMS: Puts an array port on a scalar interface mode (ap_none).
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Puts an array port on a scalar interface mode (ap_none).
class AmsRule : public Rule {
  public:
    std::string_view id() const override { return "ams-array-on-scalar-interface"; }
    std::string_view type() const override { return "AMS"; }
    std::string_view summary() const override {
        return "Puts an array port on a scalar interface mode (ap_none).";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
