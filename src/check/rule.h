// The interface every check implements, and the sink it reports into. Private to the module.
#pragma once

#include "check.h"
#include "model.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::check {

/// Collects the findings of one rule on one model.
class Sink {
  public:
    Sink(const Model& model, const RuleInfo& rule) : model_(model), rule_(rule) {}
    /// Reports at 1-based `line`/`col`. `type` overrides the rule's Chrysalis type for rules that
    /// map to the closest catalog type by what the target is.
    void report(int line, int col, std::string message, std::optional<std::string> type = {});
    /// Reports the other end of a finding (e.g. the outer pipeline of a nested pair) as a note.
    void note(int line, int col, std::string message);
    std::vector<Finding>& findings() { return findings_; }

  private:
    const Model& model_;
    const RuleInfo& rule_;
    std::vector<Finding> findings_;
};

/// One static rule: `<Name>Check.{h,cpp}`, registered in registry.cpp.
class Check {
  public:
    virtual ~Check() = default;
    virtual const RuleInfo& info() const = 0;
    virtual void run(const Model& model, Sink& out) const = 0;
};

/// Every check, sorted by id (registry.cpp).
const std::vector<std::unique_ptr<Check>>& checks();

/// Declares a check class with its metadata; the run() body goes in the .cpp.
#define HLSV_DECLARE_CHECK(Class)                                                                  \
    class Class : public Check {                                                                   \
      public:                                                                                      \
        const RuleInfo& info() const override;                                                     \
        void run(const Model& model, Sink& out) const override;                                    \
    }

} // namespace hlsv::check
