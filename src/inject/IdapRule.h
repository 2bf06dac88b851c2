// IDAP: Gives a randomly or repeatedly accessed array port a streaming (ap_fifo) interface.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Gives a randomly or repeatedly accessed array port a streaming (ap_fifo) interface.
class IdapRule : public Rule {
  public:
    std::string_view id() const override { return "idap-fifo-on-random-access"; }
    std::string_view type() const override { return "IDAP"; }
    std::string_view summary() const override {
        return "Gives a randomly or repeatedly accessed array port a streaming (ap_fifo) "
               "interface.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
