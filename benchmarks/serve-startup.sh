#!/usr/bin/env bash
# How long `./feewatch serve` takes from launch until GET /api/health answers 200 on 127.0.0.1.
# Runs RUNS times (default 5) on PORT (default 18080) and prints each run and the median, in s.
# The distribution must be built (./feewatch builds it when missing; that run is not timed). A
# first, untimed run makes the unpacked runtime and class-data archive of a new jar (docs/launcher.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-5}"
PORT="${PORT:-18080}"
LIMIT_S="${LIMIT_S:-30}"

[ -f distribution/target/feewatch.jar ] || ./feewatch --help >/dev/null

times=()
for i in $(seq 0 "$RUNS"); do
    start=$(date +%s%N)
    ./feewatch serve --port "$PORT" >/dev/null 2>&1 &
    pid=$!
    ok=
    while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$LIMIT_S" ]; do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health" 2>/dev/null)" = 200 ]; then
            ok=1
            break
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.02
    done
    end=$(date +%s%N)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -z "$ok" ]; then
        echo "run $i: no answer on 127.0.0.1:$PORT within ${LIMIT_S} s" >&2
        exit 1
    fi
    ms=$(( (end - start) / 1000000 ))
    [ "$i" -gt 0 ] || continue   # the warm-up run
    times+=("$ms")
    printf 'run %d: %d.%03d s\n' "$i" $((ms / 1000)) $((ms % 1000))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}')
printf 'serve startup median of %d runs: %d.%03d s\n' "$RUNS" $((median / 1000)) $((median % 1000))
