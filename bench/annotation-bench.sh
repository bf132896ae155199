#!/usr/bin/env bash
# Annotation benchmarks for issue 5 (see bench/results/annotations.md).
# Usage: bench/annotation-bench.sh [N_FOOTAGE1] [N_FOOTAGE2]   (defaults 1000000 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-annotation-bench.XXXXXX")"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
mvn -B -q -f "$here/pom.xml" -DskipTests package
bench() { java -Xmx2g -cp "$here/target/classes:$here/target/lib/*" "$here/bench/AnnotationBench.java" "$@" 2>&1 | grep -v SLF4J; }
echo "== load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
bench fill "$tmp/data" "$here/src/test/footage/h264-bframes-longgop.mp4" "${1:-1000000}" "${2:-100000}"
bench search "$tmp/data"
bench list "$tmp/data"
bench writes "$tmp/data" 1000
