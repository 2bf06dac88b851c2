#!/usr/bin/env bash
# A real single-host Slurm cluster (munged + slurmctld + slurmd on loopback, 2 CPUs, configless
# slurmd) runs `hlsv generate --slurm` as an array of 4 tasks; one task is requeued while it
# runs; the merged dataset must equal the one a single machine produces with the same seed.
# Then `hlsv eval --slurm` scores that dataset in 3 tasks; the merged result must equal a
# single-machine eval.
#
# usage: slurm_test.sh HLSV_BINARY DESIGNS_DIR
# Exit 77 (skipped) when Slurm or munge is not installed, the daemons cannot be started, or we
# are not root. Every daemon it starts is stopped on exit, whatever the outcome.
set -euo pipefail
hlsv=$1
designs=$2
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root to start slurmctld/slurmd"
for t in munged slurmctld slurmd sbatch squeue scontrol; do
  command -v "$t" >/dev/null || skip "$t not installed (scripts/install-deps.sh test installs slurm-wlm and munge)"
done

work=$(mktemp -d /tmp/hlsv-slurm-test.XXXXXX)
cleanup() {
  # Jobs first (a failed run may leave tasks going; slurmstepd outlives a killed slurmd), then
  # the daemons, then whatever still runs from our directory: nothing of the test survives it.
  if [ -f "$work/slurmctld.pid" ]; then
    scancel --quiet --full $(squeue -h -o %A 2>/dev/null) 2>/dev/null || true
    for _ in $(seq 50); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.1; done
  fi
  for p in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munge/pid; do
    [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true
  done
  # Wait (bounded) for the daemons to go before removing their directories.
  for _ in $(seq 100); do
    pgrep -f "$work" >/dev/null || break
    sleep 0.1
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A free TCP port on loopback (bash's /dev/tcp refuses a closed port at once).
free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port" >&2; exit 1
}
ctld_port=$(free_port)
d_port=$(free_port)
node=$(hostname -s)

mkdir -p "$work"/{munge,state,spool,log}
chmod 711 "$work" "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
munged --key-file="$work/munge/munge.key" --socket="$work/munge/sock" \
  --pid-file="$work/munge/pid" --log-file="$work/munge/log" --seed-file="$work/munge/seed" \
  || skip "munged would not start (a container without what it needs?)"

cat > "$work/slurm.conf" <<CONF
ClusterName=hlsvtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
AuthType=auth/munge
AuthInfo=socket=$work/munge/sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
SlurmctldParameters=enable_configless
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -i -f "$SLURM_CONF" || skip "slurmctld would not start"
# Configless: slurmd fetches its configuration from slurmctld (it may still be starting, and
# slurmd may look for munge at its default socket: then from the file).
slurmd --conf-server "127.0.0.1:$ctld_port" -N "$node" 2>/dev/null \
  || slurmd -f "$SLURM_CONF" -N "$node" || skip "slurmd would not start"

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...: polls the condition, bounded
  local secs=$1 what=$2; shift 2
  local end=$((SECONDS + secs))
  until "$@"; do
    if [ $SECONDS -ge $end ]; then
      echo "FAIL: timed out after ${secs}s waiting for $what"
      tail -n 20 "$work"/log/*.log || true
      exit 1
    fi
    sleep 0.2
  done
}
node_idle() { sinfo -h -o %t 2>/dev/null | grep -qx idle; }
# A cluster that never comes up here is an environment we cannot test in, not a failure of hlsv.
for _ in $(seq 300); do node_idle && break; sleep 0.2; done
node_idle || { tail -n 5 "$work"/log/*.log || true; skip "the Slurm node never became idle"; }

# The suite: five of our designs, four bug types, a fixed seed.
suite="$work/suite"
mkdir -p "$suite"
for d in fir_filter crc32 histogram moving_average prefix_sum; do
  cp -r "$designs/$d" "$suite/$d"
done
args=(generate "$suite" --bugs OOB,INIT,FND,DID --per-type 1 --seed 7 -q)

# Each side gets its own cold C-simulation cache, so the cluster's tasks run the goldens
# themselves (a requeue can then hit one, as in the lost-designs race of docs/scale.md) and the
# test leaves nothing in root's ~/.cache.
t0=$SECONDS
HLSV_CACHE_DIR="$work/cache-single" \
  "$hlsv" "${args[@]}" --jobs 2 --db "$work/single.db" --out "$work/single" > /dev/null
echo "single-machine run: $((SECONDS - t0))s"
export HLSV_CACHE_DIR="$work/cache-cluster" # sbatch passes the environment to the tasks

# The dry run prints both scripts and submits nothing.
"$hlsv" "${args[@]}" --slurm --shards 4 --out "$work/cluster" --dry-run > "$work/dry.txt"
grep -q -- '--array=0-3' "$work/dry.txt" || { echo "FAIL: dry run has no array line"; exit 1; }
grep -q ' merge ' "$work/dry.txt" || { echo "FAIL: dry run has no merge step"; exit 1; }
[ ! -e "$work/cluster/slurm/plan.json" ] || { echo "FAIL: dry run submitted"; exit 1; }

"$hlsv" "${args[@]}" --slurm --shards 4 --time 00:10:00 --out "$work/cluster" | tee "$work/submit.txt"
t_submit=$SECONDS
array=$(sed -n 's/^submitted array job \([0-9]*\) .*/\1/p' "$work/submit.txt")
[ -n "$array" ] || { echo "FAIL: no array job id"; exit 1; }

# Requeue task 3 while it runs (its store exists and its run is not finished); with 2 CPUs and
# 4 tasks it starts last, so the merge cannot have started.
task_running() { [ "$(squeue -h -j "${array}_3" -o %T 2>/dev/null)" = RUNNING ]; }
wait_for 300 "task 3 to start" task_running
shard3="$work/cluster/shards/shard-3.db"
store_open() { [ -f "$shard3" ] || ! task_running; }
wait_for 120 "task 3's store" store_open
scontrol requeue "${array}_3"
echo "requeued task 3 of job $array after $((SECONDS - t_submit))s:" \
  "$(squeue -h -j "${array}_3" -o '%T %r' 2>/dev/null || true)"
"$hlsv" status "$work/cluster"

# Every job gone (a failed task gets the merge job cancelled: --kill-on-invalid-dep), then the
# merge must have written the dataset.
queue_empty() { [ -z "$(squeue -h 2>/dev/null)" ]; }
wait_for 600 "the array and the merge job" queue_empty
echo "cluster run (submit to merged dataset): $((SECONDS - t_submit))s"
if [ ! -f "$work/cluster/manifest.json" ]; then
  echo "FAIL: the merge job wrote no dataset"
  tail -n 5 "$work"/cluster/slurm/logs/*.log || true
  exit 1
fi
"$hlsv" status "$work/cluster" | tee "$work/status.txt"
grep -q '^total' "$work/status.txt" || { echo "FAIL: status has no total"; exit 1; }
grep -q 'restart' "$work/cluster/slurm/logs/shard-3.log" 2>/dev/null || true

# The merged dataset equals the single-machine one (run.json holds wall times and paths).
strip() { (cd "$1" && find . -type f ! -name run.json ! -path './slurm/*' ! -path './shards/*' \
  ! -name 'rag.db*' | sort); }
if ! diff <(strip "$work/single") <(strip "$work/cluster"); then
  echo "FAIL: the merged dataset has other files than the single-machine one"
  tail -n 5 "$work"/cluster/slurm/logs/*.log
  exit 1
fi
while read -r f; do
  cmp -s "$work/single/$f" "$work/cluster/$f" || { echo "FAIL: $f differs"; exit 1; }
done < <(strip "$work/single")
n=$(wc -l < "$work/single/samples.jsonl")
[ "$n" -gt 0 ] || { echo "FAIL: no samples"; exit 1; }
echo "merged Slurm dataset equals the single-machine one ($n samples, ${SECONDS}s)"

# `hlsv eval --slurm` on the merged dataset (rule backend, its first 6 samples, 3 tasks): the
# merge job's result and eval.json entry equal a single-machine eval of the same samples.
eargs=(eval "$work/cluster" --backend rules --limit 6 --format json -q)
t0=$SECONDS
"$hlsv" "${eargs[@]}" --no-save -o "$work/eval-single.json"
echo "single-machine eval: $((SECONDS - t0))s"
"$hlsv" "${eargs[@]}" -o "$work/eval-cluster.json" --slurm --shards 3 --time 00:10:00 \
  | tee "$work/eval-submit.txt"
grep -q '^submitted array job' "$work/eval-submit.txt" || { echo "FAIL: eval not submitted"; exit 1; }
t_submit=$SECONDS
wait_for 600 "the eval array and its merge job" queue_empty
echo "cluster eval (submit to merged result): $((SECONDS - t_submit))s"
if [ ! -f "$work/eval-cluster.json" ] || [ ! -f "$work/cluster/eval.json" ]; then
  echo "FAIL: the eval merge job wrote no result"
  tail -n 5 "$work"/cluster/eval-shards/rules/slurm/logs/*.log || true
  exit 1
fi
# Wall time is the one field the two runs do not share.
if ! diff <(grep -v '"seconds"' "$work/eval-single.json") \
          <(grep -v '"seconds"' "$work/eval-cluster.json"); then
  echo "FAIL: the merged Slurm eval differs from the single-machine one"
  exit 1
fi
grep -q '"samples_key"' "$work/cluster/eval.json" || { echo "FAIL: eval.json has no entry"; exit 1; }
echo "1 passed, 0 failed: merged Slurm eval equals the single-machine one (${SECONDS}s)"
