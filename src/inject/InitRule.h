// INIT: Removes the initializer of a local variable that is read before it is written.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Removes the initializer of a local variable that is read before it is written.
class InitRule : public Rule {
  public:
    std::string_view id() const override { return "init-initializer-removed"; }
    std::string_view type() const override { return "INIT"; }
    std::string_view summary() const override {
        return "Removes the initializer of a local variable that is read before it is written.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
