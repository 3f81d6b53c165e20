#!/usr/bin/env bash
# Start-up and end of `./feewatch audit`: how long after the JVM starts the audit begins
# (framework up, configuration and plugins settled) and the process CPU time by then (both logged
# by the runtime); from the audit's last output ("audit done", logged once the report is closed)
# to the process's exit; the whole run's wall and CPU time. Audits CASE (default cases/sample)
# RUNS times (default 5) after one untimed run (it makes the unpacked runtime and the class-data
# archive when the jar is new: docs/launcher.md); prints each run and the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-5}"
CASE="${CASE:-cases/sample}"
LOG_DIR="$(mktemp -d)"
trap 'rm -rf "$LOG_DIR"' EXIT

[ -f distribution/target/feewatch.jar ] || ./feewatch --help >/dev/null
FEEWATCH_LOG_DIR="$LOG_DIR" ./feewatch audit "$CASE" --out /dev/null >/dev/null 2>&1 || true

begun=(); begun_cpu=(); exits=(); walls=(); cpus=()
for i in $(seq 1 "$RUNS"); do
    rm -f "$LOG_DIR/feewatch.log"
    start=$(date +%s%N)
    TIMEFORMAT='%U %S'
    cpu=$( { time FEEWATCH_LOG_DIR="$LOG_DIR" ./feewatch audit "$CASE" --out /dev/null 2>/dev/null; } 2>&1 )
    end=$(date +%s%N)
    cpu_ms=$(awk '{printf "%d", ($1 + $2) * 1000}' <<<"$cpu")
    ms=$(sed -n 's/.*audit begins \([0-9]*\) ms after the JVM started.*/\1/p' "$LOG_DIR/feewatch.log" | head -1)
    ms_cpu=$(sed -n 's/.*audit begins .*, \([0-9]*\) ms of CPU.*/\1/p' "$LOG_DIR/feewatch.log" | head -1)
    done_at=$(grep -m1 ' audit done ' "$LOG_DIR/feewatch.log" | cut -c1-23 || true)
    exit_ms=0
    [ -n "$done_at" ] && exit_ms=$(( end / 1000000 - $(date -d "$done_at" +%s%3N) ))
    wall=$(( (end - start) / 1000000 ))
    begun+=("$ms"); begun_cpu+=("${ms_cpu:-0}"); exits+=("$exit_ms"); walls+=("$wall"); cpus+=("$cpu_ms")
    printf 'run %d: audit begun at %d ms (%d ms of CPU), done to exit %d ms, whole run %d ms, CPU %d ms\n' \
        "$i" "$ms" "${ms_cpu:-0}" "$exit_ms" "$wall" "$cpu_ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
printf 'median of %d runs: audit begun at %d ms (%d ms of CPU), done to exit %d ms, whole run %d ms, CPU (user + sys) %d ms\n' \
    "$RUNS" "$(median "${begun[@]}")" "$(median "${begun_cpu[@]}")" "$(median "${exits[@]}")" \
    "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
