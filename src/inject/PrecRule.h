// PREC: Drops or moves parentheses so the operators of an expression group differently.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Drops or moves parentheses so the operators of an expression group differently.
class PrecRule : public Rule {
  public:
    std::string_view id() const override { return "prec-parentheses-dropped"; }
    std::string_view type() const override { return "PREC"; }
    std::string_view summary() const override {
        return "Drops or moves parentheses so the operators of an expression group "
               "differently.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
