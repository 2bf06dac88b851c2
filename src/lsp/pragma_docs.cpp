#include "pragma_docs.h"

#include <algorithm>
#include <cctype>

namespace hlsv::lsp {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

const std::vector<DirectiveDoc>& directive_docs() {
    static const std::vector<DirectiveDoc> docs = {
        {"pipeline",
         "Overlaps the iterations of a loop (or the calls of a function) so that a new one starts "
         "every II cycles. Every loop inside a pipelined region is fully unrolled.",
         {"ii", "off", "rewind", "style", "enable_flush"}},
        {"unroll",
         "Replicates the loop body so several iterations run in parallel: fully without factor=, "
         "or factor=N copies. Needs enough memory ports for the copies to be useful.",
         {"factor", "off", "skip_exit_check", "region"}},
        {"array_partition",
         "Splits an array into several memories (or registers) so that more elements can be read "
         "in one cycle: complete (every element), cyclic (interleaved banks) or block (contiguous "
         "chunks), along dimension dim= (0 = all).",
         {"variable", "type", "factor", "dim", "off"}},
        {"array_reshape",
         "Like array_partition, but packs the elements into wider words of one memory instead of "
         "separate memories.",
         {"variable", "type", "factor", "dim", "off", "object"}},
        {"interface",
         "Chooses how a top-function argument becomes a hardware port: m_axi (memory-mapped "
         "master), s_axilite (registers), axis (stream), ap_none/ap_vld/ap_hs (wires with "
         "handshakes), ap_memory/bram (a RAM port), ap_ctrl_* for the block protocol.",
         {"mode",
          "port",
          "bundle",
          "offset",
          "depth",
          "register",
          "register_mode",
          "name",
          "latency",
          "num_read_outstanding",
          "num_write_outstanding",
          "max_read_burst_length",
          "max_write_burst_length",
          "max_widen_bitwidth",
          "channel",
          "clock",
          "storage_type",
          "storage_impl",
          "interrupt",
          "axi_protocol"}},
        {"dataflow",
         "Runs the functions or loops of a region as concurrent processes connected by channels. "
         "Each channel needs a single producer and a single consumer; the region must be a "
         "function body or a loop body.",
         {"disable_start_propagation"}},
        {"inline",
         "Dissolves a function into its callers (or, with off, keeps it as its own module), which "
         "changes sharing and the optimizations that cross the call.",
         {"off", "recursive", "region", "self"}},
        {"loop_tripcount",
         "Tells the latency report how many iterations a loop with a variable bound usually "
         "runs. It changes no hardware.",
         {"min", "max", "avg"}},
        {"stream",
         "Implements an array or a dataflow channel as a FIFO of depth= entries instead of a "
         "ping-pong memory.",
         {"variable", "depth", "off", "type"}},
        {"bind_storage",
         "Picks the memory kind (ram_1p, ram_2p, ram_t2p, rom, fifo, ...) and implementation "
         "(bram, uram, lutram, srl) of an array or channel.",
         {"variable", "type", "impl", "latency"}},
        {"bind_op",
         "Picks the implementation (dsp, fabric, ...) and latency of an arithmetic operation on a "
         "variable.",
         {"variable", "op", "impl", "latency"}},
        {"dependence",
         "Adds or removes a loop-carried dependence the scheduler assumes; a false claim of "
         "independence makes the hardware compute wrong results.",
         {"variable", "class", "type", "direction", "distance", "dependent", "inter", "intra"}},
        {"loop_flatten",
         "Merges perfectly nested loops into one loop, saving the cycles spent "
         "entering and leaving the inner loop.",
         {"off"}},
        {"loop_merge", "Merges consecutive loops of a region into one.", {"force"}},
        {"latency",
         "Asks the scheduler for a minimum and/or maximum latency of a region.",
         {"min", "max"}},
        {"allocation",
         "Limits how many instances of a function or operator are built, which "
         "forces sharing.",
         {"instances", "limit", "function", "operation"}},
        {"aggregate", "Packs the fields of a struct into one wide word.", {"variable", "compact"}},
        {"disaggregate", "Splits a struct into one port or variable per field.", {"variable"}},
        {"reset", "Adds or removes a reset of a static or global variable.", {"variable", "off"}},
        {"expression_balance",
         "Rebalances (or with off keeps) the order of an expression's "
         "operations.",
         {"off"}},
        {"function_instantiate",
         "Builds a specialized copy of a function per call site for an "
         "argument that is constant there.",
         {"variable"}},
        {"occurrence",
         "Says that a region in a pipelined function runs less often than the "
         "function, so it may be scheduled slower.",
         {"cycle", "off"}},
        {"protocol",
         "Marks a region whose I/O must happen cycle by cycle as written.",
         {"mode", "floating", "fixed"}},
        {"stable",
         "Says that an argument does not change during a dataflow run, so no "
         "synchronization is needed for it.",
         {"variable"}},
        {"top", "Names the top function of the design.", {"name"}},
        {"performance",
         "Sets a target throughput (transaction interval) or latency for a loop "
         "and lets the tool pick pipelining and unrolling.",
         {"target_ti", "target_tl", "unit", "target", "scope"}},
        {"alias",
         "Declares that several pointer ports address the same memory at given "
         "distances.",
         {"ports", "distance", "offset"}},
        {"cache",
         "Adds a read cache in front of an m_axi port.",
         {"port", "lines", "depth", "ways", "users", "burst", "write_mode"}},
        {"resource",
         "Older form of bind_storage / bind_op: picks the core of a variable.",
         {"variable", "core", "latency", "metadata"}},
        {"data_pack",
         "Older form of aggregate: packs a struct into one word.",
         {"variable", "instance", "byte_pad"}},
        {"array_map",
         "Older directive that combines several small arrays into one memory.",
         {"variable", "instance", "horizontal", "vertical", "offset"}},
    };
    return docs;
}

const DirectiveDoc* find_directive(std::string_view name) {
    std::string key = lower(name);
    for (const auto& d : directive_docs()) {
        if (d.name == key) {
            return &d;
        }
    }
    return nullptr;
}

PragmaLine parse_pragma_line(std::string_view line) {
    PragmaLine p;
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] != '#') {
        return p;
    }
    p.begin = i;
    auto skip_space = [&] {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
            ++i;
        }
    };
    auto word = [&] {
        std::size_t a = i;
        while (i < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) {
            ++i;
        }
        return line.substr(a, i - a);
    };
    ++i;
    skip_space();
    if (lower(word()) != "pragma") {
        return p;
    }
    skip_space();
    if (lower(word()) != "hls") {
        return p;
    }
    skip_space();
    p.dir_pos = i;
    p.directive = lower(word());
    std::size_t comment = line.find("//", i);
    p.end = comment == std::string_view::npos ? line.size() : comment;
    while (p.end > p.begin && (line[p.end - 1] == ' ' || line[p.end - 1] == '\t')) {
        --p.end;
    }
    return p;
}

} // namespace hlsv::lsp
