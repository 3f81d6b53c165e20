#!/usr/bin/env bash
# Start-up of `./feewatch audit`: how long after the JVM starts the audit begins (framework up,
# configuration and plugins settled; logged by the runtime), and the whole run's wall time.
# Audits CASE (default cases/sample) RUNS times (default 5); prints each run and the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-5}"
CASE="${CASE:-cases/sample}"
LOG_DIR="$(mktemp -d)"
trap 'rm -rf "$LOG_DIR"' EXIT

[ -f distribution/target/feewatch.jar ] || ./feewatch --help >/dev/null

begun=(); walls=(); cpus=()
for i in $(seq 1 "$RUNS"); do
    rm -f "$LOG_DIR/feewatch.log"
    start=$(date +%s%N)
    TIMEFORMAT='%U %S'
    cpu=$( { time FEEWATCH_LOG_DIR="$LOG_DIR" ./feewatch audit "$CASE" --out /dev/null 2>/dev/null; } 2>&1 )
    end=$(date +%s%N)
    cpu_ms=$(awk '{printf "%d", ($1 + $2) * 1000}' <<<"$cpu")
    ms=$(sed -n 's/.*audit begins \([0-9]*\) ms after the JVM started.*/\1/p' "$LOG_DIR/feewatch.log" | head -1)
    wall=$(( (end - start) / 1000000 ))
    begun+=("$ms"); walls+=("$wall"); cpus+=("$cpu_ms")
    printf 'run %d: audit begun at %d ms, whole run %d ms, CPU %d ms\n' "$i" "$ms" "$wall" "$cpu_ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
printf 'median of %d runs: audit begun at %d ms, whole run %d ms, CPU (user + sys) %d ms\n' "$RUNS" \
    "$(median "${begun[@]}")" "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
