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

begun=(); walls=()
for i in $(seq 1 "$RUNS"); do
    rm -f "$LOG_DIR/feewatch.log"
    start=$(date +%s%N)
    FEEWATCH_LOG_DIR="$LOG_DIR" ./feewatch audit "$CASE" --out /dev/null
    end=$(date +%s%N)
    ms=$(sed -n 's/.*audit begins \([0-9]*\) ms after the JVM started.*/\1/p' "$LOG_DIR/feewatch.log" | head -1)
    wall=$(( (end - start) / 1000000 ))
    begun+=("$ms"); walls+=("$wall")
    printf 'run %d: audit begun at %d ms, whole run %d ms\n' "$i" "$ms" "$wall"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
printf 'median of %d runs: audit begun at %d ms, whole run %d ms\n' "$RUNS" "$(median "${begun[@]}")" "$(median "${walls[@]}")"
