#!/usr/bin/env bash
# Scale benchmark: genbook.py books of 1,000,000 loans (JSONL and CSV) and 10,000,000 loans (JSONL),
# audited with ./feewatch under /usr/bin/time -v, per-rule counts checked against the books'
# expected-counts.json, and a plain per-loan Python evaluator (python/evaluate.py) timed beside it.
#
#   benchmarks/scale/run.sh                 everything (the 10M book alone takes ~4 GB of disk)
#   benchmarks/scale/run.sh --no-big        skip the 10,000,000-loan book
#   benchmarks/scale/run.sh --only-big      only the 10,000,000-loan book
#   benchmarks/scale/run.sh --reader-only   time the loan-book readers alone (no audit): a Java main
#                                           from the feewatch.loanbook test classes
# Options: --runs N (audits of each 1M book, default 3; the median wall time is reported, every run
# listed), --loans N (default 1000000), --big N (default 10000000), --python-limit N (loans the Python
# evaluator times, default 200000; it checks its counts exactly on a separate 20,000-loan book),
# --big-heap SIZE (default 256m), --big-timeout SECONDS (default 1800: a heap too small for the book
# shows as endless garbage collection rather than an error), --steady-runs N (default 5; 0 skips it):
# the 1M JSONL audit N times in one JVM (AuditBench, the audit as `./feewatch audit` does it, without
# the OSGi runtime), whose runs 2..N are the audit with its code compiled, beside the Python figure.
# Books go to benchmarks/scale/work/ (git-ignored) and are reused when present; results are printed
# and appended to work/results.md. The machine is shared: loans/s are given per wall and per CPU second.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
GENBOOK="${GENBOOK:-}"
for g in "$GENBOOK" "$ROOT/../shared/tools/genbook.py" "/work/shared/tools/genbook.py"; do
    if [ -n "$g" ] && [ -f "$g" ]; then GENBOOK="$g"; break; fi
done
LOANS=1000000
RUNS=3
BIG=10000000
BIG_HEAP=256m
BIG_TIMEOUT=1800
PY_LIMIT=200000
STEADY_RUNS=5
DO_BIG=true
DO_MAIN=true
READER_ONLY=false
while [ $# -gt 0 ]; do
    case "$1" in
        --loans) LOANS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --big) BIG="$2"; shift 2 ;;
        --big-heap) BIG_HEAP="$2"; shift 2 ;;
        --big-timeout) BIG_TIMEOUT="$2"; shift 2 ;;
        --python-limit) PY_LIMIT="$2"; shift 2 ;;
        --steady-runs) STEADY_RUNS="$2"; shift 2 ;;
        --no-big) DO_BIG=false; shift ;;
        --only-big) DO_MAIN=false; shift ;;
        --reader-only) READER_ONLY=true; shift ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -f "$GENBOOK" ]; then
    echo "run.sh: genbook.py not found (set GENBOOK=/path/to/genbook.py)" >&2
    exit 2
fi
mkdir -p "$WORK"
RESULTS="$WORK/results.md"
echo "" >> "$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

# the name of a book size: 1m, 10m, 20k
size() { if [ $(($1 % 1000000)) -eq 0 ]; then echo "$(($1 / 1000000))m"; else echo "$(($1 / 1000))k"; fi; }

# a book of N loans in FORMAT, reused when its expected-counts.json says it has N loans
book() {
    local format="$1" n="$2" dir="$WORK/book-$(size "$2")-$1"
    if ! python3 -c "import json,sys; sys.exit(0 if json.load(open('$dir/expected-counts.json'))['loans']==$n else 1)" \
            2>/dev/null; then
        echo "generating $n loans ($format) into $dir ..." >&2
        python3 "$GENBOOK" --loans "$n" --seed 42 --format "$format" --out "$dir" 2>"$WORK/genbook-$(size "$2")-$1.log"
    fi
    echo "$dir"
}

