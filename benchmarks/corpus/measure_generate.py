#!/usr/bin/env python3
"""Measures `hlsv generate --backend rules` on a folder of designs (e.g. the output of
make_designs.py over a public suite): validity, type confirmation, where the bugs went, site
coverage per type and verdicts per minute.

usage: measure_generate.py HLSV DESIGNS_DIR WORK_DIR [--jobs N] [--bugs all]

Where the bugs went is checked independently of hlsv's own call graph: the changed lines of every
valid sample are located in the golden source's functions (from `hlsv parse --no-clang`), and a
sample counts as outside the design under test when they fall in `main` or in a function that the
top does not reach through calls found by a plain name scan of the function bodies.
"""
import argparse
import collections
import json
import os
import re
import sqlite3
import subprocess
import sys
import time


def run_generate(hlsv, designs, work, jobs, bugs):
    db, out = os.path.join(work, "rag.db"), os.path.join(work, "out")
    cmd = [hlsv, "-q", "generate", designs, "--db", db, "--out", out, "--jobs", str(jobs),
           "--bugs", bugs]
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"measure_generate: hlsv generate failed ({proc.returncode}): {proc.stderr[-400:]}")
    return db, out, wall


def functions_of(hlsv, source, cache={}):
    if source in cache:
        return cache[source]
    proc = subprocess.run([hlsv, "parse", "--no-clang", source], capture_output=True, text=True)
    fns = []
    if proc.returncode == 0:
        facts = json.loads(proc.stdout)
        files = facts.get("files", [facts])
        for f in files:
            for fn in f.get("functions", []):
                fns.append((fn["name"], fn["line_start"], fn["line_end"]))
    cache[source] = fns
    return fns


def reachable(fns, text, top):
    """Functions the top reaches, by a name scan of each body (independent of hlsv's graph)."""
    lines = text.split("\n")
    body = {n: "\n".join(lines[s - 1:e]) for n, s, e in fns}
    seen, todo = set(), [top]
    while todo:
        f = todo.pop()
        if f in seen or f not in body:
            continue
        seen.add(f)
        for g in body:
            if g != f and re.search(r"\b" + re.escape(g) + r"\s*(<[^;()]*>)?\s*\(", body[f]):
                todo.append(g)
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("hlsv")
    ap.add_argument("designs")
    ap.add_argument("work")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--bugs", default="all")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    db, out, wall = run_generate(a.hlsv, a.designs, a.work, a.jobs, a.bugs)

    con = sqlite3.connect(db)
    items = con.execute("SELECT design_hash, bug_combo, status, result FROM run_items").fetchall()
    designs_seen = {h for h, _, s, _ in items if s == "done"}
    skipped = {h for h, _, s, _ in items if s != "done"} - designs_seen
    per_type = collections.defaultdict(lambda: collections.Counter())
    site_designs = collections.defaultdict(set)
    verdicts = 0
    for h, combo, status, result in items:
        if status != "done" or not result:
            continue
        r = json.loads(result)
        reason = r.get("reason") or ""
        c = per_type[combo]
        if reason.startswith("no-site"):
            c["no-site"] += 1
            continue
        site_designs[combo].add(h)
        verdicts += 1
        c[r.get("verdict", "?")] += 1
        if reason.startswith("type-mismatch"):
            c["type-mismatch"] += 1
        if reason.startswith("outside-dut"):
            c["outside-dut"] += 1

    samples = [json.loads(l) for l in open(os.path.join(out, "samples.jsonl"))]
    outside, where = 0, collections.Counter()
    for s in samples:
        src = s["source_file"] if os.path.isabs(s["source_file"]) else os.path.join(
            s["design_dir"], s["source_file"])
        spec = json.load(open(os.path.join(s["design_dir"], "hlsv.json")))
        text = open(src, errors="replace").read()
        fns = functions_of(a.hlsv, src)
        dut = reachable(fns, text, spec.get("top", ""))
        for line in s.get("changed_lines", []):
            owner = next((n for n, b, e in fns if b <= line <= e), "")
            if owner == "main" or (owner and owner not in dut):
                outside += 1
                print(f"  outside the DUT: {s['design']} {s['bug_types']} line {line} in {owner}")
                break
        where["top" if s.get("function") == spec.get("top") else "callee"] += 1

    n = len(designs_seen)
    print(f"designs: {n} with verdicts, {len(skipped)} with items left pending (their golden "
          f"run does not pass)")
    print(f"valid samples: {len(samples)}; outside the design under test: {outside}; "
          f"in the top: {where['top']}, in a callee: {where['callee']}")
    print(f"verdicts: {verdicts} in {wall:.1f} s = {verdicts / wall * 60:.0f} per minute "
          f"(jobs {a.jobs})")
    print(f"{'type':6} {'designs w/ site':>16} {'valid':>6} {'silent':>6} {'invalid':>7} "
          f"{'type-mismatch':>13}")
    for t in sorted(per_type):
        c = per_type[t]
        cov = len(site_designs[t])
        print(f"{t:6} {cov:>5}/{n:<3} {100 * cov / max(n, 1):5.0f}% {c['valid']:>6} "
              f"{c['silent']:>6} {c['invalid']:>7} {c['type-mismatch']:>13}")


if __name__ == "__main__":
    main()
