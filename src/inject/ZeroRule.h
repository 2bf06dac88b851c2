// ZERO: Sets a needed non-zero initializer to 0.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Sets a needed non-zero initializer to 0.
class ZeroRule : public Rule {
  public:
    std::string_view id() const override { return "zero-initializer-zeroed"; }
    std::string_view type() const override { return "ZERO"; }
    std::string_view summary() const override { return "Sets a needed non-zero initializer to 0."; }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
