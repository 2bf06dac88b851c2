#!/usr/bin/env bash
# make bench: every benchmark program, each printing its numbers next to a baseline measured in
# the same run. Slow (tens of minutes on 2 cores); not part of make test.
set -uo pipefail
BUILD=${1:-build}
status=0
for b in parse_bench csim_bench rag_bench llm_bench inject_bench check_bench; do
  if [ -x "$BUILD/benchmarks/$b" ]; then
    echo "== $b"
    "$BUILD/benchmarks/$b" || status=1
    echo
  fi
done
echo "== benchmarks/harness_compile_bench.sh"
bash benchmarks/harness_compile_bench.sh || status=1
echo
echo "== benchmarks/generate_bench.sh"
bash benchmarks/generate_bench.sh "$BUILD/hlsv" || status=1
exit $status
