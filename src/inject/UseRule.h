// USE: Reads narrow data with the other signedness where its statement widens it.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Reads narrow data with the other signedness where its statement widens it, so the widening
/// sign-extends a value it should zero-extend (or the reverse).
class UseRule : public Rule {
  public:
    std::string_view id() const override { return "use-signed-narrow-type"; }
    std::string_view type() const override { return "USE"; }
    std::string_view summary() const override {
        return "Reads narrow data with the other signedness where its statement widens it, so "
               "the widening sign-extends a value it should zero-extend (or the reverse).";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
