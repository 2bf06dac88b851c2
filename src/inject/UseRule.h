// USE: Reads or declares narrow data with the other signedness where the sign matters.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Reads narrow data with the other signedness where its statement widens it, so the widening
/// sign-extends a value it should zero-extend (or the reverse); or declares a variable whose
/// values reach the top bit with the other signedness where it is compared or shifted right.
class UseRule : public Rule {
  public:
    std::string_view id() const override { return "use-signed-narrow-type"; }
    std::string_view type() const override { return "USE"; }
    std::string_view summary() const override {
        return "Reads narrow data with the other signedness where its statement widens it, so "
               "the widening sign-extends a value it should zero-extend (or the reverse), or "
               "declares a variable whose values reach the top bit with the other signedness "
               "where it is compared or shifted right.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
