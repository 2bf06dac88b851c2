#!/usr/bin/env python3
"""Runs `hlsv debug --backend rules` on each bug of an executable bug set (see make_bugs.py)
and scores it against the program's own oracle and the original code:

  top1/top3   the mutated line is the first / among the first three suspects (for a deleted
              line: the blank line or a neighbour)
  validated   some suspect carries a fix the testbench accepts
  proven      the best fix also passes under ASan+UBSan (and every case)
  correct     the best-ranked fix restores the original: the patched file equals it after
              whitespace normalisation, or (PolyBench) the patched program prints the same
              arrays as the original on a larger data set (-DSMALL_DATASET), a differential test
              on inputs the debugger never saw
  oracle      the best fix edits a line outside the kernel (main, init, print, checks): must be 0
  seconds     wall time of `hlsv debug` per bug

PolyBench programs are not self-checking: their bug dirs are debugged with `--reference` set to
the golden design (its outputs are the expected ones; its code is never read by the debugger).
Usage: run_bench.py HLSV DESIGNS_DIR BUGS_DIR WORK_DIR [--limit N] [--max-candidates N]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_bugs import build_and_run, dut_lines  # noqa: E402


def norm(t):
    return re.sub(r"\s+", "", t)


def apply_diff(text, diff):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "f.c"
        f.write_text(text)
        (Path(d) / "p.diff").write_text(diff)
        r = subprocess.run(["patch", "-s", "-o", str(Path(d) / "out.c"), str(f), str(Path(d) / "p.diff")],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return None
        return (Path(d) / "out.c").read_text()


def changed_lines(a, b):
    a, b = a.split("\n"), b.split("\n")
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    sa, sb = len(a), len(b)
    while sa > p and sb > p and a[sa - 1] == b[sb - 1]:
        sa -= 1
        sb -= 1
    return list(range(p + 1, max(sa, p + 1) + 1))


def differential_equal(design, golden_text, fixed_text, src, work):
    """PolyBench: the same array dump on SMALL_DATASET."""
    spec = json.loads((design / "hlsv.json").read_text())
    if "stderr" not in spec.get("compare", []):
        return False
    dd = work / "diff-design"
    if dd.exists():
        shutil.rmtree(dd)
    shutil.copytree(design, dd)
    spec["cflags"] = [("-DSMALL_DATASET" if c == "-DMINI_DATASET" else c) for c in spec["cflags"]]
    (dd / "hlsv.json").write_text(json.dumps(spec))
    g = build_and_run(dd, {src: golden_text}, work / "dg", 60)
    f = build_and_run(dd, {src: fixed_text}, work / "df", 60)
    return g[0] == "ok" and f[0] == "ok" and g[1] == f[1] and g[3] == f[3] and g[2] == f[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("hlsv")
    ap.add_argument("designs")
    ap.add_argument("bugs")
    ap.add_argument("work")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--max-candidates", type=int, default=0)
    ap.add_argument("--json", default="")
    a = ap.parse_args()
    work = Path(a.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    bugs = sorted(Path(a.bugs).glob("*.json"))
    if a.limit:
        bugs = bugs[:a.limit]
    rows = []
    for bf in bugs:
        bug = json.loads(bf.read_text())
        design = Path(a.designs) / bug["Design"]
        src = bug["File"]
        golden = (design / src).read_text(errors="replace")
        lines = golden.split("\n")
        ln = bug["Line"]
        faulty = bug["Error Specification"][0]["Faulty Code"]
        orig = lines[ln - 1]
        indent = orig[:len(orig) - len(orig.lstrip())]
        buggy_lines = lines[:]
        buggy_lines[ln - 1] = indent + faulty if faulty else ""
        buggy = "\n".join(buggy_lines)
        bd = work / bf.stem
        if bd.exists():
            shutil.rmtree(bd)
        shutil.copytree(design, bd)
        (bd / src).write_text(buggy)
        spec = json.loads((bd / "hlsv.json").read_text())
        spec["timeout_s"] = 10
        # csim compiles variants in a build dir of its own, where an -I relative to the design
        # dir does not resolve: make include dirs absolute (see the report to the lead).
        spec["cflags"] = ["-I" + str(bd / c[2:]) if c.startswith("-I") and not c.startswith("-I/") else c
                          for c in spec["cflags"]]
        (bd / "hlsv.json").write_text(json.dumps(spec, indent=2))
        cmd = [a.hlsv, "debug", str(bd), "--backend", "rules", "--format", "json"]
        if "stderr" in spec.get("compare", []):
            cmd += ["--reference", str(design)]
        if a.max_candidates:
            cmd += ["--max-candidates", str(a.max_candidates)]
        t0 = time.time()
        r = subprocess.run(cmd, capture_output=True, text=True)
        secs = time.time() - t0
        row = {"bug": bf.stem, "type": bug["Error Specification"][0]["Error Type"],
               "operator": bug.get("Operator", ""), "seconds": round(secs, 2), "rank": None,
               "validated": False, "proven": False, "correct": False, "equivalent": False,
               "oracle": False, "fix": None, "suspect_type": None}
        try:
            rep = json.loads(r.stdout)
        except json.JSONDecodeError:
            row["error"] = (r.stderr.strip().split("\n") or [""])[-1][:200]
            rows.append(row)
            print(json.dumps(row), flush=True)
            continue
        truth = {ln} if faulty else {ln - 1, ln, ln + 1}
        for i, s in enumerate(rep["suspects"]):
            if s["file"] == src and s["line"] in truth and row["rank"] is None:
                row["rank"] = i + 1
        if rep["suspects"]:
            row["suspect_type"] = rep["suspects"][0]["type"]
        best = next((s for s in rep["suspects"] if s.get("fix") and s["fix"]["validated"]), None)
        if best:
            row["validated"] = True
            row["proven"] = bool(best["fix"].get("proven"))
            row["fix"] = "%s@%d: %s" % (best["fix"]["operator"], best["line"], best["fix"].get("fixed_line", "").strip())
            dut = dut_lines(golden, spec["top"])
            fixed = apply_diff(buggy, best["fix"]["diff"]) if best["file"] == src else None
            if best["file"] != src:
                row["oracle"] = best["file"] not in spec["sources"]
            elif fixed is None:
                row["error"] = "fix diff does not apply"
            else:
                row["oracle"] = any(l not in dut for l in changed_lines(buggy, fixed))
                row["correct"] = norm(fixed) == norm(golden)
                if not row["correct"]:
                    row["equivalent"] = differential_equal(design, golden, fixed, src, work)
        row["ambiguous"] = any(n.startswith("ambiguous") for n in rep.get("notes", []))
        rows.append(row)
        print(json.dumps(row), flush=True)
    n = len(rows)
    pct = lambda k: 100.0 * k / n if n else 0
    agg = {
        "bugs": n,
        "top1": pct(sum(1 for r in rows if r["rank"] == 1)),
        "top3": pct(sum(1 for r in rows if r["rank"] and r["rank"] <= 3)),
        "validated": pct(sum(r["validated"] for r in rows)),
        "proven": pct(sum(r["proven"] for r in rows)),
        "correct": pct(sum(r["correct"] or r["equivalent"] for r in rows)),
        "correct_exact": pct(sum(r["correct"] for r in rows)),
        "oracle_touching": sum(r["oracle"] for r in rows),
        "median_s": statistics.median([r["seconds"] for r in rows]) if rows else 0,
    }
    by_type = {}
    for r in rows:
        t = by_type.setdefault(r["type"], [0, 0, 0])
        t[0] += 1
        t[1] += bool(r["rank"] and r["rank"] <= 3)
        t[2] += r["correct"] or r["equivalent"]
    agg["by_type"] = {k: {"bugs": v[0], "top3": v[1], "correct": v[2]} for k, v in sorted(by_type.items())}
    print(json.dumps(agg, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps({"aggregate": agg, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
