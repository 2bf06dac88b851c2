#!/usr/bin/env bash
# Differential test of hlsv's ap_int/ap_fixed against the reference implementation:
# compiles ap_diff_gen.cpp once with our headers and once with
# $HLSV_CORPUS/HLS_arbitrary_Precision_Types/include, runs both, and diffs the output.
#   usage: ap_diff.sh <our-include-dir> <ap_diff_gen.cpp> [iterations]
# Exit 77 (skipped) when HLSV_CORPUS is unset or lacks the reference headers.
set -euo pipefail
ours="$1"
gen="$2"
iters="${3:-200}"
CXX="${CXX:-g++}"
ref="${HLSV_CORPUS:-}/HLS_arbitrary_Precision_Types/include"
if [ -z "${HLSV_CORPUS:-}" ] || [ ! -f "$ref/ap_int.h" ]; then
  echo "skipped: HLSV_CORPUS with HLS_arbitrary_Precision_Types is not available"
  exit 77
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/hlsv-apdiff.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$CXX" -std=c++17 -O1 -w -I"$ours" "$gen" -o "$work/ours" &
"$CXX" -std=c++17 -O1 -w -I"$ref" "$gen" -o "$work/ref"
wait
"$work/ours" "$iters" >"$work/ours.txt" 2>"$work/ours.err"
"$work/ref" "$iters" >"$work/ref.txt" 2>"$work/ref.err"
count=$(wc -l <"$work/ref.txt")
if ! diff -q "$work/ref.txt" "$work/ours.txt" >/dev/null; then
  echo "MISMATCH: $(diff "$work/ref.txt" "$work/ours.txt" | grep -c '^<') of $count operations differ; first ones:"
  diff "$work/ref.txt" "$work/ours.txt" | head -20
  exit 1
fi
echo "ap_diff: $count random operations agree bit for bit with the reference"
