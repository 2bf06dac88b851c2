// inject_with_llm(): the prompt module builds the request, the llm module answers it, and the
// automatic checks decide whether the reply is usable (with repair rounds when it is not).
#include "inject.h"

#include <fmt/format.h>

#ifdef HLSV_HAVE_LLM
#include "llm/llm.h"
#include "prompt/prompt.h"
#endif

namespace hlsv::inject {

Injection inject_with_llm(const LlmChoice& choice, const DesignSpec& design,
                          const std::string& source, const std::vector<std::string>& types,
                          std::uint64_t seed) {
#ifdef HLSV_HAVE_LLM
    auto backend = llm::make_backend(choice.backend);
    prompt::Builder builder;
    prompt::InjectInput in;
    in.bug_types = types;
    in.design_name = design.name;
    in.function = design.top;
    in.source = source;
    llm::ChatRequest req;
    req.messages = builder.inject(in);
    req.seed = static_cast<int>(seed & 0x7fffffff);
    std::string last_reason;
    for (int round = 0; round <= choice.repairs; ++round) {
        llm::Result r = backend->complete(req);
        if (r.outcome == llm::Outcome::bad_encoding) {
            // Bytes that are not text are a reply defect: ask again like for any other.
            last_reason = "reply-encoding: " + r.message;
            req.messages = prompt::repair_messages(
                req.messages, "(a reply whose bytes are not valid UTF-8)", last_reason);
            continue;
        }
        if (!r.ok()) {
            throw Error(ExitCode::findings, fmt::format("{}: {}", backend->describe(), r.message));
        }
        prompt::Extracted ex = prompt::extract_injection(r.response.content);
        if (ex.ok()) {
            ApplyOptions ao;
            ao.unique = true; // several places and no "Line": ask which one
            AutoCheck ac = auto_check(source, *ex.injection, types, ao);
            if (ac.ok) {
                return *ex.injection;
            }
            last_reason = ac.problems.front();
        } else {
            last_reason = ex.reason;
        }
        req.messages = prompt::repair_messages(req.messages, r.response.content, last_reason);
    }
    throw Error(ExitCode::findings,
                fmt::format("the model's injection for {} in {} is unusable: {}",
                            fmt::join(types, ","), design.name, last_reason));
#else
    (void)design, (void)source, (void)types, (void)seed;
    throw InputError(fmt::format(
        "--backend {} is not available in this build (no llm/prompt module)", choice.backend.kind));
#endif
}

} // namespace hlsv::inject
