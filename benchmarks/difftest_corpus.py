#!/usr/bin/env python3
"""Differential testing on the development corpus (skips when HLSV_CORPUS is unset).

  vitis   : `hlsv csim DIR --diff` on each design dir under $HLSV_CORPUS_DESIGNS/vitis (no
            testbench); counts the designs that get a working driver (status same/difference).
  prelude : every function of MachSuite / PolyBench programs cut out alone (its lines, from
            `hlsv parse`), then `hlsv harness`; counts those whose prelude compiles. Baseline in
            the same run: the cut-out function compiled with no prelude.
usage: difftest_corpus.py HLSV_BIN {vitis|prelude} [LIMIT]
"""
import json, os, subprocess, sys, tempfile, pathlib

hlsv, mode = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
corpus = os.environ.get("HLSV_CORPUS")
if not corpus:
    print("skipped: HLSV_CORPUS is not set"); sys.exit(0)

def run(cmd, timeout=600):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None

if mode == "vitis":
    root = pathlib.Path(os.environ.get("HLSV_CORPUS_DESIGNS", "/work/corpus-designs")) / "vitis"
    ok = total = 0
    for d in sorted(root.iterdir())[:limit]:
        total += 1
        r = run([hlsv, "csim", str(d), "--diff", "--seconds", "0.3", "--format", "json"])
        status = "timeout"
        if r is not None:
            try:
                status = json.loads(r.stdout).get("status", "?")
                detail = json.loads(r.stdout).get("detail", "")[:150]
            except Exception:
                status, detail = "error", (r.stderr.strip().splitlines() or [""])[-1][:150]
        ok += status in ("same", "difference")
        print(f"{d.name}: {status} {'' if status in ('same','difference') else detail}", flush=True)
    print(f"vitis: working driver for {ok}/{total}")
else:
    files = [p for sub in ("MachSuite", "PolyBenchC-4.2.1") for p in pathlib.Path(corpus, sub).rglob("*.c")
             if "test" not in p.name and "harness" not in p.name and "support" not in p.name
             and "utilities" not in str(p)]
    ok = base = total = 0
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="hlsv-cut-"))
    for f in sorted(files):
        r = run([hlsv, "parse", str(f), "--format", "json"], 120)
        if r is None or r.returncode != 0:
            continue
        lines = f.read_text(errors="replace").splitlines()
        for fn in json.loads(r.stdout).get("functions", []):
            if total >= limit or fn.get("body_line_start", 0) == 0 or fn["name"] == "main":
                continue
            total += 1
            cut = tmp / f"{f.stem}__{fn['name']}.c"
            cut.write_text("\n".join(lines[fn["line_start"] - 1:fn["line_end"]]) + "\n")
            b = run(["gcc", "-fsyntax-only", "-w", str(cut)], 60)
            base += b is not None and b.returncode == 0
            h = run([hlsv, "harness", str(cut), "--format", "json", "-o", str(cut) + ".prelude.h"], 300)
            good = h is not None and json.loads(h.stdout or "{}").get("compiles", False)
            ok += good
            print(f"{cut.name}: {'compiles' if good else 'FAILS'}", flush=True)
    print(f"prelude: compiles for {ok}/{total} cut-out functions (baseline, no prelude: {base}/{total})")
