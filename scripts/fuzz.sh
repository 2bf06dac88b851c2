#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) in a second tree with clang, ASan and UBSan, and runs each
# for SECONDS over a seed corpus made from our own fixtures. Crashes land in
# fuzz/regressions/<target>/ (commit them: every later run replays them first).
#
#   usage: scripts/fuzz.sh [SECONDS] [--quick] [--only TARGET]
#     SECONDS   per target (default 60; make test uses 5, make fuzz 300)
#     --quick   make test's run: the unit tests of the text readers (core, parse, check, llm,
#               prompt) under ASan+UBSan, and the targets that need no C simulation module
#               (the applier and the store pull in nearly all of hlsv; make fuzz runs them)
#   env: FUZZ_BUILD (default build-fuzz), JOBS (default nproc)
# Exit 1 when a target crashes, a regression input fails, or a sanitized unit test fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
secs=60
unit=0
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) unit=1 ;;
    --only) only="$2"; shift ;;
    [0-9]*) secs="$1" ;;
    *) echo "fuzz.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
build="$(realpath -m "${FUZZ_BUILD:-build-fuzz}")"
jobs="${JOBS:-$(nproc)}"
targets=(fuzz_pragma fuzz_facts fuzz_bugfile fuzz_reply fuzz_apply fuzz_hlsv_json fuzz_vitis
  fuzz_cassette fuzz_store)
unit_tests=(test_core parse_tests check_test llm_tests prompt_tests)
if [ "$unit" = 1 ]; then
  targets=(fuzz_pragma fuzz_facts fuzz_bugfile fuzz_reply fuzz_hlsv_json fuzz_vitis fuzz_cassette)
fi
[ -n "$only" ] && targets=("$only")

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found (scripts/install-deps.sh test installs it)" >&2
  exit 2
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize \
    -DHLSV_FUZZ=ON -DHLSV_TESTS=ON >/dev/null
fi
want=("${targets[@]}")
[ "$unit" = 1 ] && want+=("${unit_tests[@]}")
cmake --build "$build" -j "$jobs" --target "${want[@]}"

# ---- seed corpora: our fixtures and designs, never third-party code ----
seeds="$build/fuzz-seeds"
# Only the chosen targets' seeds are rebuilt, so runs of different targets can share the tree.
for t in "${targets[@]}"; do
  rm -rf "${seeds:?}/$t"
  mkdir -p "$seeds/$t"
done
seed() { # seed TARGET < content   (often at the end of a pipe: no counters, a fresh name)
  cat >"$(mktemp "$seeds/$1/seed.XXXXXX")"
}
have() { # is target $1 being run?
  local t
  for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
  return 1
}
for d in benchmarks/designs/*/; do
  for f in "$d"*.cpp "$d"*.c; do
    if [ ! -f "$f" ]; then continue; fi
    if have fuzz_facts; then seed fuzz_facts <"$f"; fi
    if have fuzz_pragma; then
      while IFS= read -r line; do
        printf '%s' "$line" | seed fuzz_pragma
      done < <(grep -ho '#pragma HLS.*' "$f" | sed 's/^#pragma //' | head -5)
    fi
  done
  if [ -f "$d/hlsv.json" ] && have fuzz_hlsv_json; then seed fuzz_hlsv_json <"$d/hlsv.json"; fi
done
for bug in ragdb/seed/*/*/Bugs/bug_*.txt; do
  src=$(find "$(dirname "$(dirname "$bug")")/Source_Code" -type f | head -1)
  if have fuzz_bugfile; then seed fuzz_bugfile <"$bug"; fi
  if have fuzz_reply; then
    { printf 'Here is the bug:\n```json\n'; cat "$bug"; printf '\n```\n'; } | seed fuzz_reply
  fi
  if have fuzz_apply && [ -n "$src" ]; then
    { cat "$bug"; printf '\0'; cat "$src"; } | seed fuzz_apply
  fi
done
if have fuzz_reply; then
  printf '%s' '{"choices":[{"message":{"role":"assistant","content":"{\"Error Specification\":[]}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4}}' | seed fuzz_reply
  printf '%s' '{"error":{"message":"rate limited","type":"requests"}}' | seed fuzz_reply
fi
if have fuzz_vitis; then
  printf '0[hls]\nsyn.top=k\nsyn.file=k.cpp\ntb.file=k_tb.cpp\nsyn.cflags=-DN=4\n' | seed fuzz_vitis
  printf '1set top k\nopen_project proj\nset_top $top\nadd_files k.cpp -cflags "-DN=4"\nadd_files -tb ${top}_tb.cpp\nopen_solution sol1\ncsim_design\n' | seed fuzz_vitis
fi
if have fuzz_cassette; then
  printf '%s\n' '{"hash":"00","request":{"model":"m","messages":[{"role":"user","content":"x"}]},"response":{"content":"{}","finish_reason":"stop"}}' | seed fuzz_cassette
fi
if have fuzz_store; then
  python3 - "$seeds/fuzz_store/store.db" ragdb/schema.sql <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2]).read())
db.execute("PRAGMA user_version=1")
db.commit()
db.close()
PY
fi

# ---- sanitized unit tests ----
status=0
if [ "$unit" = 1 ]; then
  for t in "${unit_tests[@]}"; do
    bin=$(find "$build/tests" -type f -name "$t" -perm -u+x | head -1)
    printf '%-16s ' "$t"
    if (cd "$build" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$bin" --gtest_brief=1 >"$build/$t.sanitize.log" 2>&1); then
      echo "clean under ASan+UBSan: $(grep -o '\[  PASSED  \] [0-9]* tests\?' "$build/$t.sanitize.log" | grep -o '[0-9]*') tests passed"
    else
      echo "FAILED: $build/$t.sanitize.log"
      tail -30 "$build/$t.sanitize.log" >&2
      status=1
    fi
  done
fi

# ---- fuzzing ----
printf '%-16s %10s %8s %10s  %s\n' target runs "exec/s" coverage result
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  reg="fuzz/regressions/$t"
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus" "$reg"
  # Known crashers first: each must now pass.
  if compgen -G "$reg/*" >/dev/null; then
    if ! "$bin" -runs=0 "$reg"/* >"$build/$t.regress.log" 2>&1; then
      echo "$t: a regression input fails again: $build/$t.regress.log" >&2
      status=1
    fi
  fi
  log="$build/$t.log"
  set +e
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$reg/" "$corpus" "$seeds/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  if [ $rc -eq 0 ]; then
    result="no crash"
  else
    result="CRASH (rc $rc): $(grep -m1 -E 'ERROR|==ERROR|runtime error|uncaught|deadly' "$log" | cut -c1-120); input in $reg/"
    status=1
  fi
  printf '%-16s %10s %8s %10s  %s\n' "$t" "$runs" "$speed" "$cov" "$result"
done
exit $status
