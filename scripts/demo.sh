#!/usr/bin/env bash
# make demo: the main job on the built-in defaults — a validated bug dataset generated from our
# benchmark designs with the rule engine (no LLM needed), then its HTML report.
set -euo pipefail
HLSV=${1:-build/hlsv}
OUT=dataset/demo
DB=.hlsv/demo.db

echo "== hlsv generate: benchmarks/designs -> $OUT (rules backend)"
"$HLSV" generate benchmarks/designs --backend rules --out "$OUT" --db "$DB"
echo
echo "== hlsv report"
"$HLSV" report "$OUT" -o "$OUT/report.html"
echo
echo "Dataset: $OUT (samples.jsonl, sft.jsonl, Chrysalis layout under $OUT/<suite>/)"
echo "Report:  $(cd "$OUT" && pwd)/report.html"
