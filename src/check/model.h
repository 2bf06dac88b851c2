// What the checks see of one source file: functions, declarations (with array dimensions),
// loops (with counted-loop header facts), HLS pragmas (with the loop or function they govern)
// and array accesses, all built from one tree-sitter parse. Private to the check module.
//
// Why not parse::DesignFacts: the checker must run at tree speed over whole trees (no libclang)
// and needs the access patterns of array indexes inside loops, which DesignFacts does not carry.
#pragma once

#include "check.h"
#include "consteval.h"
#include "core/core.h"
#include "parse/preproc.h"
#include "pragma.h"
#include "ts.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hlsv::check {

struct FunctionMacro {
    std::vector<std::string> params;
    std::string body;
};

struct Decl {
    std::string name;
    std::string type;                           ///< base type as written ("ap_int<16>", "int")
    std::vector<std::optional<long long>> dims; ///< array dimensions, outermost first
    bool is_pointer = false;
    bool is_reference = false;
    bool is_param = false;
    bool is_static = false;
    bool is_global = false;
    bool is_const = false;
    bool has_init = false;
    int line = 0;
    int col = 0;
    int function = -1; ///< index into Model::functions, -1 for globals
    TSNode node{};     ///< the declaration / parameter_declaration node
    bool is_array() const { return !dims.empty(); }
    bool is_stream() const { return type.find("stream") != std::string::npos; }
};

struct FunctionInfo {
    std::string name;
    int line = 0;
    int col = 0;
    TSNode node{};
    TSNode body{};
    std::vector<int> params;  ///< indices into Model::decls
    std::vector<int> pragmas; ///< pragmas directly in the function body (not in a loop)
};

struct LoopInfo {
    int id = 0;
    std::string label;
    std::string kind; ///< "for", "while", "do", or "macro" (a macro that expands to a loop)
    TSNode node{};
    TSNode body{};
    int line = 0; ///< line of the loop keyword
    int col = 0;
    int end_line = 0;
    std::optional<int> parent;
    std::vector<int> children;
    int function = -1;
    std::string iv;      ///< induction variable of a counted for-loop, "" otherwise
    std::string iv_type; ///< its declared type when declared in the header
    std::optional<long long> init, bound, step;
    std::string cond_op;
    std::optional<long long> trip;
    std::vector<int> pragmas; ///< pragmas placed in this loop's body (not in inner loops)

    /// "'label'" or "at line N", for messages.
    std::string describe() const;
};

struct PragmaInfo {
    PragmaText p;
    std::string text; ///< as written after `#pragma`
    int line = 0;
    int col = 0;
    int function = -1;
    std::optional<int> loop;
    bool in_nested_block =
        false; ///< inside an if/switch/plain block rather than a loop or function body
    TSNode node{};
};

struct Access {
    std::string name;
    int decl = -1;
    std::vector<TSNode> indices; ///< one per subscript, outermost dimension first
    TSNode node{};               ///< the outermost subscript_expression
    int line = 0;
    int col = 0;
    bool read = false;
    bool write = false;
    std::optional<int> loop; ///< innermost enclosing loop
    int function = -1;
    /// The innermost if/switch/case/?: around the access inside its function (null when none).
    TSNode condition{};
};

/// An index expression as `sum(coeff[v] * v) + constant` when it is affine in plain variables.
struct Affine {
    std::map<std::string, long long> coeff;
    long long constant = 0;
};

/// Parses `text`, from the cached tree of an earlier text when `cache` has one, and leaves
/// this parse in the cache for the next call.
std::unique_ptr<Tree> parse_with(ParseCache* cache, std::string_view text);

class Model {
  public:
    /// Builds the model; `name` is the file path (used to find quoted includes for constants).
    /// Lines in inactive `#if` branches (under `defines`) are blanked before parsing.
    /// With a `cache`, parsing starts from the tree of the text checked before (the editor).
    Model(std::string name, std::string text, const std::vector<std::string>& include_dirs,
          const parse::Defines& defines = {}, ParseCache* cache = nullptr);

