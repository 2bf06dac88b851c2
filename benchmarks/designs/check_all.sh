#!/usr/bin/env bash
# Compiles every design in benchmarks/designs with its testbench, runs it in a
# scratch copy of the design directory, and prints "N passed, M failed".
#
#   usage: benchmarks/designs/check_all.sh [design ...]
#   env:   CXX, CC            compilers (default g++, gcc)
#          HLSV_INCLUDE       header directory (default harness/include)
#          WERROR=1           treat compiler warnings as failures
#
# Warnings are checked with -Wall -Wextra; the HLS idioms "#pragma HLS" and
# loop labels are exempted (-Wno-unknown-pragmas -Wno-unused-label).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
inc="${HLSV_INCLUDE:-$root/harness/include}"
CXX="${CXX:-g++}"
CC="${CC:-gcc}"
warn=(-Wall -Wextra -Wno-unknown-pragmas -Wno-unused-label)
work="$(mktemp -d "${TMPDIR:-/tmp}/hlsv-designs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ $# -gt 0 ]; then
    designs=("$@")
else
    designs=()
    for d in "$here"/*/; do
        [ -f "$d/hlsv.json" ] && designs+=("$(basename "$d")")
    done
fi

json_list() {  # json_list FILE KEY -> one element per line
    python3 -c 'import json,sys; [print(x) for x in json.load(open(sys.argv[1])).get(sys.argv[2], [])]' "$1" "$2"
}
json_value() {  # json_value FILE KEY DEFAULT
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], sys.argv[3]))' "$1" "$2" "$3"
}

pass=0
fail=0
failed=()
for name in "${designs[@]}"; do
    dir="$here/$name"
    cfg="$dir/hlsv.json"
    if [ ! -f "$cfg" ]; then
        echo "FAIL $name: no hlsv.json"
        fail=$((fail + 1)); failed+=("$name"); continue
    fi
    lang="$(json_value "$cfg" language c++)"
    timeout_s="$(json_value "$cfg" timeout_s 10)"
    mapfile -t srcs < <(json_list "$cfg" sources)
    mapfile -t tbs < <(json_list "$cfg" testbench)
    mapfile -t flags < <(json_list "$cfg" cflags)
    mapfile -t args < <(json_list "$cfg" args)
    mapfile -t data < <(json_list "$cfg" data)
    files=()
    for f in "${srcs[@]}" "${tbs[@]}"; do files+=("$dir/$f"); done
    if [ "$lang" = c ]; then
        cmd=("$CC" -std=c11 -O1)
    else
        cmd=("$CXX" -std=c++17 -O1)
    fi
    exe="$work/$name.bin"
    log="$work/$name.log"
    if ! "${cmd[@]}" "${warn[@]}" "${flags[@]}" -I"$inc" -I"$dir" "${files[@]}" -o "$exe" -lm >"$log" 2>&1; then
        echo "FAIL $name: compile error"; sed 's/^/    /' "$log" | head -20
        fail=$((fail + 1)); failed+=("$name"); continue
    fi
    if [ -s "$log" ]; then
        echo "WARN $name: compiler warnings"; sed 's/^/    /' "$log" | head -20
        if [ "${WERROR:-0}" = 1 ]; then
            fail=$((fail + 1)); failed+=("$name"); continue
        fi
    fi
    run="$work/run_$name"
    mkdir -p "$run"
    for f in "${data[@]}"; do cp "$dir/$f" "$run/"; done
    start=$(date +%s%N)
    (cd "$run" && timeout "$timeout_s" "$exe" "${args[@]}" >"$work/$name.out" 2>&1)
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ $rc -eq 0 ]; then
        echo "PASS $name (${ms} ms, $(wc -l <"$work/$name.out") lines)"
        pass=$((pass + 1))
    else
        echo "FAIL $name: exit $rc"; tail -5 "$work/$name.out" | sed 's/^/    /'
        fail=$((fail + 1)); failed+=("$name")
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] || echo "failed: ${failed[*]}"
[ $fail -eq 0 ]
