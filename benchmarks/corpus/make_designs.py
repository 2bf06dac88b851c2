#!/usr/bin/env python3
"""Turns the development corpus of public HLS suites into hlsv design directories.

The corpus stays outside the repository: this script copies a suite's files into OUT (a
scratch folder) and writes an hlsv.json next to them, so benchmarks can run hlsv on code we did
not write. Nothing here knows a design by name; each suite is read by its layout:

  MachSuite    <bench>/<variant>/{kernel .c, local_support.c, hls.tcl, input.data, check.data}
               plus common/{harness.c, support.c, support.h}: a self-checking program whose
               kernel sits in its own file (top from hls.tcl's set_top).
  PolyBench    <group>/.../<kernel>/<kernel>.c with init, kernel_<name>, print and main in one
               file, plus utilities/polybench.{c,h}: the array dump on stderr is the oracle.
  Vitis        <example>/src/<kernel>.cpp with an extern "C" top and no C testbench (the host
               program drives an FPGA): function-level designs, checked and injected only.

Usage: make_designs.py CORPUS_DIR OUT_DIR   (CORPUS_DIR holds MachSuite/, PolyBenchC-4.2.1/, ...)
"""
import json
import re
import shutil
import sys
from pathlib import Path


def write_design(out: Path, spec: dict) -> None:
    (out / "hlsv.json").write_text(json.dumps(spec, indent=2) + "\n")


def machsuite(root: Path, out: Path) -> int:
    common = root / "common"
    n = 0
    for tcl in sorted(root.glob("*/*/hls.tcl")):
        bench = tcl.parent
        text = tcl.read_text(errors="replace")
        top = re.search(r"^\s*set_top\s+(\w+)", text, re.M)
        kernels = [f for f in re.findall(r"^\s*add_files\s+(\S+\.c)\s*$", text, re.M)]
        if not top or not kernels:
            continue
        dest = out / "machsuite" / f"{bench.parent.name}_{bench.name}"
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(bench, dest, ignore=shutil.ignore_patterns("Makefile", "generate.c"))
        shutil.copytree(common, dest / "common", ignore=shutil.ignore_patterns("test"))
        write_design(dest, {
            "name": dest.name, "top": top.group(1), "language": "c",
            "sources": kernels,
            "testbench": ["local_support.c", "common/harness.c", "common/support.c"],
            "cflags": ["-Icommon"], "data": ["input.data", "check.data"],
            "timeout_s": 60,
        })
        n += 1
    return n


def polybench(root: Path, out: Path) -> int:
    util = root / "utilities"
    n = 0
    for src in sorted(root.glob("**/*.c")):
        if src.parent == util or src.name.endswith(".orig.c"):
            continue
        text = src.read_text(errors="replace")
        top = re.search(r"^(?:static\s+)?void\s+(kernel_\w+)\s*\(", text, re.M)
        if not top or "main" not in text:
            continue
        dest = out / "polybench" / src.stem
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        for f in src.parent.iterdir():
            if f.suffix in (".c", ".h") and not f.name.endswith(".orig.c"):
                shutil.copy2(f, dest / f.name)
        (dest / "utilities").mkdir()
        for f in ("polybench.c", "polybench.h"):
            shutil.copy2(util / f, dest / "utilities" / f)
        write_design(dest, {
            "name": src.stem, "top": top.group(1), "language": "c",
            "sources": [src.name], "testbench": ["utilities/polybench.c"],
            "cflags": ["-Iutilities", "-DMINI_DATASET", "-DPOLYBENCH_DUMP_ARRAYS"],
            "compare": ["exit", "stdout", "stderr"], "timeout_s": 60,
        })
        n += 1
    return n


def vitis(root: Path, out: Path) -> int:
    n = 0
    for src in sorted(root.glob("**/src/*.cpp")):
        text = src.read_text(errors="replace")
        if "host" in src.name or 'extern "C"' not in text or "main(" in text:
            continue
        m = re.search(r'extern\s+"C"\s*\{?\s*(?:void|int)\s+(\w+)\s*\(', text)
        if not m:
            continue
        example = src.parent.parent.name
        dest = out / "vitis" / f"{example}__{src.stem}"
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        for f in src.parent.iterdir():
            if f.suffix in (".h", ".hpp") or f == src:
                shutil.copy2(f, dest / f.name)
        write_design(dest, {"name": dest.name, "top": m.group(1), "sources": [src.name],
                            "testbench": [], "timeout_s": 30})
        n += 1
    return n


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    counts = {}
    for name, fn in (("MachSuite", machsuite), ("PolyBenchC-4.2.1", polybench),
                     ("Vitis_Accel_Examples", vitis)):
        if (corpus / name).is_dir():
            counts[name] = fn(corpus / name, out)
    if not counts:
        print(f"make_designs: {corpus}: no known suite (MachSuite/, PolyBenchC-4.2.1/, "
              "Vitis_Accel_Examples/)", file=sys.stderr)
        return 2
    for name, n in counts.items():
        print(f"{name}: {n} designs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
