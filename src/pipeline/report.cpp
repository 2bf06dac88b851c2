// hlsv report: one self-contained HTML file (no network, inline SVG charts drawn here) from a
// dataset directory: validity per bug type and strategy, verdict reasons, composition per
// suite, time per stage, evaluation results when present, and a browsable sample table.
#include "internal.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace hlsv::pipeline {

namespace {

using nlohmann::json;

/// The rows of a JSONL file of the dataset, or none when the file is absent.
std::vector<json> rows_if_present(const fs::path& file) {
    std::error_code ec;
    return fs::exists(file, ec) ? read_jsonl(file) : std::vector<json>{};
}

struct Segment {
    std::string label;
    double value;
    const char* color;
};

/// A horizontal stacked bar chart: one row per label, segments left to right.
std::string stacked_bars(const std::vector<std::pair<std::string, std::vector<Segment>>>& rows,
                         const std::string& unit = "") {
    if (rows.empty()) {
        return "<p class=\"empty\">No data.</p>";
    }
    double max_total = 0;
    for (const auto& [label, segs] : rows) {
        double t = 0;
        for (const auto& s : segs) {
            t += s.value;
        }
        max_total = std::max(max_total, t);
    }
    if (max_total <= 0) {
        max_total = 1;
    }
    const int label_w = 150, bar_w = 520, row_h = 22;
    int height = static_cast<int>(rows.size()) * row_h + 30;
    std::ostringstream o;
    o << "<svg class=\"chart\" role=\"img\" width=\"" << label_w + bar_w + 90 << "\" height=\""
      << height << "\" viewBox=\"0 0 " << label_w + bar_w + 90 << " " << height << "\">";
    int y = 4;
    for (const auto& [label, segs] : rows) {
        o << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 15
          << "\" text-anchor=\"end\" class=\"lbl\">" << xml_escape(label) << "</text>";
        double x = label_w, total = 0;
        for (const auto& s : segs) {
            double w = s.value / max_total * bar_w;
            if (w > 0) {
                o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << w << "\" height=\""
                  << row_h - 6 << "\" fill=\"" << s.color << "\"><title>" << xml_escape(label)
                  << " " << xml_escape(s.label) << ": " << s.value << unit << "</title></rect>";
            }
            x += w;
            total += s.value;
        }
        std::ostringstream num;
        if (unit.empty()) {
            num << total;
        } else {
            num << std::fixed << std::setprecision(total < 10 ? 2 : 0) << total << unit;
        }
        o << "<text x=\"" << x + 6 << "\" y=\"" << y + 15 << "\" class=\"num\">" << num.str()
          << "</text>";
        y += row_h;
    }
    // Legend from the first row's segment labels.
    double lx = label_w;
    for (const auto& s : rows.front().second) {
        o << "<rect x=\"" << lx << "\" y=\"" << y + 6 << "\" width=\"10\" height=\"10\" fill=\""
          << s.color << "\"/><text x=\"" << lx + 14 << "\" y=\"" << y + 15 << "\" class=\"lbl\">"
          << xml_escape(s.label) << "</text>";
        lx += 110;
    }
    o << "</svg>";
    return o.str();
}

constexpr const char* k_valid = "#2e7d32";
constexpr const char* k_silent = "#f9a825";
constexpr const char* k_invalid = "#c62828";
constexpr const char* k_plain = "#1565c0";

std::string verdict_chart(const std::vector<json>& attempts, const std::string& key) {
    std::map<std::string, std::array<double, 3>> counts;
    for (const auto& a : attempts) {
        std::vector<std::string> keys;
        if (key == "bug_types") {
            for (const auto& t : a["bug_types"]) {
                keys.push_back(t.get<std::string>());
            }
        } else {
            keys.push_back(a.value("backend", "") + " / " + a.value("strategy", ""));
        }
        std::string v = a.value("verdict", "");
        int idx = v == "valid" ? 0 : v == "silent" ? 1 : 2;
        for (const auto& k : keys) {
            counts[k][static_cast<std::size_t>(idx)] += 1;
        }
    }
    std::vector<std::pair<std::string, std::vector<Segment>>> rows;
    for (const auto& [k, c] : counts) {
        rows.push_back(
            {k,
             {{"valid", c[0], k_valid}, {"silent", c[1], k_silent}, {"invalid", c[2], k_invalid}}});
    }
    return stacked_bars(rows);
}

std::string count_chart(const std::map<std::string, double>& counts, const std::string& what,
                        const std::string& unit = "") {
    std::vector<std::pair<std::string, std::vector<Segment>>> rows;
    for (const auto& [k, v] : counts) {
        rows.push_back({k, {{what, v, k_plain}}});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second[0].value > b.second[0].value; });
    return stacked_bars(rows, unit);
}