    std::string name;
    // Declared before `src`: its initializer fills them.
    int skipped_lines = 0; ///< code lines in inactive #if branches
    int skipped_regions = 0;
    int first_skipped_line = 0;
    SourceText src; ///< the text with inactive #if branches blanked
    std::unique_ptr<Tree> tree;
    Symbols symbols; ///< #define / const / enum values
    /// Function-like macros (`#define GRID(v, r, c) v[r][c]`): parameters and body. Used to
    /// read parameters a macro declares, as PolyBench's `DATA_TYPE POLYBENCH_2D(A, N, M, n, m)`.
    std::map<std::string, FunctionMacro> function_macros;
    std::map<std::string, std::string> typedefs; ///< alias -> type text
    std::vector<FunctionInfo> functions;
    std::vector<Decl> decls;
    std::vector<LoopInfo> loops;
    std::vector<PragmaInfo> pragmas;
    std::vector<Access> accesses;
    std::vector<int> error_lines; ///< lines of syntax errors (tree-sitter ERROR / MISSING nodes)

    std::string_view text(TSNode n) const { return text_of(n, src.text()); }
    std::optional<long long> eval(TSNode n) const;
    std::optional<long long> eval(std::string_view expr) const;
    std::optional<Affine> affine(TSNode n) const;

    /// The declaration `name` refers to inside function `function` (locals and params first).
    int find_decl(std::string_view name, int function) const;
    /// The function whose body contains `line`, or -1.
    int function_at(int line) const;

    bool pipelined(const std::vector<int>& pragma_ids) const;
    bool loop_pipelined(int loop) const { return pipelined(loops[loop].pragmas); }
    bool function_pipelined(int f) const { return f >= 0 && pipelined(functions[f].pragmas); }
    /// The pipelined loop or function that encloses `loop` (not `loop` itself), as a
    /// description, or nullopt.
    std::optional<std::string> pipelined_ancestor(int loop) const;
    /// The unroll pragma of a loop, or nullptr.
    const PragmaInfo* unroll_pragma(int loop) const;
    /// How many iterations of `loop` run in parallel: its unroll factor, its trip count when it
    /// is fully unrolled (explicitly or by an enclosing pipeline), 1 otherwise; nullopt when the
    /// loop is fully unrolled but its trip count is unknown.
    std::optional<long long> parallel_factor(int loop) const;
    bool fully_unrolled(int loop) const;
    /// Resolved integer width of a type as written (int -> 32, ap_uint<5> -> 5, typedefs
    /// followed), and whether it is signed.
    std::optional<std::pair<int, bool>> int_type(std::string_view type) const;
    /// A type as written with qualifiers dropped and typedefs followed.
    std::string resolve_type(std::string_view type) const;

  private:
    parse::Defines defines_; ///< also applied to the headers read for values
    /// `symbols` with function-like macros expanded in their values, made on first need.
    mutable std::optional<Symbols> expanded_symbols_;
    void collect_symbols(TSNode root, std::string_view text, int depth, const std::string& file,
                         const std::vector<std::string>& include_dirs,
                         std::vector<std::string>& seen);
    void merge_header(const fs::path& path, const std::string& key, int depth,
                      const std::vector<std::string>& include_dirs, std::vector<std::string>& seen);
    /// Where the recursion stands: the node's parent and innermost conditional, carried down so
    /// that no access walks back up the tree (ts_node_parent rescans from the root).
    struct BuildContext {
        TSNode parent{};
        TSNode condition{};
    };
    /// Returns the id of a loop left without a body (see model.cpp), else -1.
    int build(TSNode n, int function, std::optional<int> loop, BuildContext ctx);
    void add_function(TSNode n);
    void add_declaration(TSNode n, int function, bool is_param);
    /// A parameter declared through a function-like macro; false when `declarator` is none.
    bool add_macro_declared_param(TSNode declarator, TSNode type, int function);
    void add_loop(TSNode n, int function, std::optional<int> parent);
    /// The block a loop macro governs (`FOR_EACH(i, N) { ... }`), or a null node.
    TSNode macro_loop_body(TSNode stmt) const;
    void add_macro_loop(TSNode header, TSNode body, int function, std::optional<int> parent);
    void add_pragma(TSNode n, std::string_view text, int function, std::optional<int> loop);
    void add_access(TSNode n, int function, std::optional<int> loop, BuildContext ctx);
};

} // namespace hlsv::check
