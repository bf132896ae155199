#!/usr/bin/env bash
# Annotation and store-size benchmarks for issues 4 and 5 (see bench/results/annotations.md).
# Usage: bench/annotation-bench.sh [N_FOOTAGE1] [N_FOOTAGE2]   (defaults 1000000 100000)
# BENCH_WORK=DIR keeps the filled store there and reuses it (filling a million takes a while).
# BENCH_JAVA_OPTS=-Dbench.batch=200000 fills in larger transactions (the file is append-only: fewer, larger
# commits rewrite the search index fewer times; a million took 7 minutes and 19 GB of disk that way).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${BENCH_WORK:-}" ]; then
    tmp="$BENCH_WORK"
    mkdir -p "$tmp"
else
    tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-annotation-bench.XXXXXX")"
    trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fi
mvn -B -q -f "$here/pom.xml" -DskipTests package
bench() { java -Xmx6g ${BENCH_JAVA_OPTS:-} -cp "$here/target/classes:$here/target/lib/*" "$here/bench/AnnotationBench.java" "$@" 2>&1 | grep -v SLF4J; }
load() { echo "(load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores)"; }
if [ ! -f "$tmp/data/frameproof.mv.db" ]; then
    echo "== fill $(load)"
    bench fill "$tmp/data" "$here/src/test/footage/h264-bframes-longgop.mp4" "${1:-1000000}" "${2:-100000}"
fi
echo "== open $(load)"; bench open "$tmp/data"
echo "== search $(load)"; bench search "$tmp/data"
echo "== list $(load)"; bench list "$tmp/data"
echo "== writes $(load)"; bench writes "$tmp/data" 1000
echo "$(load)"
