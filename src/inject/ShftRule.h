// SHFT: Raises a constant shift amount past the width of the shifted operand.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Raises a constant shift amount past the width of the shifted operand.
class ShftRule : public Rule {
  public:
    std::string_view id() const override { return "shft-shift-past-width"; }
    std::string_view type() const override { return "SHFT"; }
    std::string_view summary() const override {
        return "Raises a constant shift amount past the width of the shifted operand.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
