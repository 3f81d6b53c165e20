#!/usr/bin/env bash
# How long a running `./feewatch serve` takes to pick up a region pack copied into plugins/ (until
# GET /api/health lists "region CN-BJ 1.0.0") and to drop it again after the file is deleted.
# Runs RUNS times (default 5) on PORT (default 18081) and prints each run and the medians, in ms.
# Needs the distribution and the CN-BJ pack built (mvn -pl bundles/feewatch.region.bj -am package).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-5}"
PORT="${PORT:-18081}"
JAR="$(ls bundles/feewatch.region.bj/target/feewatch.region.bj-*.jar | head -1)"
PLUGINS="${FEEWATCH_PLUGINS:-plugins}"
health() { curl -s "http://127.0.0.1:$PORT/api/health" 2>/dev/null || true; }

[ -f distribution/target/feewatch.jar ] || ./feewatch --help >/dev/null
mkdir -p "$PLUGINS"
rm -f "$PLUGINS/pickup-test.jar"
./feewatch serve --port "$PORT" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$PLUGINS/pickup-test.jar"' EXIT
for _ in $(seq 1 300); do [ -n "$(health)" ] && break; sleep 0.1; done

ins=(); outs=()
for i in $(seq 1 "$RUNS"); do
    cp "$JAR" "$PLUGINS/.pickup-test.part" && start=$(date +%s%N) && mv "$PLUGINS/.pickup-test.part" "$PLUGINS/pickup-test.jar"
    until health | grep -q 'region CN-BJ'; do sleep 0.02; done
    in_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    start=$(date +%s%N); rm -f "$PLUGINS/pickup-test.jar"
    while health | grep -q 'region CN-BJ'; do sleep 0.02; done
    out_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    ins+=("$in_ms"); outs+=("$out_ms")
    echo "run $i: active after $in_ms ms, gone after $out_ms ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "median of $RUNS runs: active after $(median "${ins[@]}") ms, gone after $(median "${outs[@]}") ms"
