// hlsv inject: turning a Chrysalis injection into a buggy source (apply), the built-in rule
// engine that proposes injections for each bug type (rules), the automatic checks on an
// injection (auto_check), and validation by C simulation or the static pragma checker (validate).
#pragma once

#include "core/core.h"
#include "llm/llm.h"
#include "parse/parse.h"

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::inject {

// ---------------------------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------------------------

/// How an entry's "Original Code" was located, from strictest to loosest.
enum class MatchMode { exact, whitespace, comments, tokens, ellipsis, rewritten, none };
std::string_view to_string(MatchMode m);

/// What happened to one "Error Specification" entry.
enum class EntryStatus {
    applied,   ///< located and edited (possibly merged with an earlier entry's edit)
    noop,      ///< Faulty Code differs from Original Code only in comments/whitespace
    malformed, ///< Faulty Code is not a usable edit (pragma after code, header replaced, ...)
    not_found, ///< Original Code is not in the design
    overlap,   ///< the edit collides with an earlier entry's edit and cannot be merged
    ambiguous, ///< the quote matches several places and nothing says which one is meant
};
std::string_view to_string(EntryStatus s);

struct EntryResult {
    int index = 0; ///< 1-based entry number
    std::string type;
    EntryStatus status = EntryStatus::not_found;
    MatchMode mode = MatchMode::none;
    int line = 0;        ///< 1-based line of the match in the original source
    int candidates = 0;  ///< how many places matched (> 1: ambiguous, one was chosen)
    std::string message; ///< why, for anything but a clean single match
    /// A short stable reason for anything but `applied`: original-not-found, ambiguous, noop,
    /// malformed, overlap (what `rag import` counts per reason).
    std::string reason;
};

struct ApplyOptions {
    /// Facts of the original source: used to prefer matches inside the top function.
    const parse::DesignFacts* facts = nullptr;
    /// Exact and whitespace-normalized matching only (the naive baseline in the benchmark).
    bool naive = false;
    /// An entry without a "Line" whose Original Code matches several places is `ambiguous`
    /// instead of applied at the likeliest one. Elided quotes (`...`) are always held to this.
    bool unique = false;
    /// Compute `diff` and `changed_lines` (import only needs the entry statuses).
    bool want_diff = true;
};

struct ApplyResult {
    bool ok = false;                ///< every entry applied and the file changed
    std::string buggy;              ///< the edited source (the original when nothing applied)
    std::string diff;               ///< unified diff original -> buggy
    std::vector<int> changed_lines; ///< 1-based lines of `buggy` that are new or changed
    std::vector<EntryResult> entries;
    std::vector<std::string> warnings; ///< ambiguities (several matches) and merges
    std::string error;                 ///< first failure: "entry 2 (INIT): Original Code not found"
};

/// Applies every entry of `inj` to `source` in order. Never throws for bad injections: the
/// result says which entry failed and why. `file_name` labels the diff.
ApplyResult apply(std::string_view source, const Injection& inj, const ApplyOptions& opts = {},
                  std::string_view file_name = "design.cpp");

/// `code` without a wrapper of triple quotes (`"""x = 1;"""`), which some datasets keep around
/// quoted code; anything else is returned unchanged.
std::string unwrap_quotes(std::string_view code);

/// A unified diff (3 lines of context) between two texts, plus the changed lines of `after`.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         std::vector<int>* changed_lines = nullptr);

// ---------------------------------------------------------------------------------------------
// Rule engine
// ---------------------------------------------------------------------------------------------

/// One candidate place where a rule can inject its bug type.
struct Site {
    std::string type;        ///< Chrysalis code, "OOB"
    std::string rule;        ///< the rule's id
    int line = 0;            ///< 1-based line of `original` in the source
    std::string original;    ///< verbatim text of the source (one or more whole lines, trimmed)
    std::string faulty;      ///< replacement text
    std::string explanation; ///< one sentence: what was changed and why it is a bug
    std::string function;    ///< enclosing function ("" at file scope)
};

/// A bug-injection rule: one Chrysalis type, one file `<Name>Rule.{h,cpp}`.
class Rule {
  public:
    virtual ~Rule() = default;
    virtual std::string_view id() const = 0;      ///< stable kebab-case id, "oob-index-past-end"
    virtual std::string_view type() const = 0;    ///< Chrysalis code, "OOB"
    virtual std::string_view summary() const = 0; ///< one sentence for docs and reports
    /// Every candidate site in the design, in source order. Sites never overlap a line twice.
    virtual std::vector<Site> sites(const parse::DesignFacts& facts,
                                    const SourceText& source) const = 0;
};

/// Every rule, sorted by id (registry.cpp).
const std::vector<std::unique_ptr<Rule>>& rules();
/// The rules that inject `type` (empty when the engine has none).
std::vector<const Rule*> rules_for(std::string_view type);
/// Chrysalis codes the rule engine supports, in catalog order.
std::vector<std::string> supported_types();

/// "No site for SHFT in fir": the rule engine found nothing to inject (exit code 1).
class NoSiteError : public Error {
  public:
    explicit NoSiteError(const std::string& message) : Error(ExitCode::findings, message) {}
};

/// All candidate sites for `type` in the design.
std::vector<Site> sites_for(std::string_view type, const parse::DesignFacts& facts,
                            const SourceText& source);

/// Picks one site per requested type (random with `seed`, repeatable; sites of later types
/// never share lines with earlier ones) and returns the Chrysalis injection with "Line" and
/// "Explanation" filled. Throws NoSiteError naming the type and `design` when a type has none,
/// InputError for a type the engine does not know.
Injection inject_with_rules(const parse::DesignFacts& facts, const SourceText& source,
                            const std::vector<std::string>& types, std::uint64_t seed,
                            std::string_view design);

/// An LLM backend choice for inject_with_llm (mirrors llm::BackendConfig; the key comes from
/// the environment only).
struct LlmChoice {
    /// The one backend options type every command fills (kind, endpoint, cassette, record,
    /// timeout, the store-backed response cache).
    llm::BackendConfig backend;
    int repairs = 1; ///< follow-up rounds when a reply fails the automatic checks
};

/// Asks an LLM (prompt module + llm module) for an injection of `types` into `source` and
/// returns the first reply that passes auto_check, after up to `repairs` repair rounds.
/// Throws NoSiteError-like Error(findings) when no reply passes, InputError for a bad backend
/// choice, and InputError("... not available in this build") without the llm/prompt modules.
Injection inject_with_llm(const LlmChoice& choice, const DesignSpec& design,
                          const std::string& source, const std::vector<std::string>& types,
                          std::uint64_t seed);

/// An injection from one site per entry (Error Size = number of distinct types).
Injection injection_from_sites(const std::vector<Site>& sites);

// ---------------------------------------------------------------------------------------------
// Automatic checks and validation
// ---------------------------------------------------------------------------------------------

struct AutoCheck {
    bool ok = false;
    std::vector<std::string> problems; ///< one line each; empty when ok
    ApplyResult applied;
};

/// The checks that need no simulation: every Original Code is found, each Faulty Code differs,
/// the types are the requested ones (skipped when `requested` is empty), "Error Size" matches,
/// the result is not a no-op (token streams without comments differ), and it still parses.
AutoCheck auto_check(std::string_view source, const Injection& inj,
                     const std::vector<std::string>& requested, const ApplyOptions& opts = {});

enum class Verdict { valid, silent, invalid };
std::string_view to_string(Verdict v);

struct Validation {
    Verdict verdict = Verdict::invalid;
    std::string evidence; ///< valid: mismatch | fail | timeout | crash | sanitizer | pragma finding
    std::string reason;   ///< one line: why (for every verdict)
    std::vector<int> changed_lines;
    std::string buggy; ///< the buggy source ("" when it did not apply)
    std::string diff;
    /// The C-simulation verdict rested on an exit status the testbench never sets itself.
    bool weak_oracle = false;
    std::string witness;  ///< evidence "differential": a testbench that fails on the buggy code
    std::string function; ///< the DUT function(s) edited, comma-separated
    /// Per entry: why the classifier confirms its type ("TYPE: why").
    std::vector<std::string> type_evidence;
    /// {"verdict","evidence","reason","changed_lines","function","type_evidence"}
    nlohmann::ordered_json to_json() const;
};

struct ValidateOptions {
    std::vector<std::string> requested; ///< requested types; empty = accept the file's own
    bool sanitizers = true;             ///< ask C simulation for sanitizer runs when available
    /// No testbench, or the testbench says silent: compare golden and buggy code directly on
    /// generated inputs (difftest), evidence "differential" with a witness testbench. Off by
    /// default until its suite is verified on a quiet machine (`validate --diff` turns it on).
    bool differential = false;
    double differential_seconds = 2; ///< per injection
    /// Variants get variant_timeout(golden run time) instead of the design's whole timeout_s.
    bool golden_timeout = true;
};

/// A variant's C simulation time limit: max(20 x the golden's run time, 0.5 s), capped by the
/// design's timeout_s.
double variant_timeout(const DesignSpec& design, double golden_seconds);

/// Validates many injections of one design with one batch of C simulation runs. The design's
/// first source that contains the top function is the file injected. Results are in order.
std::vector<Validation> validate(const DesignSpec& design, const std::vector<Injection>& injections,
                                 const ValidateOptions& opts = {});

/// True for the pragma types (class from the catalog; built-in list when it cannot be loaded).
bool is_pragma_type(std::string_view type);

/// The file of `design` that defines the top function: a source, else a .c/.cpp file a source
/// `#include`s (a program whose main.c includes its kernel); sources[0] when unsure.
fs::path injected_source(const DesignSpec& design);

/// The .c/.cpp files `file` includes with `#include "..."` (existing ones, canonical paths).
std::vector<fs::path> included_code_files(const fs::path& file);

/// The design under test of `design`: the top (and hlsv.json "dut" functions) and what they
/// call, over the injected file's facts and the other sources and included code files.
parse::Dut dut_of(const DesignSpec& design, const fs::path& injected,
                  const parse::DesignFacts& injected_facts);

/// The DUT function holding lines [first, last] of `facts`, "" when any line lies outside the
/// DUT (then `outside` says which line).
std::string dut_function_of(const parse::Dut& dut, const parse::DesignFacts& facts, int first,
                            int last, std::string* outside = nullptr);

} // namespace hlsv::inject
