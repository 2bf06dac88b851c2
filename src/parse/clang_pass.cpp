// Pass 2: semantics from libclang. Resolves what text alone cannot (array sizes through
// typedefs, -D flags and sizeof; loop bounds written as constant expressions) and reports the
// compiler's errors. Only cursors of the main file are walked: headers are parsed, not visited.
#include "internal.h"

#include <clang-c/Index.h>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace hlsv::parse::detail {

namespace {

constexpr int max_clang_diagnostics = 20;

/// One CXIndex per thread, created on first use and reused for every file.
CXIndex thread_index() {
    struct Holder {
        CXIndex index = clang_createIndex(/*excludeDeclarationsFromPCH=*/0,
                                          /*displayDiagnostics=*/0);
        ~Holder() { clang_disposeIndex(index); }
    };
    thread_local Holder holder;
    return holder.index;
}

std::string take(CXString s) {
    const char* c = clang_getCString(s);
    std::string out = c ? c : "";
    clang_disposeString(s);
    return out;
}

/// Sizes of a constant array type, outermost first; empty when `t` is not one.
std::vector<long long> array_dims(CXType t) {
    std::vector<long long> dims;
    t = clang_getCanonicalType(t); // typedef'd arrays: `typedef int row_t[6]`
    while (t.kind == CXType_ConstantArray) {
        dims.push_back(clang_getArraySize(t));
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    }
    return dims;
}

fs::path hls_include_dir() {
    if (const char* env = std::getenv("HLSV_HLS_INCLUDE"); env && *env) {
        return env;
    }
    return data_dir() / "harness" / "include";
}

struct WalkState {
    TsResult* r = nullptr;
    /// (function, name) -> indices into facts.arrays, for dims clang can resolve.
    std::unordered_map<std::string, std::vector<std::size_t>> arrays;
    /// (function, name) -> (function index, param index).
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> params;
    std::string function; // current function while walking its body
    /// Definitions by name (index into facts.functions), and the position of the next
    /// parameter of the function being walked.
    std::unordered_map<std::string, std::size_t> functions;
    std::size_t param_pos = 0;
    /// Arrays added here (function, name): a prototype and its definition both declare them.
    std::unordered_set<std::string> added;
    std::vector<std::size_t> touched_loops;
    CXFile main_file = nullptr;
};

std::string key_of(const std::string& fn, const std::string& name) {
    return fn + '\n' + name;
}

unsigned line_of(CXCursor c) {
    unsigned line = 0;
    clang_getSpellingLocation(clang_getCursorLocation(c), nullptr, &line, nullptr, nullptr);
    return line;
}

/// The compiler's sizes win: they see -D flags, typedef'd arrays and sizeof.
void merge_dims(std::vector<long long>& into, const std::vector<long long>& from) {
    if (!from.empty()) {
        into = from;
    }
}

/// The innermost element type of an array type, as clang spells it ("double").
std::string element_of(CXType t) {
    t = clang_getCanonicalType(t);
    while (t.kind == CXType_ConstantArray) {
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    }
    return take(clang_getTypeSpelling(t));
}

/// An array parameter the syntax pass could not read because a macro declares it, as
/// PolyBench's `DATA_TYPE POLYBENCH_2D(A, NI, NK, ni, nk)` does: tree-sitter sees a parameter
/// named after the macro. The compiler sees `A` with its sizes; the fact is taken from it, by
/// position in the parameter list.
void adopt_macro_param(WalkState& st, CXCursor c, const std::string& name,
                       const std::vector<long long>& dims, std::size_t pos) {
    auto fit = st.functions.find(st.function);
    if (fit == st.functions.end()) {
        return;
    }
    auto& facts = st.r->facts;
    Function& fn = facts.functions[fit->second];
    if (pos >= fn.params.size() || fn.params[pos].name == name ||
        !st.added.insert(key_of(fn.name, name)).second) {
        return;
    }
    Param& p = fn.params[pos];
    p.name = name;
    p.type = take(clang_getTypeSpelling(clang_getCursorType(c)));
    p.dims = dims;
    p.is_array = true;
    Array a;
    a.name = name;
    a.element_type = element_of(clang_getCursorType(c));
    a.dims = dims;
    a.storage = "parameter";
    unsigned line = 0;
    clang_getExpansionLocation(clang_getCursorLocation(c), nullptr, &line, nullptr, nullptr);
    a.line = static_cast<int>(line);
    a.function = fn.name;
    facts.arrays.push_back(std::move(a));
}

void on_var(WalkState& st, CXCursor c, bool is_param) {
    std::size_t pos = is_param ? st.param_pos++ : 0;
    std::vector<long long> dims = array_dims(clang_getCursorType(c));
    if (dims.empty()) {
        return;
    }
    std::string name = take(clang_getCursorSpelling(c));
    std::string fn = st.function;
    auto& facts = st.r->facts;
    if (is_param && st.params.find(key_of(fn, name)) == st.params.end() &&
        st.arrays.find(key_of(fn, name)) == st.arrays.end()) {
        adopt_macro_param(st, c, name, dims, pos);
        return;
    }
    if (auto it = st.arrays.find(key_of(fn, name)); it != st.arrays.end()) {
        // Several locals may share a name in one function: prefer the one on the same line.
        unsigned line = line_of(c);
        std::size_t pick = it->second.front();
        for (std::size_t i : it->second) {
            if (facts.arrays[i].line == static_cast<int>(line)) {
                pick = i;
            }
        }
        merge_dims(facts.arrays[pick].dims, dims);
    }
    if (is_param) {
        if (auto it = st.params.find(key_of(fn, name)); it != st.params.end()) {
            merge_dims(facts.functions[it->second.first].params[it->second.second].dims, dims);
        }
    }
}

void on_expr(WalkState& st, CXCursor c) {
    CXSourceRange ext = clang_getCursorExtent(c);
    unsigned b = 0, e = 0;
    clang_getFileLocation(clang_getRangeStart(ext), nullptr, nullptr, nullptr, &b);
    clang_getFileLocation(clang_getRangeEnd(ext), nullptr, nullptr, nullptr, &e);
    // Matched by start offset: a macro's expansion (`i < FIR_TAPS`) ends where clang measures
    // the macro body's token, not the name. Cursors come outermost first, so the first
    // expression that starts there and does not run past tree-sitter's end is the one.
    auto it = st.r->unresolved.find(b);
    if (it == st.r->unresolved.end() || e > it->second.end) {
        return;
    }
    CXEvalResult ev = clang_Cursor_Evaluate(c);
    if (!ev) {
        return;
    }
    if (clang_EvalResult_getKind(ev) == CXEval_Int) {
        long long v = clang_EvalResult_getAsLongLong(ev);
        const ExprRef& ref = it->second;
        Loop& lp = st.r->facts.loops[ref.index];
        switch (ref.what) {
        case ExprRef::What::loop_init:
            lp.init_value = v;
            break;
        case ExprRef::What::loop_bound:
            lp.bound_value = v;
            break;
        case ExprRef::What::loop_step:
            lp.step_value = v * ref.sign;
            break;
        case ExprRef::What::array_dim:
            break;
        }
        st.touched_loops.push_back(ref.index);
        st.r->unresolved.erase(it);
    }
    clang_EvalResult_dispose(ev);
}

CXChildVisitResult visit(CXCursor c, CXCursor /*parent*/, CXClientData data) {
    auto& st = *static_cast<WalkState*>(data);
    CXCursorKind k = clang_getCursorKind(c);
    CXSourceLocation loc = clang_getCursorLocation(c);
    if (!clang_Location_isFromMainFile(loc)) {
        // A macro's body (`i < FIR_TAPS` with FIR_TAPS from a header) is spelled elsewhere but
        // expanded here: it is the expression a bound needs.
        if (!st.r->unresolved.empty() && clang_isExpression(k)) {
            CXFile file = nullptr;
            clang_getExpansionLocation(loc, &file, nullptr, nullptr, nullptr);
            if (file && clang_File_isEqual(file, st.main_file)) {
                on_expr(st, c);
            }
        }
        // A parameter a macro declares (`POLYBENCH_2D(A, ...)`) is expanded here too.
        if (k == CXCursor_ParmDecl) {
            CXFile file = nullptr;
            clang_getExpansionLocation(loc, &file, nullptr, nullptr, nullptr);
            if (file && clang_File_isEqual(file, st.main_file)) {
                on_var(st, c, true);
            }
        }
        return CXChildVisit_Continue;
    }
    switch (k) {
    case CXCursor_FunctionDecl:
    case CXCursor_CXXMethod:
    case CXCursor_FunctionTemplate:
    case CXCursor_Constructor: {
        std::string saved = st.function;
        std::size_t saved_pos = st.param_pos;
        st.function = take(clang_getCursorSpelling(c));
        st.param_pos = 0;
        clang_visitChildren(c, visit, data);
        st.function = std::move(saved);
        st.param_pos = saved_pos;
        return CXChildVisit_Continue;
    }
    case CXCursor_ParmDecl:
        on_var(st, c, true);
        break;
    case CXCursor_VarDecl:
        on_var(st, c, false);
        break;
    default:
        if (!st.r->unresolved.empty() && clang_isExpression(k)) {
            on_expr(st, c);
        }
        break;
    }
    return CXChildVisit_Recurse;
}

/// Copies clang's errors into the facts. Returns the first fatal message ("" when none).
std::string take_diagnostics(CXTranslationUnit tu, DesignFacts& facts) {
    unsigned n = clang_getNumDiagnostics(tu);
    int shown = 0, hidden = 0;
    std::string first_fatal;
    for (unsigned i = 0; i < n; ++i) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev < CXDiagnostic_Error) {
            clang_disposeDiagnostic(d);
            continue;
        }
        CXSourceLocation loc = clang_getDiagnosticLocation(d);
        CXFile file = nullptr;
        unsigned line = 0;
        clang_getSpellingLocation(loc, &file, &line, nullptr, nullptr);
        std::string msg = take(clang_getDiagnosticSpelling(d));
        int fact_line = static_cast<int>(line);
        if (!clang_Location_isFromMainFile(loc)) {
            std::string where = file ? fs::path(take(clang_getFileName(file))).filename().string()
                                     : std::string("<command line>");
            msg = where + ":" + std::to_string(line) + ": " + msg;
            fact_line = 0;
        }
        // KeepGoing reports fatal errors (a missing header) as plain errors.
        bool fatal = sev == CXDiagnostic_Fatal || msg.find("file not found") != std::string::npos;
        if (fatal && first_fatal.empty()) {
            first_fatal = msg;
        }
        if (shown < max_clang_diagnostics) {
            facts.diagnostics.push_back({"error", fact_line, msg});
            ++shown;
        } else {
            ++hidden;
        }
        clang_disposeDiagnostic(d);
    }
    if (hidden > 0) {
        facts.diagnostics.push_back(
            {"note", 0, std::to_string(hidden) + " more libclang errors not shown"});
    }
    return first_fatal;
}

} // namespace

