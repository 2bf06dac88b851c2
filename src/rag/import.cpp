// Chrysalis layout in and out: <suite>/<design>/Source_Code/*.cpp and
// <suite>/<design>/Bugs/bug_<T>[_<T2>].txt. Import walks a fixed depth (so symlink loops cannot
// trap it), checks every bug file, and commits one design per transaction so an interrupted
// import is resumed by running it again.
#include "store_impl.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace hlsv::rag {

using detail::PreparedExample;

namespace {

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec); // false for dangling links and ELOOP
}

/// Subdirectories of `dir`, sorted, errors (permissions, loops) treated as absent.
std::vector<fs::path> subdirs(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (is_dir(it->path())) {
            out.push_back(it->path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        if (fs::is_regular_file(it->path(), ec2)) {
            out.push_back(it->path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_design_dir(const fs::path& p) {
    return is_dir(p / "Source_Code");
}

struct DesignDir {
    std::string suite;
    fs::path dir;
};

/// DIR may be one design, a suite (folder of designs) or a folder of suites.
std::vector<DesignDir> find_designs(const fs::path& root, const std::string& suite) {
    if (!is_dir(root)) {
        throw InputError(root, "no such directory");
    }
    fs::path abs = fs::absolute(root).lexically_normal();
    if (abs.filename().empty()) {
        abs = abs.parent_path();
    }
    std::vector<DesignDir> out;
    if (is_design_dir(abs)) {
        out.push_back({suite.empty() ? abs.parent_path().filename().string() : suite, abs});
        return out;
    }
    auto children = subdirs(abs);
    bool is_suite = std::any_of(children.begin(), children.end(), is_design_dir);
    if (is_suite) {
        std::string name = suite.empty() ? abs.filename().string() : suite;
        for (const auto& c : children) {
            if (is_design_dir(c)) {
                out.push_back({name, c});
            }
        }
        return out;
    }
    for (const auto& s : children) {
        if (!suite.empty() && s.filename() != suite) {
            continue;
        }
        for (const auto& c : subdirs(s)) {
            if (is_design_dir(c)) {
                out.push_back({s.filename().string(), c});
            }
        }
    }
    if (out.empty()) {
        throw InputError(root, suite.empty() ? "no Chrysalis designs found (expected "
                                               "<suite>/<design>/Source_Code/)"
                                             : "no designs of suite '" + suite + "' found");
    }
    return out;
}

bool is_source_file(const fs::path& p) {
    static const std::set<std::string> exts = {".cpp", ".cc", ".cxx", ".c", ".h", ".hpp", ".hh"};
    return exts.count(p.extension().string()) != 0;
}

/// The design's text: its one source file, or all of them (the one named after the design
/// first) joined with file markers.
std::optional<std::string> read_source(const fs::path& design_dir) {
    std::vector<fs::path> files;
    for (const auto& f : files_in(design_dir / "Source_Code")) {
        if (is_source_file(f)) {
            files.push_back(f);
        }
    }
    if (files.empty()) {
        return std::nullopt;
    }
    std::string stem = design_dir.filename().string();
    std::stable_partition(files.begin(), files.end(),
                          [&](const fs::path& f) { return f.stem() == stem; });
    if (files.size() == 1) {
        return read_file(files[0]);
    }
    std::string out;
    for (const auto& f : files) {
        out += "// ---- file: " + f.filename().string() + "\n" + read_file(f);
        if (!out.empty() && out.back() != '\n') {
            out += '\n';
        }
    }
    return out;
}

bool looks_utf16(std::string_view s) {
    if (s.size() >= 2 &&
        ((s[0] == '\xff' && s[1] == '\xfe') || (s[0] == '\xfe' && s[1] == '\xff'))) {
        return true;
    }
    // ASCII text in UTF-16 has a NUL in every other byte.
    std::size_t n = std::min<std::size_t>(s.size(), 64), nul = 0;
    for (std::size_t i = 0; i < n; ++i) {
        nul += s[i] == '\0';
    }
    return n >= 4 && nul * 3 >= n;
}

/// Reads and checks one bug file against the design. Returns the issue, or fills `out` (with
/// the entries that apply). Entry counts and dropped entries go to `report`.
std::optional<ImportIssue> prepare(const fs::path& file, const std::string& source, bool strict,
                                   PreparedExample& out, ImportReport& report) {
    std::string text;
    try {
        text = read_file(file);
    } catch (const Error& e) {
        return ImportIssue{file, "unreadable", e.what()};
    }
    if (looks_utf16(text)) {
        return ImportIssue{file, "utf16", "UTF-16 text; bug files must be UTF-8"};
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3); // a UTF-8 byte-order mark
    }
    if (!is_valid_utf8(text)) {
        return ImportIssue{file, "not-utf8", "not valid UTF-8"};
    }
    try {
        out.injection = parse_injection(text);
    } catch (const Error& e) {
        std::string msg = e.what();
        std::string reason = msg.rfind("not valid JSON", 0) == 0      ? "malformed-json"
                             : msg.find("empty") != std::string::npos ? "empty-specification"
                                                                      : "bad-structure";
        return ImportIssue{file, reason, msg};
    }
    auto check = detail::check_entries(source, out.injection, strict);
    report.entries += check.entries;
    for (auto& d : check.dropped) {
        d.file = file;
        report.dropped.push_back(d);
    }
    if (check.issue) {
        if (strict && check.entries > check.dropped.size()) {
            report.dropped.push_back(
                ImportIssue{file, "strict",
                            std::to_string(check.entries - check.dropped.size()) +
                                " entries that apply, rejected with their file (--strict)"});
        }
        check.issue->file = file;
        return check.issue;
    }
    report.entries_applied += check.kept.specs.size();
    out.file_name = file.filename().string();
    if (!check.dropped.empty()) {
        nlohmann::json why = nlohmann::json::array();
        for (const auto& d : check.dropped) {
            why.push_back({{"reason", d.reason}, {"detail", d.detail}});
        }
        out.partial = why.dump();
        out.injection = std::move(check.kept);
        out.file_name.clear(); // named after the types it keeps
    } else {
        out.injection = std::move(check.kept);
    }
    out.json = injection_to_json(out.injection);
    out.types = out.injection.types();
    if (out.file_name.empty()) {
        out.file_name = bug_file_name(out.types);
    }
    return std::nullopt;
}

/// A pruned bug file: Chrysalis marks discarded samples like "bug_ZERO(delete_ZERO).txt".
bool is_pruned(const std::string& name) {
    return name.find("(delete") != std::string::npos || name.find("(pruned") != std::string::npos;
}

/// A file-system-safe single path component.
std::string safe_component(std::string s) {
    for (auto& c : s) {
        if (c == '/' || c == '\\' || c == '\0') {
            c = '_';
        }
    }
    if (s.empty() || s == "." || s == "..") {
        s = "unnamed" + s;
    }
    return s;
}

} // namespace

ImportReport Store::import_chrysalis(const fs::path& dir, const std::string& suite, Origin origin,
                                     const Progress& progress, bool strict) {
    return impl_->import_tree(dir, suite, origin, progress, strict);
}

ImportReport Store::Impl::import_tree(const fs::path& dir, const std::string& suite, Origin origin,
                                      const Progress& progress, bool strict) {
    if (db.read_only()) {
        throw InputError(db.path(), "store is read-only");
    }
    ImportReport report;
    auto designs = find_designs(dir, suite);
    std::set<fs::path> seen; // the same folder reached through two links is read once
    std::size_t done = 0;
    for (const auto& d : designs) {
        ++done;
        std::error_code ec;
        fs::path canon = fs::weakly_canonical(d.dir, ec);
        if (!seen.insert(ec ? d.dir : canon).second) {
            if (progress) {
                progress(done, designs.size());
            }
            continue;
        }
        ++report.designs;
        std::optional<std::string> source;
        try {
            source = read_source(d.dir);
        } catch (const Error& e) {
            report.rejected.push_back({d.dir / "Source_Code", "unreadable", e.what()});
        }
        if (!source) {
            if (report.rejected.empty() || report.rejected.back().file != d.dir / "Source_Code") {
                report.rejected.push_back(
                    {d.dir / "Source_Code", "no-source", "no C/C++ source file"});
            }
            if (progress) {
                progress(done, designs.size());
            }
            continue;
        }
        std::vector<PreparedExample> examples;
        for (const auto& f : files_in(d.dir / "Bugs")) {
            std::string name = f.filename().string();
            if (f.extension() != ".txt") {
                continue;
            }
            if (is_pruned(name)) {
                ++report.pruned;
                continue;
            }
            PreparedExample p;
            if (auto issue = prepare(f, *source, strict, p, report)) {
                report.rejected.push_back(std::move(*issue));
                continue;
            }
            examples.push_back(std::move(p));
        }
        auto r = store_batch(d.suite, d.dir.filename().string(), *source, examples, origin);
        report.designs_added += r.design_added ? 1 : 0;
        report.examples_added += r.added;
        for (const auto& p : examples) {
            report.partial += p.partial.empty() ? 0 : 1;
        }
        report.examples_existing += r.existing;
        if (progress) {
            progress(done, designs.size());
        }
    }
    return report;
}

std::size_t Store::export_chrysalis(const fs::path& dir) {
    auto& db = impl_->db;
    std::size_t written = 0;
    std::map<std::pair<std::string, std::string>, std::string> taken; // (suite, name) -> hash
    auto designs = db.prepare("SELECT d.id, d.hash, d.suite, d.name, d.source FROM designs d "
                              "WHERE EXISTS (SELECT 1 FROM examples x WHERE x.design_id = d.id) "
                              "ORDER BY d.id");
    while (designs.step()) {
        std::string hash = designs.text(1);
        std::string suite = safe_component(designs.text(2));
        std::string name = safe_component(designs.text(3));
        // Two different designs with one suite/name: the later one gets its hash appended.
        if (auto [it, fresh] = taken.emplace(std::make_pair(suite, name), hash); !fresh) {
            name += '-';
            name += hash.substr(0, 8); // appended piecewise: GCC 12 warns falsely on "-" + str&&
        }
        fs::path ddir = dir / suite / name;
        write_file_atomic(ddir / "Source_Code" / (name + ".cpp"), designs.text(4));
        std::set<std::string> used;
        auto ex = db.prepare("SELECT file_name, bug_types, injection FROM examples WHERE "
                             "design_id = ? ORDER BY id");
        ex.bind(1, designs.int64(0));
        while (ex.step()) {
            std::string file = safe_component(ex.text(0));
            if (file.empty() || file.rfind("unnamed", 0) == 0) {
                file = bug_file_name(split(ex.text(1), ','));
            }
            std::string stem = fs::path(file).stem().string();
            for (int n = 2; !used.insert(file).second; ++n) {
                file = stem;
                file += '-';
                file += std::to_string(n);
                file += ".txt";
            }
            write_file_atomic(ddir / "Bugs" / file, ex.text(2));
            ++written;
        }
    }
    return written;
}

void Store::Impl::seed_if_needed() {
    if (!options.seed || db.read_only()) {
        return;
    }
    {
        auto st = db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'");
        if (st.step()) {
            return;
        }
    }
    fs::path dir = options.seed_dir.empty() ? data_dir() / "ragdb" / "seed" : options.seed_dir;
    if (!is_dir(dir)) {
        log_warning("no seed examples at " + dir.string() + "; the store starts empty");
        return;
    }
    // Seeding goes through the import path: same checks, same idempotence.
    ImportReport r = import_tree(dir, "", Origin::seed, {}, true);
    for (const auto& issue : r.rejected) {
        log_warning("seed " + issue.file.string() + ": " + issue.reason + ": " + issue.detail);
    }
    detail::WriteTx tx(db);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', ?)")
        .bind(1, std::to_string(r.examples_added + r.examples_existing))
        .run();
    tx.commit();
}

} // namespace hlsv::rag
