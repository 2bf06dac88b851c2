// hlsv prompt: turns a design, a requested bug type and retrieved examples into the chat
// messages sent to an LLM (templates in prompts/*.txt with {{name}} placeholders and a
// `### system` / `### user` split), picks the prompting strategy per bug type from recorded
// validity statistics, pulls the injection JSON out of a model's reply, and builds the
// follow-up message of a repair round. It knows nothing about the RAG store: callers pass the
// examples and statistics in as plain values.
#pragma once

#include "core/core.h"
#include "llm/llm.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hlsv::prompt {

using llm::Message;

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

enum class Strategy {
    icl_rag_cot, ///< specification + rules + chain-of-thought steps + retrieved examples
    rag_icl,     ///< retrieved examples first, specification and rules, no steps
};

/// "icl-rag-cot" / "rag-icl" (the names stored with attempts in the RAG store).
std::string_view to_string(Strategy s);
/// Every strategy, in tie-break order (ICL+RAG+CoT first).
const std::vector<Strategy>& all_strategies();
/// Parses a strategy name; "auto" gives nullopt. Throws InputError for anything else.
std::optional<Strategy> parse_strategy(std::string_view name);

struct StrategyStats {
    int attempts = 0;
    int valid = 0;
};

/// The strategy for a bug type: one never tried comes first; otherwise the best validity rate
/// (valid / attempts); ties go to the earlier one in all_strategies(), i.e. ICL+RAG+CoT.
Strategy pick_strategy(const std::map<Strategy, StrategyStats>& stats);

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

/// A template with a system part and a user part. Placeholders are `{{name}}` (lower-case
/// letters, digits, '_'); values are inserted in one pass, so code containing `{{` is safe.
struct Template {
    std::string name; ///< file stem, for error messages
    std::string system;
    std::string user;
    /// Placeholder names used, in order of first appearance, each once.
    std::vector<std::string> placeholders() const;
};

/// Parses template text: optional leading `#` comment lines, then `### system` and `### user`
/// sections (both required). Throws InputError naming `name` and the problem.
Template parse_template(std::string_view text, const std::string& name);
/// Loads and parses a template file.
Template load_template(const fs::path& file);

/// Replaces every placeholder of `text`. Throws InputError naming the template and the
/// placeholder when `vars` has no value for it.
std::string render(std::string_view text, const std::map<std::string, std::string>& vars,
                   const std::string& template_name);

// ---------------------------------------------------------------------------------------------
// Building messages
// ---------------------------------------------------------------------------------------------

/// A retrieved example: a design and one of its bug files (Chrysalis JSON).
struct Example {
    std::string design_name;
    std::string source;
    std::string injection_json;
    std::vector<std::string> bug_types;
    double relevance = 0;
};

struct InjectInput {
    std::vector<std::string> bug_types; ///< validated codes, e.g. {"OOB"} or {"OOB", "INIT"}
    std::string design_name;
    std::string function; ///< the top function
    std::string source;   ///< the design text
    std::vector<Example> examples;
    Strategy strategy = Strategy::icl_rag_cot;
    std::size_t max_example_chars = 6000; ///< per example source; longer ones are excerpted
};

struct LocalizeInput {
    std::string design_name;
    std::string function;
    std::string source;
    std::string symptom;                ///< what C simulation / the checker reported
    std::vector<std::string> bug_types; ///< types to consider; empty = every catalog type
    std::vector<Example> examples;      ///< similar known bugs
    int max_candidates = 5;
    std::size_t max_example_chars = 4000;
};

/// Builds prompts from the templates in a prompts directory and the bug catalog. Loads the
/// templates once; thread-safe to use after construction.
class Builder {
  public:
    /// Throws InputError when a template is missing or malformed.
    explicit Builder(const BugCatalog& catalog = BugCatalog::get(),
                     const fs::path& prompts_dir = data_dir() / "prompts");

    std::vector<Message> inject(const InjectInput& in) const;
    std::vector<Message> localize(const LocalizeInput& in) const;
    const Template& template_for(Strategy s) const;

  private:
    const BugCatalog* catalog_;
    Template icl_rag_cot_;
    Template rag_icl_;
    Template localize_;
};

/// The reply requirements for injecting `bug_types`: the exact Chrysalis JSON schema plus
/// the rules a reply must follow.
std::string inject_reply_schema(const std::vector<std::string>& bug_types);
/// The reply requirements of the localization prompt.
std::string localize_reply_schema(int max_candidates);

/// `source` if it fits in `max_chars`; otherwise windows of lines around each snippet of
/// `anchors` found in it, with elision marks (so an example keeps the code its bug touches).
std::string excerpt(const std::string& source, const std::vector<std::string>& anchors,
                    std::size_t max_chars);

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

/// The first balanced `{...}` in `reply` that parses as a JSON object having `required_key`;
/// tolerates Markdown fences and surrounding prose. nullopt when there is none.
std::optional<std::string> extract_json_object(std::string_view reply,
                                               std::string_view required_key);

struct Extracted {
    std::optional<Injection> injection;
    std::string json;   ///< the JSON text found (empty when none)
    std::string reason; ///< why there is no injection (empty when there is)
    bool ok() const { return injection.has_value(); }
};

/// Finds the injection JSON in a reply and validates it against the Chrysalis schema (core
/// parse_injection). Checks against the design (Original Code present, types requested, ...)
/// are the inject module's auto_check.
Extracted extract_injection(std::string_view reply);

/// The conversation for a repair round: `previous`, the model's `reply` as an assistant turn,
/// and a user turn saying what was wrong (`reason`) and asking for a corrected JSON object.
std::vector<Message> repair_messages(const std::vector<Message>& previous, const std::string& reply,
                                     const std::string& reason);

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

/// `[{"role": ..., "content": ...}, ...]`, 2-space indented.
std::string to_json(const std::vector<Message>& messages);
/// Readable: each message under a `=== role ===` banner.
std::string to_text(const std::vector<Message>& messages);

} // namespace hlsv::prompt