std::string eval_section(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir / "eval.json", ec)) {
        return "";
    }
    json e = json::parse(read_file(dir / "eval.json"), nullptr, false);
    if (e.is_discarded()) {
        return "<p>eval.json is not valid JSON.</p>";
    }
    std::ostringstream o;
    o << "<h2>Evaluation</h2><table><tr><th>backend</th><th>type</th><th>samples</th>"
         "<th>detected</th><th>top-1</th><th>top-3</th><th>top-5</th><th>type acc.</th>"
         "<th>validated fix</th></tr>";
    auto pct = [](const json& v) {
        if (!v.is_number()) {
            return std::string("–");
        }
        char b[32];
        std::snprintf(b, sizeof b, "%.1f%%", v.get<double>() * 100);
        return std::string(b);
    };
    auto results = e.is_array() ? e : json::array({e});
    auto label = [](const json& r) {
        std::string model = r.value("model", "");
        return r.value("backend", "") + (model.empty() ? "" : " " + model);
    };
    auto row = [&](const json& r, const std::string& group, const json& m) {
        o << "<tr><td>" << xml_escape(label(r)) << "</td><td>" << xml_escape(group) << "</td><td>"
          << m.value("samples", 0) << "</td><td>" << pct(m["detection"]) << "</td><td>"
          << pct(m["top1"]) << "</td><td>" << pct(m["top3"]) << "</td><td>" << pct(m["top5"])
          << "</td><td>" << pct(m["type_accuracy"]) << "</td><td>" << pct(m["fix_rate"])
          << "</td></tr>";
    };
    for (const auto& r : results) {
        const json by_type = r.value("by_type", json::object()); // items() of a temporary dangles
        for (const auto& [type, m] : by_type.items()) {
            row(r, type, m);
        }
        for (const char* group : {"functional", "pragma", "total"}) {
            if (r.contains(group) && r[group].value("samples", 0) > 0) {
                row(r, group, r[group]);
            }
        }
    }
    o << "</table>";
    // Each LLM result next to the rule backend's on the same samples: the gain table.
    const json* rules = nullptr;
    for (const auto& r : results) {
        if (r.value("backend", "") == "rules") {
            rules = &r;
        }
    }
    for (const auto& r : results) {
        if (!rules || &r == rules || r.value("backend", "") == "rules" ||
            r.value("samples_key", "") != rules->value("samples_key", "-")) {
            continue;
        }
        o << "<h3>" << xml_escape(label(r)) << " against rules, same " << r.value("samples", 0)
          << " samples</h3><table><tr><th>group</th><th>metric</th><th>rules</th><th>"
          << xml_escape(label(r)) << "</th><th>gain (points)</th></tr>";
        for (const char* group : {"functional", "pragma", "total"}) {
            if (!r.contains(group) || !rules->contains(group)) {
                continue;
            }
            for (const char* metric : {"top1", "top3", "type_accuracy", "fix_rate"}) {
                const json& a = (*rules)[group][metric];
                const json& b = r[group][metric];
                std::string gain = "–";
                if (a.is_number() && b.is_number()) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%+.1f",
                                  (b.get<double>() - a.get<double>()) * 100);
                    gain = buf;
                }
                o << "<tr><td>" << group << "</td><td>" << metric << "</td><td>" << pct(a)
                  << "</td><td>" << pct(b) << "</td><td>" << gain << "</td></tr>";
            }
        }
        o << "</table>";
    }
    return o.str();
}

const char* k_style = R"(
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{margin-bottom:0}.sub{color:#666;margin-top:.2em}
svg.chart text{font-size:12px;font-family:system-ui,sans-serif}
svg.chart .num{fill:#444}
table{border-collapse:collapse;font-size:13px;margin:1em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
pre.diff{font-size:12px;background:#fafafa;padding:6px;overflow-x:auto;max-width:900px}
.add{color:#1b5e20}.del{color:#b71c1c}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em}
.card b{font-size:1.6em;display:block}
)";

const char* k_script = R"(
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  var rows = document.querySelectorAll('#samples tbody tr');
  var shown = 0;
  rows.forEach(function (r) {
    var ok = r.getAttribute('data-key').toLowerCase().indexOf(q) >= 0;
    r.style.display = ok ? '' : 'none';
    if (ok) shown++;
  });
  document.getElementById('shown').textContent = shown;
});
// Last statement on purpose: a script error above leaves it unset, which the browser test sees.
document.body.setAttribute('data-ready', '1');
)";

std::string diff_html(const std::string& diff) {
    std::ostringstream o;
    std::istringstream in(diff);
    std::string line;
    while (std::getline(in, line)) {
        const char* cls = "";
        if (!line.empty() && line[0] == '+' && line.rfind("+++", 0) != 0) {
            cls = "add";
        } else if (!line.empty() && line[0] == '-' && line.rfind("---", 0) != 0) {
            cls = "del";
        }
        o << "<span class=\"" << cls << "\">" << xml_escape(line) << "</span>\n";
    }
    return o.str();
}

} // namespace

