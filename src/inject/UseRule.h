// USE: Makes a narrow unsigned value signed so widening it sign-extends.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Makes a narrow unsigned value signed so widening it sign-extends.
class UseRule : public Rule {
  public:
    std::string_view id() const override { return "use-signed-narrow-type"; }
    std::string_view type() const override { return "USE"; }
    std::string_view summary() const override {
        return "Makes a narrow unsigned value signed so widening it sign-extends.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