# runs a command under /usr/bin/time -v; prints "wall_s user_s sys_s maxrss_mb"
timed() {
    local label="$1"; shift
    /usr/bin/time -v -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || {
        echo "run.sh: $label failed (exit $?); see $WORK/$label.err" >&2; return 1; }
    python3 - "$WORK/$label.time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def g(k):
    return re.search(re.escape(k) + r":\s*(.+)", t).group(1).strip()
w = g("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
print("%.2f %.2f %.2f %.0f" % (wall, float(g("User time (seconds)")), float(g("System time (seconds)")),
                               int(g("Maximum resident set size (kbytes)")) / 1024))
PY
}

# compares a report's per-rule counts and loan counts with the book's expected-counts.json
compare() {
    python3 - "$1" "$2" <<'PY'
import json, sys
report, expected = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
by_rule = report.get("summary", {}).get("byRule", {})
loans = report.get("inputs", {}).get("loans", {})
ok = True
for rule, want in sorted(expected["findings"].items()):
    got = by_rule.get(rule, 0)
    ok &= got == want
    print("  %-9s expected %9d  got %9d  %s" % (rule, want, got, "ok" if got == want else "MISMATCH"))
extra = {r: c for r, c in by_rule.items() if r not in expected["findings"] and c}
if extra:
    ok = False
    print("  unexpected findings: %s" % extra)
read_ok = loans.get("read") == expected["loans"] and loans.get("rejected") == expected["rejected"]
ok &= read_ok
print("  loans read %s accepted %s rejected %s (expected %d read, %d rejected)  %s" % (
    loans.get("read"), loans.get("accepted"), loans.get("rejected"), expected["loans"], expected["rejected"],
    "ok" if read_ok else "MISMATCH"))
print("  counts: " + ("all match" if ok else "DIFFER"))
PY
}

rate() { python3 -c "print('{:,.0f}'.format($1 / $2))"; }

say "## Machine"
say "- $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
say "- $(java -version 2>&1 | head -1); $(python3 --version)"
say "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared with other builds)"
say ""

J1=$(book jsonl "$LOANS")
C1=$(book csv "$LOANS")

if $READER_ONLY; then
    (cd "$ROOT" && mvn -B -q -o -pl bundles/feewatch.loanbook -am test-compile -DskipTests) >&2
    # the readers log through slf4j-api: the version the parent POM pins, from the local Maven repository
    SLF4J_VERSION=$(sed -n 's:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    SLF4J_JAR="${M2_REPO:-$HOME/.m2/repository}/org/slf4j/slf4j-api/$SLF4J_VERSION/slf4j-api-$SLF4J_VERSION.jar"
    [ -f "$SLF4J_JAR" ] || { echo "run.sh: $SLF4J_JAR not found (build once with mvn to fetch it)" >&2; exit 2; }
    CP="$ROOT/bundles/feewatch.loanbook/target/test-classes:$ROOT/bundles/feewatch.loanbook/target/classes:$ROOT/bundles/feewatch.api/target/classes:$SLF4J_JAR"
    # the JIT and collector of the ./feewatch launcher
    JAVA_DEFAULTS=$(sed -n 's/^JAVA_DEFAULTS="\(.*\)"$/\1/p' "$ROOT/feewatch")
    say "## Loan-book readers alone ($LOANS loans; 3 reads in one JVM, the last one reported; java $JAVA_DEFAULTS)"
    for f in jsonl csv; do
        dir=$J1; [ $f = csv ] && dir=$C1
        r=$(timed "reader-$f" java $JAVA_DEFAULTS -cp "$CP" org.feewatch.loanbook.internal.ReaderBenchmark $f "$dir" 3)
        say "- $f: $(tail -1 "$WORK/reader-$f.out" | sed 's/^run 3: //')"
        say "  whole JVM (3 reads): wall/user/sys s, max RSS MB: $r"
    done
    if $DO_BIG; then
        JB=$(book jsonl "$BIG")
        r=$(timed "reader-big" java $JAVA_DEFAULTS -Xmx$BIG_HEAP -cp "$CP" org.feewatch.loanbook.internal.ReaderBenchmark jsonl "$JB" 1)
        say "- $BIG loans, jsonl, -Xmx$BIG_HEAP: $(tail -1 "$WORK/reader-big.out" | sed 's/^run 1: //')"
        say "  wall/user/sys s, max RSS MB: $r"
    fi
    say "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

FEEWATCH="$ROOT/feewatch"
[ -x "$FEEWATCH" ] || { echo "run.sh: $FEEWATCH not found (the runtime has not landed?)" >&2; exit 2; }
# the audit phase of a run from its log: "audit begins N ms after the JVM started, C ms of CPU" to
# "audit done …"; prints "begins_s done_s phase_s phase_cpu_s"
phase() {
    python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
b = re.findall(r"audit begins (\d+) ms after the JVM started(?:, (\d+) ms of CPU)?", t)
d = re.findall(r"audit done (\d+) ms after the JVM started(?:, (\d+) ms of CPU)?", t)
if not b or not d:
    print("nan nan nan nan")
else:
    (b_ms, b_cpu), (d_ms, d_cpu) = b[-1], d[-1]
    cpu = (int(d_cpu) - int(b_cpu)) / 1000 if b_cpu and d_cpu else float("nan")
    print("%.3f %.3f %.3f %.3f" % (int(b_ms) / 1000, int(d_ms) / 1000, (int(d_ms) - int(b_ms)) / 1000, cpu))
PY
}

say "## End-to-end audit: ./feewatch audit … --format json --out … --detail … ($RUNS runs each)"
say "whole command under /usr/bin/time -v; the audit phase is from the log's \"audit begins\" to \"audit done\""
say "(the JVM, the runtime's start and its end excluded)"
for f in jsonl csv; do
    $DO_MAIN || break
    dir=$J1; [ $f = csv ] && dir=$C1
    rows=""
    for i in $(seq 1 "$RUNS"); do
        log="$WORK/log-$f-$i"
        rm -rf "$log"
        r=$(FEEWATCH_LOG_DIR="$log" timed "audit-$f-$i" "$FEEWATCH" audit "$dir" --format json \
            --out "$WORK/report-$f.json" --detail "$WORK/detail-$f.csv")
        r="$r $(phase "$log/feewatch.log")"
        rows="$rows$r"$'\n'
        read -r wall user sys rss begins done ph phcpu <<<"$r"
        say "- run $i, $LOANS loans, $f: wall ${wall} s, CPU $(python3 -c "print('%.2f' % ($user + $sys))") s," \
            "max RSS ${rss} MB; audit phase ${ph} s (begins at ${begins} s, CPU ${phcpu} s)," \
            "$(rate "$LOANS" "$wall") loans/s whole command, $(rate "$LOANS" "$ph") loans/s audit phase"
        cp "$WORK/audit-$f-$i.time" "$WORK/audit-$f.time"
    done
    # the median run by wall time
    med=$(printf '%s' "$rows" | sort -n -k1,1 | sed -n "$(( (RUNS + 1) / 2 ))p")
    read -r wall user sys rss begins done ph phcpu <<<"$med"
    echo "$wall $ph" > "$WORK/median-$f.txt"
    say "- median of $RUNS, $f: whole command ${wall} s ($(rate "$LOANS" "$wall") loans/s), audit phase ${ph} s" \
        "($(rate "$LOANS" "$ph") loans/s)"
    compare "$WORK/report-$f.json" "$dir/expected-counts.json" | tee -a "$RESULTS"
done
if $DO_BIG; then
    JB=$(book jsonl "$BIG")
    if r=$(FEEWATCH_JAVA_OPTS="-Xmx$BIG_HEAP ${FEEWATCH_JAVA_OPTS:-}" timed "audit-big" timeout -k 30 "$BIG_TIMEOUT" \
            "$FEEWATCH" audit "$JB" --format json --out "$WORK/report-big.json" --detail "$WORK/detail-big.csv"); then
        read -r wall user sys rss <<<"$r"
        say "- $BIG loans, jsonl, FEEWATCH_JAVA_OPTS=-Xmx$BIG_HEAP: wall ${wall} s, CPU $(python3 -c "print('%.2f' % ($user + $sys))") s," \
            "max RSS ${rss} MB, $(rate "$BIG" "$wall") loans/s (wall)"
        compare "$WORK/report-big.json" "$JB/expected-counts.json" | tee -a "$RESULTS"
    else
        say "- $BIG loans, jsonl, FEEWATCH_JAVA_OPTS=-Xmx$BIG_HEAP: FAILED or over $BIG_TIMEOUT s" \
            "(detail rows written: $(($(wc -l < "$WORK/detail-big.csv" 2>/dev/null || echo 1) - 1)); see $WORK/audit-big.err)"
    fi
fi

if ! $DO_MAIN; then
    say "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
say ""
say "## Plain per-loan Python evaluator (python/evaluate.py)"
P20=$(book jsonl 20000)
python3 "$HERE/python/evaluate.py" "$P20" > "$WORK/python-20k.json"
python3 - "$WORK/python-20k.json" "$P20/expected-counts.json" <<'PY' | tee -a "$RESULTS"
import json, sys
got, want = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("- counts on a 20,000-loan book: " + ("match expected-counts.json" if got["findings"] == want["findings"]
      else "DIFFER: %s vs %s" % (got["findings"], want["findings"])))
PY
python3 "$HERE/python/evaluate.py" "$J1" --limit "$PY_LIMIT" > "$WORK/python-main.json"
PY_RATE=$(python3 -c "import json; print(json.load(open('$WORK/python-main.json'))['loansPerSecond'])")
PY_CPU_RATE=$(python3 -c "import json; print(json.load(open('$WORK/python-main.json'))['loansPerCpuSecond'])")
say "- first $PY_LIMIT loans of the $LOANS-loan JSONL book: $(python3 -c "print('{:,.0f}'.format($PY_RATE))") loans/s (wall)," \
    "$(python3 -c "print('{:,.0f}'.format($PY_CPU_RATE))") loans per CPU second"
read -r JW JPH < "$WORK/median-jsonl.txt"
say "- ratio, feewatch (1M JSONL, median run) to Python, per wall second: whole command incl. JVM start" \
    "$(python3 -c "print('%.1f' % (($LOANS / $JW) / $PY_RATE))")x; audit phase (as the Python figure, which" \
    "leaves out the interpreter's start) $(python3 -c "print('%.1f' % (($LOANS / $JPH) / $PY_RATE))")x"
if [ "$STEADY_RUNS" -gt 1 ]; then
    # The audit once its code is compiled: what a long book, or a server auditing book after book, runs at.
    # A single ./feewatch command spends its first ~0.6 s of audit in the interpreter and the C1 compiler.
    (cd "$ROOT" && mvn -B -q -pl itests/feewatch.conformance -am install -DskipTests \
        && mvn -B -q -pl itests/feewatch.conformance dependency:build-classpath \
            -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test) >&2
    CP="$ROOT/itests/feewatch.conformance/target/test-classes:$(cat "$ROOT/itests/feewatch.conformance/target/classpath.txt")"
    # the launcher's JIT, collector and young generation (BENCHMARKS.md)
    JAVA_DEFAULTS="$(sed -n 's/^JAVA_DEFAULTS="\(.*\)"$/\1/p' "$ROOT/feewatch") -Xmn256m"
    java $JAVA_DEFAULTS -cp "$CP" org.feewatch.conformance.AuditBench "$J1" "$WORK/steady" "$STEADY_RUNS" \
        > "$WORK/steady.out" 2>/dev/null
    say ""
    say "## The audit with its code compiled (AuditBench, $LOANS loans JSONL, $STEADY_RUNS runs in one JVM; java $JAVA_DEFAULTS)"
    sed 's/^/- /' "$WORK/steady.out" | grep '^- run' | tee -a "$RESULTS"
    SW=$(grep '^run' "$WORK/steady.out" | tail -n +2 | sed 's/^run [0-9]*: \([0-9.]*\) s wall.*/\1/' | sort -n \
        | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
    say "- runs 2..$STEADY_RUNS, median ${SW} s: $(rate "$LOANS" "$SW") loans/s;" \
        "ratio to Python $(python3 -c "print('%.1f' % (($LOANS / $SW) / $PY_RATE))")x"
fi
say "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