std::string render_report(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw InputError(dir, "not a dataset directory");
    }
    if (!fs::exists(dir / "manifest.json", ec) && !fs::exists(dir / "samples.jsonl", ec)) {
        throw InputError(dir, "no manifest.json or samples.jsonl (run 'hlsv generate' first)");
    }
    json manifest = json::object();
    if (fs::exists(dir / "manifest.json", ec)) {
        manifest = json::parse(read_file(dir / "manifest.json"), nullptr, false);
        if (manifest.is_discarded()) {
            throw InputError(dir / "manifest.json", "not valid JSON");
        }
    }
    auto samples = rows_if_present(dir / "samples.jsonl");
    auto attempts = rows_if_present(dir / "attempts.jsonl");
    if (attempts.empty()) {
        attempts = samples;
    }
    std::map<std::string, double> reasons, suites, stages;
    long valid = 0, silent = 0, weak = 0;
    for (const auto& a : attempts) {
        std::string v = a.value("verdict", "");
        weak += a.value("weak_oracle", false);
        valid += v == "valid";
        silent += v == "silent";
        if (v != "valid" && v != "silent") {
            std::string r = a.value("reason", "unknown");
            reasons[r.substr(0, std::min<std::size_t>(r.find(':'), 48))] += 1;
        }
    }
    for (const auto& s : samples) {
        suites[s.value("suite", "")] += 1;
    }
    // Held in a local: items() of a temporary would dangle inside the loop.
    json run_info = json::object();
    if (fs::exists(dir / "run.json", ec)) {
        run_info = json::parse(read_file(dir / "run.json"), nullptr, false);
    }
    const json stage_seconds = run_info.is_object() && run_info.contains("stage_seconds")
                                   ? run_info["stage_seconds"]
                                   : manifest.value("stage_seconds", json::object());
    for (const auto& [k, v] : stage_seconds.items()) {
        stages[k] = v.is_number() ? v.get<double>() : 0.0;
    }

    std::ostringstream o;
    o << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>hlsv dataset "
         "report</title><style>"
      << k_style << "</style></head><body>";
    o << "<h1>hlsv dataset report</h1><p class=\"sub\">" << xml_escape(dir.string()) << "</p>";
    o << "<div class=\"cards\"><div class=\"card\"><b>" << samples.size()
      << "</b>valid samples</div><div class=\"card\"><b>" << attempts.size()
      << "</b>attempts</div><div class=\"card\"><b>" << silent
      << "</b>silent (undetected)</div><div class=\"card\"><b>"
      << (attempts.empty() ? 0 : 100 * valid / static_cast<long>(attempts.size()))
      << "%</b>validity</div><div class=\"card\"><b>" << weak
      << "</b>weak oracle (exit status only)</div></div>";
    o << "<h2>Validity per bug type</h2>" << verdict_chart(attempts, "bug_types");
    o << "<h2>Validity per backend and strategy</h2>" << verdict_chart(attempts, "strategy");
    o << "<h2>Why attempts were not valid</h2>" << count_chart(reasons, "attempts");
    o << "<h2>Dataset composition per suite</h2>" << count_chart(suites, "samples");
    o << "<h2>Time per stage</h2>" << count_chart(stages, "seconds", " s");
    o << eval_section(dir);
    o << "<h2>Samples</h2><p>Filter: <input id=\"filter\" placeholder=\"design, type, evidence\">"
         " showing <span id=\"shown\">"
      << samples.size()
      << "</span></p><table id=\"samples\"><thead><tr><th>design</th><th>types</th>"
         "<th>evidence</th><th>lines</th><th>diff</th></tr></thead><tbody>";
    for (const auto& s : samples) {
        std::string types;
        for (const auto& t : s.value("bug_types", json::array())) {
            types += types.empty() ? "" : ",";
            types += t.get<std::string>();
        }
        std::string lines;
        for (const auto& l : s.value("changed_lines", json::array())) {
            lines += lines.empty() ? "" : ",";
            lines += std::to_string(l.get<int>());
        }
        std::string key = s.value("suite", "") + "/" + s.value("design", "") + " " + types + " " +
                          s.value("evidence", "");
        o << "<tr data-key=\"" << xml_escape(key) << "\"><td>" << xml_escape(s.value("suite", ""))
          << "/" << xml_escape(s.value("design", "")) << "</td><td>" << xml_escape(types)
          << "</td><td>" << xml_escape(s.value("evidence", "")) << "</td><td>" << xml_escape(lines)
          << "</td><td><details><summary>diff</summary><pre class=\"diff\">"
          << diff_html(s.value("diff", "")) << "</pre></details></td></tr>";
    }
    o << "</tbody></table><script>" << k_script << "</script></body></html>\n";
    return o.str();
}

} // namespace hlsv::pipeline
