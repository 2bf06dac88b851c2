// INF: Turns a loop step into an expression without effect so the loop never terminates.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Turns a loop step into an expression without effect so the loop never terminates.
class InfRule : public Rule {
  public:
    std::string_view id() const override { return "inf-step-without-effect"; }
    std::string_view type() const override { return "INF"; }
    std::string_view summary() const override {
        return "Turns a loop step into an expression without effect so the loop never terminates.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
