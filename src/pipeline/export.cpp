// Dataset exports: the Chrysalis layout, samples.jsonl, sft.jsonl (train/validation split by
// design), attempts.jsonl and manifest.json. Every file is written atomically, so a reader or a
// crash never sees a torn dataset file.
#include "internal.h"
#include "rag/rag.h"

#include <algorithm>
#include <set>

namespace hlsv::pipeline::detail {

namespace {

using nlohmann::json;

const char* k_sft_system =
    "You are an HLS verification assistant. Given a Vitis HLS C++ design, find the injected "
    "bugs. Answer in JSON: {\"bugs\": [{\"line\": N, \"type\": \"<bug code>\", \"code\": "
    "\"<faulty line>\", \"fix\": \"<corrected code>\"}]}. Bug codes: OOB, INIT, SHFT, INF, USE, "
    "MLU, ZERO, BUF, PREC (functional); APT, FND, DID, DFP, IDAP, RAMB, SMA, AMS, MLP, ILNU "
    "(non-ideal pragmas).";

/// The assistant's answer for a sample: where the bug is, what kind, and the fix.
json sft_answer(const json& s) {
    json bugs = json::array();
    const auto& spec = s["injection"]["Error Specification"];
    std::vector<int> lines = s.value("changed_lines", std::vector<int>{});
    for (std::size_t i = 0; i < spec.size(); ++i) {
        json b;
        b["line"] = i < lines.size() ? lines[i] : (lines.empty() ? 0 : lines.front());
        b["type"] = spec[i]["Error Type"];
        b["code"] = spec[i]["Faulty Code"];
        b["fix"] = spec[i]["Original Code"];
        bugs.push_back(std::move(b));
    }
    return json{{"bugs", bugs}};
}

/// Validation split: about 10% of designs, chosen by design hash so no design leaks across.
bool is_validation(const std::string& design_hash) {
    if (design_hash.size() < 2) {
        return false;
    }
    return std::stoul(design_hash.substr(0, 2), nullptr, 16) % 10 == 0;
}

std::string jsonl(const std::vector<json>& rows) {
    std::string out;
    for (const auto& r : rows) {
        out += r.dump();
        out += '\n';
    }
    return out;
}

} // namespace

void export_dataset(const fs::path& out, const std::vector<json>& samples,
                    const json& manifest_extra, const json& run_info) {
    std::vector<json> valid_rows, attempts, train, validation;
    std::map<std::string, int> per_type, per_suite;
    std::map<std::string, int> name_uses; // design dir + bug file name -> count
    std::set<std::string> designs_written;
    // Two attempts can return the same edit (a model at low temperature, a cached reply): one
    // design never gets two byte-identical bug files, nor the sample twice.
    std::set<std::string> bug_texts;
    std::size_t duplicates = 0;
    for (const auto& s : samples) {
        json a = s;
        a.erase("buggy_code");
        a.erase("golden_code");
        a.erase("diff");
        a.erase("timings"); // per-run noise: totals go to run.json
        attempts.push_back(std::move(a));
        if (s.value("verdict", "") != "valid") {
            continue;
        }
        std::string suite = s.value("suite", "suite");
        std::string design = s.value("design", "design");
        fs::path ddir = out / suite / design;
        std::string src_name = s.value("source_file", design + ".cpp");
        std::string design_key = suite + "/" + design;
        if (designs_written.insert(design_key).second && s.contains("golden_code")) {
            write_file_atomic(ddir / "Source_Code" / src_name, s["golden_code"].get<std::string>());
        }
        std::string bug_text = s["injection"].dump(4) + "\n";
        if (!bug_texts.insert(design_key + "\n" + bug_text).second) {
            ++duplicates;
            continue;
        }
        std::vector<std::string> types = s["bug_types"].get<std::vector<std::string>>();
        std::string bug_name = rag::bug_file_name(types);
        int n = ++name_uses[design_key + "/" + bug_name];
        if (n > 1) {
            // More attempts of one combination than the published layout has names for:
            // "bug_OOB.txt", then "bug_OOB.2.txt" (importers read the types before the first dot).
            bug_name = bug_name.substr(0, bug_name.size() - 4) + "." + std::to_string(n) + ".txt";
        }
        write_file_atomic(ddir / "Bugs" / bug_name, bug_text);

        json row;
        for (const char* k :
             {"id", "design", "suite", "bug_types", "golden_code", "buggy_code", "diff",
              "changed_lines", "verdict", "evidence", "backend", "strategy", "model", "source_file",
              "design_dir", "injection", "design_hash", "function", "type_evidence"}) {
            if (s.contains(k)) {
                row[k] = s[k];
            }
        }
        row["bug_file"] = suite + "/" + design + "/Bugs/" + bug_name;
        valid_rows.push_back(row);
        for (const auto& t : types) {
            ++per_type[t];
        }
        ++per_suite[suite];

        json sft;
        sft["messages"] = json::array({
            {{"role", "system"}, {"content", k_sft_system}},
            {{"role", "user"}, {"content", s.value("buggy_code", "")}},
            {{"role", "assistant"}, {"content", sft_answer(s).dump()}},
        });
        sft["id"] = s["id"];
        sft["design"] = design;
        (is_validation(s.value("design_hash", "")) ? validation : train).push_back(std::move(sft));
    }
    write_file_atomic(out / "samples.jsonl", jsonl(valid_rows));
    write_file_atomic(out / "attempts.jsonl", jsonl(attempts));
    write_file_atomic(out / "sft.jsonl", jsonl(train));
    write_file_atomic(out / "sft_validation.jsonl", jsonl(validation));

    json manifest = manifest_extra;
    manifest["format"] = "hlsv-dataset/1";
    manifest["samples"] = valid_rows.size();
    manifest["duplicates_dropped"] = duplicates;
    manifest["attempts"] = attempts.size();
    manifest["by_type"] = per_type;
    manifest["by_suite"] = per_suite;
    manifest["sft"] = {{"train", train.size()}, {"validation", validation.size()}};
    manifest["files"] = {"samples.jsonl", "attempts.jsonl", "sft.jsonl", "sft_validation.jsonl"};
    write_file_atomic(out / "manifest.json", manifest.dump(2) + "\n");
    write_file_atomic(out / "run.json", run_info.dump(2) + "\n");
}

} // namespace hlsv::pipeline::detail
