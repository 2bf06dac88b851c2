// BUF: Makes an access use the other half of a split or ping-pong buffer.
#pragma once

#include "inject.h"

namespace hlsv::inject {

/// Makes an access use the other half of a split or ping-pong buffer.
class BufRule : public Rule {
  public:
    std::string_view id() const override { return "buf-wrong-buffer-half"; }
    std::string_view type() const override { return "BUF"; }
    std::string_view summary() const override {
        return "Makes an access use the other half of a split or ping-pong buffer.";
    }
    std::vector<Site> sites(const parse::DesignFacts& facts,
                            const SourceText& source) const override;
};

} // namespace hlsv::inject