bool run_libclang(const std::string& path, const std::string& text, const Options& opts, bool is_c,
                  TsResult& r) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    if (ec) {
        abs = path;
    }
    std::vector<std::string> args;
    if (is_c) {
        args = {"-x", "c", "-std=c11"};
    } else {
        args = {"-x", "c++", "-std=c++17"};
    }
    // Missing HLS headers make clang drop declarations silently, so ours come first.
    fs::path hls = hls_include_dir();
    if (fs::is_directory(hls, ec)) {
        args.push_back("-I" + hls.string());
    }
    args.push_back("-I" + abs.parent_path().string());
    for (const auto& d : opts.include_dirs) {
        args.push_back("-I" + d);
    }
    for (const auto& f : opts.cflags) {
        args.push_back(f);
    }
    args.push_back("-Wno-unknown-pragmas");
    std::vector<const char*> argv;
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    std::string file_name = abs.string();
    CXUnsavedFile unsaved{file_name.c_str(), text.data(), static_cast<unsigned long>(text.size())};
    CXTranslationUnit tu = nullptr;
    unsigned flags =
        CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    CXErrorCode rc =
        clang_parseTranslationUnit2(thread_index(), file_name.c_str(), argv.data(),
                                    static_cast<int>(argv.size()), &unsaved, 1, flags, &tu);
    if (rc != CXError_Success || !tu) {
        r.facts.diagnostics.push_back(
            {"warning", 0,
             "facts may be incomplete: libclang could not parse the file (error " +
                 std::to_string(static_cast<int>(rc)) + ")"});
        return false;
    }
    std::string fatal = take_diagnostics(tu, r.facts);

    WalkState st;
    st.r = &r;
    st.main_file = clang_getFile(tu, file_name.c_str());
    for (std::size_t i = 0; i < r.facts.arrays.size(); ++i) {
        const Array& a = r.facts.arrays[i];
        st.arrays[key_of(a.storage == "global" ? "" : a.function, a.name)].push_back(i);
    }
    for (std::size_t fi = 0; fi < r.facts.functions.size(); ++fi) {
        const auto& fn = r.facts.functions[fi];
        st.functions.emplace(fn.name, fi);
        for (std::size_t pi = 0; pi < fn.params.size(); ++pi) {
            if (fn.params[pi].is_array) {
                st.params[key_of(fn.name, fn.params[pi].name)] = {fi, pi};
            }
        }
    }
    clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &st);
    for (std::size_t i : st.touched_loops) {
        Loop& lp = r.facts.loops[i];
        lp.trip_count = trip_count(lp);
    }
    clang_disposeTranslationUnit(tu);

    if (!fatal.empty()) {
        r.facts.diagnostics.push_back({"warning", 0, "facts may be incomplete: " + fatal});
    } else {
        r.facts.semantic = true;
    }
    return true;
}

} // namespace hlsv::parse::detail
