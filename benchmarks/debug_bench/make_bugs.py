#!/usr/bin/env python3
"""Builds an executable bug set for `hlsv debug` from design dirs made by
benchmarks/corpus/make_designs.py (MachSuite and PolyBench), independently of hlsv's rule engine.

Each bug is one classic mutation operator (relational/arithmetic operator replacement, constant
+-1, statement or initializer deletion, dropped loop condition, reversed update, swapped
subscripts, dropped parentheses, signedness) applied at a random line of the kernel function (the
top and the functions of the kernel file it calls; never main, init or print code), written as a
Chrysalis-style bug spec ({"Error Size", "Error Specification": [{"Error Type", "Original Code",
"Faulty Code"}]} plus "File", "Line", "Design"). A bug is kept only when the golden program
passes its own oracle and the buggy one fails it: for MachSuite the program's self-check (exit
status), for PolyBench the array dump on stderr compared with the golden's (or a crash/timeout).
The programs are built and run here with plain gcc, not with hlsv.

The specs quote corpus lines, so they are written outside the repository (OUT, e.g.
/work/debug-bench/bugs). Usage: make_bugs.py DESIGNS_DIR OUT [--per-design N] [--seed S]
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def func_ranges(text):
    """(name, first line, last line) of each function definition, by brace matching."""
    out = []
    lines = text.split("\n")
    sig = re.compile(r"^(?:static\s+|inline\s+)*[A-Za-z_][\w\s\*]*?\b(\w+)\s*\(")
    i = 0
    while i < len(lines):
        m = sig.match(lines[i])
        if m and not lines[i].rstrip().endswith(";") and m.group(1) not in ("if", "for", "while", "switch", "return"):
            # find the opening brace
            j = i
            while j < len(lines) and "{" not in lines[j] and not lines[j].rstrip().endswith(";"):
                j += 1
            if j < len(lines) and "{" in lines[j]:
                depth = 0
                k = j
                while k < len(lines):
                    depth += lines[k].count("{") - lines[k].count("}")
                    if depth == 0 and k >= j:
                        break
                    k += 1
                out.append((m.group(1), i + 1, k + 1))
                i = k + 1
                continue
        i += 1
    return out


def calls(text, lo, hi, names):
    body = "\n".join(text.split("\n")[lo - 1:hi])
    return {n for n in names if re.search(r"\b%s\s*\(" % re.escape(n), body)}


def dut_lines(text, top):
    fr = func_ranges(text)
    byname = {n: (a, b) for n, a, b in fr}
    if top not in byname:
        return set()
    seen, work = set(), [top]
    while work:
        n = work.pop()
        if n in seen or n == "main":
            continue
        seen.add(n)
        a, b = byname[n]
        work += list(calls(text, a, b, byname.keys()) - seen)
    lines = set()
    for n in seen:
        a, b = byname[n]
        lines.update(range(a, min(b, len(text.split("\n"))) + 1))
    return lines


# Each operator: (type, function(line) -> list of mutated lines)
def op_rel_bound(s):  # OOB: loop bound < -> <=, > -> >=
    m = re.search(r"(for\s*\([^;]*;[^;<>]*?)(<|>)(?!=|<|>)([^;]*;)", s)
    return [s[:m.start(2)] + m.group(2) + "=" + s[m.end(2):]] if m else []


def op_index_off(s):  # OOB: a subscript [v] -> [v + 1]
    out = []
    for m in re.finditer(r"\[(\w+)\]", s):
        if not m.group(1).isdigit():
            out.append(s[:m.start()] + "[%s + 1]" % m.group(1) + s[m.end():])
    return out


def op_drop_cond(s):  # INF: for (a; c; b) -> for (a; ; b)
    m = re.search(r"for\s*\(([^;]*);([^;]+);", s)
    return [s[:m.start(2)] + " " + s[m.end(2):]] if m else []


def op_flip_update(s):  # INF: i++ -> i-- in a loop update
    m = re.search(r"for\s*\([^;]*;[^;]*;\s*(\+\+\w+|\w+\+\+)", s)
    if not m:
        return []
    return [s[:m.start(1)] + m.group(1).replace("++", "--") + s[m.end(1):]]


def op_drop_init(s):  # INIT: "x = <literal>;" statement deleted / declaration loses initializer
    m = re.match(r"^(\s*)(\w+(?:\[\w+\])*)\s*=\s*(SCALAR_VAL\()?[-+]?[\d.]+f?\)?\s*;\s*$", s)
    if m:
        return [m.group(1) + ";"]
    m = re.match(r"^(\s*(?:int|float|double|TYPE|DATA_TYPE|unsigned|long)[\w\s]*?\b\w+)\s*=\s*[-+]?[\d.]+f?\s*;\s*$", s)
    return [m.group(1) + ";"] if m else []


def op_zero(s):  # ZERO: a non-zero literal initializer -> 0
    m = re.search(r"=\s*(SCALAR_VAL\()?([1-9][\d.]*)(f?)\)?\s*;", s)
    if not m or "for" in s:
        return []
    return [s[:m.start(2)] + re.sub(r"[1-9]", "0", m.group(2), count=1).replace("0", "0") + s[m.end(2):]] if re.fullmatch(r"[1-9](\.0*)?", m.group(2)) else []


def op_shift(s):  # SHFT: a constant shift amount +1
    m = re.search(r"(<<|>>)\s*(\d+)", s)
    return [s[:m.start(2)] + str(int(m.group(2)) + 1) + s[m.end(2):]] if m else []


def op_compound(s):  # arithmetic: += <-> -=
    m = re.search(r"(\+|-)=", s)
    if not m or "for" in s:
        return []
    return [s[:m.start(1)] + ("-" if m.group(1) == "+" else "+") + s[m.end(1):]]


def op_arith(s):  # arithmetic: a binary + -> - (or * -> +) in an assignment
    if "for" in s or "=" not in s:
        return []
    rhs = s.index("=") + 1
    out = []
    for m in re.finditer(r"(?<=[\w\)\]] )([+*-])(?= [\w\(])", s[rhs:]):
        k = rhs + m.start(1)
        out.append(s[:k] + {"+": "-", "-": "+", "*": "+"}[m.group(1)] + s[k + 1:])
    return out


def op_swap_sub(s):  # BUF: A[i][j] -> A[j][i]
    out = []
    for m in re.finditer(r"\[(\w+)\]\[(\w+)\]", s):
        if m.group(1) != m.group(2):
            out.append(s[:m.start()] + "[%s][%s]" % (m.group(2), m.group(1)) + s[m.end():])
    return out


def op_drop_paren(s):  # PREC: (a + b) * c -> a + b * c
    m = re.search(r"\(([\w\[\]\.]+ [+-] [\w\[\]\.]+)\)\s*([*/])", s)
    return [s[:m.start()] + m.group(1) + " " + m.group(2) + s[m.end() + 0:]] if m else []


def op_loop_start(s):  # OOB/loop: for (i = 0 -> for (i = 1
    m = re.search(r"for\s*\(\s*\w+\s*=\s*(0)\s*;", s)
    return [s[:m.start(1)] + "1" + s[m.end(1):]] if m else []


def op_unsigned(s):  # USE: unsigned -> signed declaration
    m = re.search(r"\bunsigned\s+(int|char|long)?", s)
    if not m:
        return []
    return [s[:m.start()] + (m.group(1) or "int") + s[m.end():]]


OPS = [("OOB", "rel-bound", op_rel_bound), ("OOB", "index-off", op_index_off),
       ("INF", "drop-cond", op_drop_cond), ("INF", "flip-update", op_flip_update),
       ("INIT", "drop-init", op_drop_init), ("ZERO", "zero-init", op_zero),
       ("SHFT", "shift-amount", op_shift), ("PREC", "drop-paren", op_drop_paren),
       ("BUF", "swap-subscripts", op_swap_sub), ("USE", "unsigned", op_unsigned),
       ("OOB", "loop-start", op_loop_start), ("ARITH", "compound-flip", op_compound),
       ("ARITH", "arith-swap", op_arith)]


def build_and_run(design, files, workdir, timeout):
    """Compiles the design with `files` (name -> text) replacing its sources, runs it; returns
    (status, exit, stdout, stderr) with status in ok|build|timeout|crash."""
    if workdir.exists():
        shutil.rmtree(workdir)
    shutil.copytree(design, workdir)
    for n, t in files.items():
        (workdir / n).write_text(t)
    spec = json.loads((design / "hlsv.json").read_text())
    srcs = spec["sources"] + spec.get("testbench", [])
    cmd = ["gcc", "-O1", "-w", "-o", "prog"] + spec.get("cflags", []) + srcs + ["-lm"]
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True)
    if r.returncode != 0:
        return ("build", None, "", r.stderr)
    try:
        r = subprocess.run(["./prog"], cwd=workdir, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("timeout", None, "", "")
    if r.returncode < 0:
        return ("crash", r.returncode, "", "")
    return ("ok", r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("designs")
    ap.add_argument("out")
    ap.add_argument("--per-design", type=int, default=2)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="debug-bench-"))
    designs = sorted(p.parent for p in Path(a.designs).glob("*/*/hlsv.json"))
    kept = 0
    used_ops = {}
    for d in designs:
        spec = json.loads((d / "hlsv.json").read_text())
        if not spec.get("testbench") or spec.get("language") != "c":
            continue  # function-level designs (Vitis kernels): no program oracle
        src = spec["sources"][0]
        text = (d / src).read_text(errors="replace")
        lines = text.split("\n")
        dut = dut_lines(text, spec["top"])
        g = build_and_run(d, {}, tmp / "g", 20)
        if g[0] != "ok" or g[1] != 0:
            print("skip %s: golden %s" % (d.name, g[0]), file=sys.stderr)
            continue
        cands = []
        for ln in sorted(dut):
            s = lines[ln - 1]
            t = s.strip()
            if not t or t.startswith(("#", "//", "/*", "*")):
                continue
            for typ, name, fn in OPS:
                for m in fn(s):
                    if m != s:
                        cands.append((typ, name, ln, m))
        # Prefer operators used least so far, so the set spans the types.
        rng.shuffle(cands)
        cands.sort(key=lambda c: used_ops.get(c[1], 0))
        got = 0
        for typ, name, ln, mutated in cands:
            if got >= a.per_design:
                break
            buggy = lines[:]
            buggy[ln - 1] = mutated
            b = build_and_run(d, {src: "\n".join(buggy)}, tmp / "b", 10)
            if b[0] == "build":
                continue
            fails = b[0] in ("timeout", "crash") or b[1] != 0 or \
                (spec.get("compare") and "stderr" in spec["compare"] and b[3] != g[3])
            if not fails:
                continue
            bid = "%s-%s-%s-%d" % (d.parent.name, d.name, name, ln)
            k = 2
            while (out / (bid + ".json")).exists():
                bid = "%s-%s-%s-%d-%d" % (d.parent.name, d.name, name, ln, k)
                k += 1
            bug = {"Error Size": 1, "Design": "%s/%s" % (d.parent.name, d.name), "File": src,
                   "Line": ln, "Operator": name, "Buggy Outcome": b[0] if b[0] != "ok" else "exit %d / output differs" % b[1],
                   "Error Specification": [{"Error Type": typ, "Original Code": lines[ln - 1].strip(),
                                            "Faulty Code": mutated.strip()}]}
            (out / (bid + ".json")).write_text(json.dumps(bug, indent=2) + "\n")
            used_ops[name] = used_ops.get(name, 0) + 1
            got += 1
            kept += 1
            print(bid, b[0], file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    print("%d bugs in %s; operators: %s" % (kept, out, json.dumps(used_ops, sort_keys=True)))


if __name__ == "__main__":
    main()
