// Verdict names and the JSON shape of a result (a public interface: `hlsv csim --format json`).
#include "csim.h"

namespace hlsv::csim {

std::string_view verdict_name(Verdict v) {
    switch (v) {
    case Verdict::pass:
        return "pass";
    case Verdict::fail:
        return "fail";
    case Verdict::mismatch:
        return "mismatch";
    case Verdict::timeout:
        return "timeout";
    case Verdict::crash:
        return "crash";
    case Verdict::sanitizer:
        return "sanitizer";
    case Verdict::compile_error:
        return "compile_error";
    case Verdict::equivalent:
        return "equivalent";
    }
    return "unknown";
}

nlohmann::ordered_json to_json(const Result& r) {
    nlohmann::ordered_json j;
    j["verdict"] = verdict_name(r.verdict);
    j["detail"] = r.detail;
    j["exit_code"] = r.exit_code;
    j["signal"] = r.signal;
    j["seconds"] = r.seconds;
    j["duplicate_of"] = r.duplicate_of ? nlohmann::ordered_json(*r.duplicate_of) : nullptr;
    j["batched"] = r.batched;
    j["cached"] = r.cached;
    j["observed"] = to_json(r.observed);
    j["weak_oracle"] = r.observed.weak();
    j["isolation"] = to_json(r.isolation);
    return j;
}

nlohmann::ordered_json to_json(const Oracle& o) {
    nlohmann::ordered_json j;
    j["exit"] = o.exit;
    j["stdout"] = o.stdout_text;
    j["stderr"] = o.stderr_text;
    j["files"] = o.files;
    j["reference"] = o.reference;
    j["self_check"] = o.self_check;
    return j;
}

nlohmann::ordered_json to_json(const IsolationReport& iso) {
    nlohmann::ordered_json j;
    j["pid_namespace"] = iso.pid_namespace;
    j["network"] = iso.network;
    j["readonly_fs"] = iso.readonly_fs;
    j["private_tmp"] = iso.private_tmp;
    j["user_namespace"] = iso.user_namespace;
    j["dropped_privileges"] = iso.dropped_privileges;
    j["parent_death_signal"] = iso.parent_death_signal;
    j["note"] = iso.note;
    return j;
}

} // namespace hlsv::csim
