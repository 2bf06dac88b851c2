#!/usr/bin/env bash
# generate_bench.sh: verdicts per minute of `hlsv generate --backend rules` on benchmarks/designs
# (all bug types) and the share of time per pipeline stage, next to a naive baseline measured in
# the same run on the same machine: one full g++ build + run per variant (plus one golden build +
# run per design to compare against), for a sample of the same variants.
#
# usage: benchmarks/generate_bench.sh [HLSV_BINARY] [SAMPLE_SIZE]
#   HLSV_BINARY  default: $HLSV_BIN, else build/hlsv       SAMPLE_SIZE  default: 20
# Environment: JOBS (default 2) is used for both flows, so the comparison is fair.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
hlsv=${1:-${HLSV_BIN:-$root/build/hlsv}}
sample_size=${2:-20}
jobs=${JOBS:-2}
py=/usr/bin/python3 # the system interpreter: the helpers below use the standard library only
[[ -x $hlsv ]] || { echo "generate_bench: no hlsv binary at $hlsv (build it first)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hlsv-generate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---- hlsv generate, cold store, warm compiler cache ------------------------------------------
cd "$root"
echo "hlsv generate benchmarks/designs --backend rules --jobs $jobs ..."
start=$(date +%s.%N)
"$hlsv" -q generate benchmarks/designs --backend rules --jobs "$jobs" \
    --db "$work/rag.db" --out "$work/out" > "$work/generate.log"
end=$(date +%s.%N)

# ---- naive baseline: a full g++ build + run per variant ----------------------------------------
# The variants: the first SAMPLE_SIZE functional samples (C simulation is what the naive flow
# replaces; pragma types are checked statically in both).
"$py" - "$work" "$sample_size" <<'PY'
import json, os, shutil, sys
work, n = sys.argv[1], int(sys.argv[2])
pragma = {"APT", "FND", "DID", "DFP", "IDAP", "RAMB", "SMA", "AMS", "MLP", "ILNU"}
picked = []
with open(os.path.join(work, "out", "samples.jsonl")) as f:
    for line in f:
        s = json.loads(line)
        if not any(t in pragma for t in s["bug_types"]):
            picked.append(s)
picked = picked[:n]
designs = {}
for i, s in enumerate(picked):
    d = os.path.join(work, "naive", "v%03d" % i)
    shutil.copytree(s["design_dir"], d)
    with open(os.path.join(d, s["source_file"]), "w") as f:
        f.write(s["buggy_code"])
    designs[s["design_dir"]] = True
for i, dd in enumerate(sorted(designs)):
    shutil.copytree(dd, os.path.join(work, "naive", "golden%03d" % i))
PY

build_and_run() { # DIR: compile sources + testbench the way a user would, run, keep the output
    local dir=$1 cc=g++ std=-std=c++17
    local spec="$dir/hlsv.json"
    mapfile -t files < <("$py" -c 'import json,sys
j=json.load(open(sys.argv[1]))
for f in j["sources"] + j.get("testbench", []): print(f)' "$spec")
    mapfile -t flags < <("$py" -c 'import json,sys
for f in json.load(open(sys.argv[1])).get("cflags", []): print(f)' "$spec")
    if [[ $("$py" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("language",""))' "$spec") == c ]]; then
        cc=gcc std=-std=gnu11
    fi
    (cd "$dir" && "$cc" $std -O1 -w -I"$root/harness/include" -I. "${flags[@]}" "${files[@]}" \
        -o variant.exe > build.log 2>&1 && timeout 10 ./variant.exe > run.out 2>&1) || true
}
export -f build_and_run
export root py

naive_n=$(find "$work/naive" -maxdepth 1 -name 'v*' | wc -l)
nstart=$(date +%s.%N)
find "$work/naive" -mindepth 1 -maxdepth 1 -type d | sort |
    xargs -P "$jobs" -I{} bash -c 'build_and_run "$1"' _ {}
nend=$(date +%s.%N)

# ---- report ------------------------------------------------------------------------------------
"$py" - "$work/out/manifest.json" "$start" "$end" "$naive_n" "$nstart" "$nend" "$jobs" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m.update(json.load(open(sys.argv[1].replace("manifest.json", "run.json"))))
start, end, nstart, nend = (float(sys.argv[i]) for i in (2, 3, 5, 6))
naive_n = int(sys.argv[4])
jobs = int(sys.argv[7])
verdicts = m["attempts"]
wall = end - start                      # the whole command, as the user waits for it
rate = verdicts / wall * 60
naive_rate = naive_n / (nend - nstart) * 60 if naive_n else float("nan")
stages = m.get("stage_seconds", {})
busy = sum(stages.values())
print()
print(f"{verdicts} verdicts ({m['samples']} valid samples), jobs={jobs}; hlsv's figure covers "
      "every type (pragma types are checked statically), the naive one functional variants only")
print(f"{'flow':<34}{'verdicts':>9}{'seconds':>10}{'verdicts/min':>14}")
print(f"{'hlsv generate --backend rules':<34}{verdicts:>9}{wall:>10.1f}{rate:>14.0f}")
print(f"{'naive g++ build+run per variant':<34}{naive_n:>9}{nend - nstart:>10.1f}{naive_rate:>14.0f}")
print(f"ratio: {rate / naive_rate:.1f}x   (goal: >= 600 verdicts/min)")
print()
print(f"time per stage (thread-seconds summed over {jobs} workers; manifest wall {m['wall_seconds']:.1f} s):")
for k, v in sorted(stages.items(), key=lambda kv: -kv[1]):
    print(f"  {k:<10}{v:>9.2f} s  {100 * v / busy if busy else 0:5.1f}% of stage time"
          f"  {100 * v / (m['wall_seconds'] * jobs) if m['wall_seconds'] else 0:5.1f}% of wall x jobs")
print("  (validate = C simulation for functional types + static pragma check; goal >= 80%)")
PY
