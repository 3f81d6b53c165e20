#!/bin/sh
# Extraction throughput: 1,000 generated price-catalogue pages through the table extractor.
# Usage: benchmarks/extract-catalogues.sh [warm-up rounds] [measured rounds]   (from the repository root)
set -e
cd "$(dirname "$0")/.."
mvn -B -q -Pbenchmarks -pl benchmarks/jmh -am package -DskipTests
java -Xmx1g -cp benchmarks/jmh/target/benchmarks.jar org.feewatch.benchmarks.ExtractCataloguePages "${1:-5}" "${2:-5}"
