// PREC: Drops parentheses so operator precedence regroups the expression.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Drops parentheses so operator precedence regroups the expression.
class PrecRule : public Rule {
  public:
    std::string_view id() const override { return "prec-parentheses-dropped"; }
    std::string_view type() const override { return "PREC"; }
    std::string_view summary() const override {
        return "Drops parentheses so operator precedence regroups the expression.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
