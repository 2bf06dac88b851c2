// Prelude synthesis: compile the source alone, read what the compiler says is missing, declare
// it, and compile again (a few rounds). What a name becomes is chosen from how the source uses
// it: called -> a pure function with a deterministic body; written before a declarator or in a
// cast -> a type; indexed -> a global array; otherwise a constant small enough to fit the
// arrays it bounds.
#include "csim/sandbox.h"
#include "csim/tempdir.h"
#include "difftest.h"

#include <fmt/format.h>
#include <regex>
#include <set>

namespace hlsv::difftest {

namespace {

enum class Use { function, type, array, constant, variable };

Use use_of(const std::string& src, const std::string& name) {
    auto has = [&](const std::string& pattern) {
        return std::regex_search(src, std::regex(pattern));
    };
    std::string n = "\\b" + name + "\\b";
    if (has(n + "\\s*\\(")) {
        return Use::function;
    }
    if (has(n + "\\s*[*&]*\\s*[A-Za-z_]\\w*\\s*[\\[;,=)]") ||
        has("\\(\\s*" + n + "\\s*\\)\\s*\\w") || has("<\\s*" + n + "\\s*>")) {
        return Use::type;
    }
    if (has(n + "\\s*\\[")) {
        return Use::array;
    }
    bool upper = std::none_of(name.begin(), name.end(),
                              [](char c) { return std::islower((unsigned char)c); });
    return upper || has("\\[\\s*" + n) || has("[<>]=?\\s*" + n) ? Use::constant : Use::variable;
}

// An integer or HLS type from the name: what its uses most likely hold.
std::string type_for(const std::string& name) {
    std::string l;
    for (char c : name) {
        l += static_cast<char>(std::tolower((unsigned char)c));
    }
    if (l.find("fix") != std::string::npos) {
        return "ap_fixed<32, 16>";
    }
    if (l.find("float") != std::string::npos || l.find("real") != std::string::npos ||
        l.find("double") != std::string::npos || l.find("fp") != std::string::npos) {
        return "double";
    }
    if (l.find("uint") != std::string::npos || l.find("u8") != std::string::npos ||
        l.find("byte") != std::string::npos || l.find("word") != std::string::npos) {
        return "unsigned int";
    }
    return "int";
}

int rank_of(const std::string& src, const std::string& name) {
    std::smatch m;
    if (std::regex_search(src, m, std::regex("\\b" + name + "((\\s*\\[[^\\]]*\\])+)"))) {
        return static_cast<int>(std::count(m[1].first, m[1].second, '['));
    }
    return 1;
}

} // namespace

Prelude synthesize_prelude(const fs::path& source, const std::string& language,
                           const std::vector<std::string>& cflags, const std::string& hls_include) {
    bool c = language == "c" || (language.empty() && source.extension() == ".c");
    std::string src = read_file(source);
    fs::path hls = hls_include.empty() ? data_dir() / "harness" / "include" : fs::path(hls_include);
    csim::TempDir td("hlsv-prelude-");
    fs::path stubs = td.path() / "stubs";
    fs::create_directories(stubs);
    Prelude p;
    std::set<std::string> done;
    std::string types, consts, vars, funcs;
    static const std::regex missing_header(R"(fatal error: ([^:\n]+): No such file or directory)");
    static const std::regex undeclared(
        R"(error: (?:unknown type name |implicit declaration of function )?[‘'](\w+)[’'](?: (?:was not declared in this scope|does not name a type|has not been declared|undeclared|is not a type|not declared))?)");
    static const std::regex before_ident(R"(error: expected [^\n]* before [‘'](\w+)[’'])");
    for (p.rounds = 1; p.rounds <= 12; ++p.rounds) {
        p.text = types + consts + vars + funcs;
        fs::path unit = td.path() / (c ? "unit.c" : "unit.cpp");
        write_file_atomic(unit, p.text + "#include \"" + source.string() + "\"\n");
        csim::Command cmd;
        cmd.argv = {c ? "gcc" : "g++", "-fsyntax-only", "-I" + hls.string(),
                    "-I" + source.parent_path().string(), "-I" + stubs.string()};
        if (c) {
            // C accepts a call to an undeclared function with a warning; the prelude must
            // declare it (a witness built from it would link against nothing otherwise).
            cmd.argv.insert(cmd.argv.end(),
                            {"-Werror=implicit-function-declaration", "-Werror=implicit-int"});
        } else {
            cmd.argv.insert(cmd.argv.end(), {"-w", "-fpermissive"});
        }
        cmd.argv.insert(cmd.argv.end(), cflags.begin(), cflags.end());
        cmd.argv.push_back(unit.string());
        cmd.cwd = td.path();
        cmd.env = csim::base_env(td.path());
        cmd.limits.wall_s = 60;
        cmd.limits.drop_privileges = false;
        csim::Outcome o = csim::run_command(cmd);
        if (o.failure == csim::Failure::none && o.exit_code == 0) {
            p.compiles = true;
            p.diagnostic.clear();
            return p;
        }
        bool progress = false;
        std::string err = o.err;
        auto first_error = err.find("error");
        auto eol = first_error == std::string::npos ? err.size() : err.find('\n', first_error);
        p.diagnostic =
            first_error == std::string::npos ? o.error : err.substr(first_error, eol - first_error);
        for (std::sregex_iterator it(err.begin(), err.end(), missing_header), e; it != e; ++it) {
            std::string h = (*it)[1];
            if (done.insert("#" + h).second) {
                fs::create_directories((stubs / h).parent_path());
                write_file_atomic(stubs / h, "");
                p.empty_headers.push_back(h);
                p.provided.push_back("header " + h + " (empty)");
                progress = true;
            }
        }
        std::vector<std::string> names;
        for (const auto* re : {&undeclared, &before_ident}) {
            for (std::sregex_iterator it(err.begin(), err.end(), *re), e; it != e; ++it) {
                names.push_back((*it)[1]);
            }
        }
        for (const auto& name : names) {
            if (name.empty() || std::isdigit((unsigned char)name[0]) ||
                !std::regex_search(src, std::regex("\\b" + name + "\\b")) ||
                !done.insert(name).second) {
                continue;
            }
            progress = true;
            switch (use_of(src, name)) {
            case Use::function:
                funcs += c ? fmt::format("static int {0}() {{ return 0; }}\n", name)
                           : fmt::format("template <class... A> inline int {}(const A&...) {{ "
                                         "return int(sizeof...(A)); }}\n",
                                         name);
                p.provided.push_back("function " + name + " (pure, returns a constant)");
                break;
            case Use::type: {
                std::string t = c && type_for(name).find("ap_") == 0 ? "int" : type_for(name);
                types += fmt::format("typedef {} {};\n", t, name);
                if (t.find("ap_") == 0 &&
                    types.find("#include <ap_fixed.h>") == std::string::npos) {
                    types = "#include <ap_fixed.h>\n" + types;
                }
                p.provided.push_back("type " + name + " = " + t);
                break;
            }
            case Use::array: {
                std::string dims;
                for (int k = rank_of(src, name); k > 0; --k) {
                    dims += "[64]";
                }
                vars += fmt::format("static int {}{};\n", name, dims);
                p.provided.push_back("array int " + name + dims);
                break;
            }
            case Use::constant:
                consts += fmt::format("#define {} 16\n", name);
                p.provided.push_back("constant " + name + " = 16");
                break;
            case Use::variable:
                vars += fmt::format("static int {} = 1;\n", name);
                p.provided.push_back("variable int " + name + " = 1");
                break;
            }
        }
        if (!progress) {
            break;
        }
    }
    return p;
}

} // namespace hlsv::difftest
