#!/usr/bin/env bash
# Times `clusterlab grade` on N copies of one submission (default: 30 copies of hw1's honest sample, --jobs 2), once
# in the bubblewrap sandbox and once with --no-sandbox, and prints the time per submission, the CPU time the machine
# spent, the time the worker took to run the student's notebook, and the time per call of the student's code (from
# work/*/workers.json).
# usage: scripts/grade-bench.sh [source.ipynb] [submission.ipynb]     (N=30 JOBS=2 ROUNDS=1 in the environment)
# R2R=1 times the tool published with ReadyToRun (README, "Grading time") instead of a plain Release build, and the
# baseline too when asked for.
# BASELINE=0f5b2a6 also times the grader of that commit (before the sandbox: one in-process run per submission) on
# N copies of its own hw1 sample `complete.ipynb`, built the same way in a git worktree under $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30}; JOBS=${JOBS:-2}; ROUNDS=${ROUNDS:-1}; R2R=${R2R:-0}
busy() { awk '/^cpu /{print ($2+$3+$4+$7+$8)/100}' /proc/stat; }   # CPU seconds the whole machine has spent (USER_HZ 100)
# Builds the tool of the checkout in $1 and prints the path of its ClusterLab.Tool.dll.
build() {
  if [ "$R2R" = 1 ]; then
    dotnet publish "$1/src/ClusterLab.Tool" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
      -o "$1/artifacts/clusterlab-r2r" >/dev/null
    echo "$1/artifacts/clusterlab-r2r/ClusterLab.Tool.dll"
  else
    dotnet build -c Release "$1/src/ClusterLab.Tool" >/dev/null
    ls -d "$1"/src/ClusterLab.Tool/bin/Release/net*/ClusterLab.Tool.dll | head -1
  fi
}
src=${1:-assignments/hw1-gaussian-mle/source/hw1-gaussian-mle.ipynb}
sub=${2:-tests/ClusterLab.Tool.Tests/Submissions/hw1-gaussian-mle/own-work/honest.ipynb}
tool=$(build "$PWD")
echo "tool: $tool"
tmp=$(mktemp -d); mkdir "$tmp/subs"
for i in $(seq -w 1 "$N"); do cp "$sub" "$tmp/subs/s$i.ipynb"; done
for round in $(seq 1 "$ROUNDS"); do
  for mode in sandbox none; do
    flag=(); [ "$mode" = none ] && flag=(--no-sandbox)
    rm -rf "$tmp/out"
    c0=$(busy); t0=$(date +%s.%N)
    dotnet "$tool" grade "$src" "$tmp/subs" --out "$tmp/out" --jobs "$JOBS" --secret bench "${flag[@]}" >/dev/null 2>&1
    t1=$(date +%s.%N); c1=$(busy)
    /usr/bin/python3 - "$tmp/out" "$mode" "$t0" "$t1" "$N" "$c0" "$c1" <<'PY'
import json, glob, sys, statistics as st
out, mode, t0, t1, n = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
cpu = float(sys.argv[7]) - float(sys.argv[6])
ready, per_call, calls = [], [], 0
for f in glob.glob(out + "/work/*/workers.json"):
    r = json.load(open(f))["worker"]
    if r["calls"]:
        ready.append(r["ready_seconds"]); per_call.append(r["call_seconds"] / r["calls"]); calls += r["calls"]
statuses = open(out + "/gradebook.csv").read().count(",ok,")
print(f"{mode:8} {n} submissions: {t1 - t0:6.1f} s in all, {(t1 - t0) / n:5.2f} s each, {cpu / n:5.2f} CPU-s each; {statuses} ok; "
      f"student notebook ready in {st.median(ready):.2f} s (median); {calls} calls, {1000 * st.median(per_call):.1f} ms per call (median)")
PY
  done
done
rm -rf "$tmp"
if [ -n "${BASELINE:-}" ]; then
  old="${TMPDIR:-/tmp}/clusterlab-baseline-$BASELINE"
  [ -d "$old" ] || git worktree add -f "$old" "$BASELINE" >/dev/null
  (cd "$old" && dotnet build src/ClusterLab.Notebooks >/dev/null)
  oldtool=$(build "$old")
  tmp=$(mktemp -d); chmod 755 "$tmp"; mkdir "$tmp/subs"
  for i in $(seq -w 1 "$N"); do cp "$old/tests/ClusterLab.Tool.Tests/Submissions/hw1-gaussian-mle/complete.ipynb" "$tmp/subs/s$i.ipynb"; done
  for round in $(seq 1 "$ROUNDS"); do
    rm -rf "$tmp/out"
    c0=$(busy); t0=$(date +%s.%N)
    (cd "$old" && dotnet "$oldtool" grade assignments/hw1-gaussian-mle/source/hw1-gaussian-mle.ipynb "$tmp/subs" --out "$tmp/out" --jobs "$JOBS" >/dev/null 2>&1)
    t1=$(date +%s.%N); c1=$(busy)
    echo "baseline $BASELINE ($oldtool): $N submissions: $(echo "$t1 - $t0" | bc) s in all, $(echo "scale=2; ($c1 - $c0) / $N" | bc) CPU-s each; $(grep -c ',ok$' "$tmp/out/gradebook.csv") ok"
  done
  rm -rf "$tmp"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
