#!/usr/bin/env bash
# make dataset: regenerates dataset/hlsv-bench/ from benchmarks/designs/ with the rules backend
# and a fixed seed, into a fresh store, so the result is the same byte for byte on any machine.
set -euo pipefail
HLSV=${1:-build/hlsv}
OUT=dataset/hlsv-bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$OUT.new"
"$HLSV" generate benchmarks/designs --backend rules --seed 1 --per-type 1 --combos 1 \
    --out "$OUT.new" --db "$tmp/store.db" --no-feedback
# run.json holds what differs between runs (timings, run id): not part of the curated dataset.
rm -f "$OUT.new/run.json"
rm -rf "$OUT"
mv "$OUT.new" "$OUT"
echo "dataset/hlsv-bench: $(wc -l < "$OUT/samples.jsonl") samples"
