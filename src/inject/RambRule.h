// RAMB: Moves a data-dependently indexed array port onto an m_axi burst interface.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Moves a data-dependently indexed array port onto an m_axi burst interface.
class RambRule : public Rule {
  public:
    std::string_view id() const override { return "ramb-random-access-m-axi"; }
    std::string_view type() const override { return "RAMB"; }
    std::string_view summary() const override {
        return "Moves a data-dependently indexed array port onto an m_axi burst interface.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
