// Every rule of the engine, one row each, sorted by id (as clang-tidy registers its checks).
#include "AmsRule.h"
#include "AptRule.h"
#include "BufRule.h"
#include "DfpRule.h"
#include "DidRule.h"
#include "FndRule.h"
#include "IdapRule.h"
#include "IlnuRule.h"
#include "InfRule.h"
#include "InitRule.h"
#include "MlpRule.h"
#include "MluRule.h"
#include "OobRule.h"
#include "PrecRule.h"
#include "RambRule.h"
#include "ShftRule.h"
#include "SmaRule.h"
#include "UseRule.h"
#include "ZeroRule.h"
#include "inject.h"

#include <algorithm>

namespace hlsv::inject {

const std::vector<std::unique_ptr<Rule>>& rules() {
    static const std::vector<std::unique_ptr<Rule>> table = [] {
        std::vector<std::unique_ptr<Rule>> t;
        auto add = [&](std::unique_ptr<Rule> r) { t.push_back(std::move(r)); };
        add(std::make_unique<AmsRule>());
        add(std::make_unique<AptRule>());
        add(std::make_unique<BufRule>());
        add(std::make_unique<DfpRule>());
        add(std::make_unique<DidRule>());
        add(std::make_unique<FndRule>());
        add(std::make_unique<IdapRule>());
        add(std::make_unique<IlnuRule>());
        add(std::make_unique<InfRule>());
        add(std::make_unique<InitRule>());
        add(std::make_unique<MlpRule>());
        add(std::make_unique<MluRule>());
        add(std::make_unique<OobRule>());
        add(std::make_unique<PrecRule>());
        add(std::make_unique<RambRule>());
        add(std::make_unique<ShftRule>());
        add(std::make_unique<SmaRule>());
        add(std::make_unique<UseRule>());
        add(std::make_unique<ZeroRule>());
        return t;
    }();
    return table;
}

} // namespace hlsv::inject
