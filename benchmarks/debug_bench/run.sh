#!/bin/sh
# The debugging assistant on an executable bug set made from the development corpus (MachSuite,
# PolyBench) by make_bugs.py, scored by run_bench.py. Needs HLSV_CORPUS (skips without it).
# Bug specs quote corpus lines: they live under $HLSV_DEBUG_BENCH (default /tmp/hlsv-debug-bench),
# never in the repository. Usage: run.sh [HLSV_BINARY] [extra run_bench.py options]
set -e
if [ -z "$HLSV_CORPUS" ] || [ ! -d "$HLSV_CORPUS" ]; then
    echo "debug_bench: HLSV_CORPUS not set or absent: skipped"
    exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
hlsv=${1:-$here/../../build/hlsv}
[ $# -gt 0 ] && shift
work=${HLSV_DEBUG_BENCH:-/tmp/hlsv-debug-bench}
mkdir -p "$work"
[ -d "$work/designs/machsuite" ] || python3 "$here/../corpus/make_designs.py" "$HLSV_CORPUS" "$work/designs"
[ -d "$work/bugs" ] || python3 "$here/make_bugs.py" "$work/designs" "$work/bugs"
python3 "$here/run_bench.py" "$hlsv" "$work/designs" "$work/bugs" "$work/runs" --json "$work/results.json" "$@"
