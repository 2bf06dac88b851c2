// OOB: Pushes a loop bound one past the end of the array the loop indexes.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Pushes a loop bound one past the end of the array the loop indexes.
class OobRule : public Rule {
  public:
    std::string_view id() const override { return "oob-bound-past-end"; }
    std::string_view type() const override { return "OOB"; }
    std::string_view summary() const override {
        return "Pushes a loop bound one past the end of the array the loop indexes.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
