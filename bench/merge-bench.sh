#!/usr/bin/env bash
# Merge benchmark for issue 14 (see bench/results/merge.md): a bundle of BUNDLED signed findings merged into a
# store of BIG findings, and the same bundle into an empty store (the peer), each import in a JVM of its own
# with its heap capped (MERGE_XMX, default 512m). Uses a few GB of temporary disk in ${BENCH_TMP:-/var/tmp}.
# Usage: bench/merge-bench.sh [BIG [BUNDLED]]   (default: 1000000 100000)
# BENCH_WORK=DIR keeps the prepared stores there and reuses them (each import merges into a copy).
set -euo pipefail
big="${1:-1000000}"
bundled="${2:-100000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${BENCH_WORK:-}" ]; then
    tmp="$BENCH_WORK"
    mkdir -p "$tmp"
else
    tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-merge-bench.XXXXXX")"
    trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fi
[ -f "$here/target/frameproof.jar" ] || mvn -B -q -f "$here/pom.xml" -DskipTests package
bench() { local heap="$1"; shift; java "$heap" -cp "$here/target/classes:$here/target/lib/*" "$here/bench/MergeBench.java" "$@" 2>&1 | grep -v SLF4J; }
load() { echo "(load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores)"; }
if [ ! -f "$tmp/prepared/bench.fpb" ]; then
    rm -rf "$tmp/prepared"; mkdir -p "$tmp/prepared"
    echo "== prepare $big findings and a bundle of $bundled $(load)"
    bench -Xmx4g prepare "$tmp/prepared" "$big" "$bundled"
fi
for store in peer receiver; do
    rm -rf "$tmp/run"; cp -a "$tmp/prepared" "$tmp/run"
    echo "== import into $store $(load)"
    bench "-Xmx${MERGE_XMX:-512m}" import "$tmp/run" "$store"
    echo "   after: $(load)"
done
chmod -R u+w "$tmp/run"; rm -rf "$tmp/run"
