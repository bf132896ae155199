#!/usr/bin/env bash
# Store benchmarks for issue 4 (see bench/results/store.md). Needs openssl; uses about 3 GB of
# temporary disk space in ${BENCH_TMP:-/var/tmp} and deletes it afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-bench.XXXXXX")"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
[ -f "$here/target/frameproof.jar" ] || mvn -B -q -f "$here/pom.xml" -DskipTests package
cp="$here/target/classes:$here/target/lib/*"
bench() { java -Xmx1g -cp "$cp" "$here/bench/StoreBench.java" "$@"; }
now() { date +%s.%N; }

echo "== load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== 1 GB file"
mkdir -p "$tmp/vault"; head -c 1G /dev/urandom > "$tmp/vault/big.bin"; ln "$tmp/vault/big.bin" "$tmp/big.bin"
cat "$tmp/big.bin" > /dev/null   # both readers start from the page cache
for round in 1 2 3; do
    t0=$(now); openssl dgst -sha256 "$tmp/big.bin" >/dev/null; t1=$(now)
    echo "openssl dgst -sha256: $(echo "$t1 - $t0" | bc) s"
    bench hash "$tmp" big.bin
done

echo "== import vs cp + openssl dgst of the copy"
for round in 1 2 3; do
    rm -f "$tmp/copy.bin"; sync
    t0=$(now); cp "$tmp/big.bin" "$tmp/copy.bin"; sync "$tmp/copy.bin"; openssl dgst -sha256 "$tmp/copy.bin" >/dev/null; t1=$(now)
    echo "cp + sync + openssl dgst: $(echo "$t1 - $t0" | bc) s"
    chmod -R u+w "$tmp" ; rm -rf "$tmp/data"; mkdir -p "$tmp/data"
    bench import "$tmp/big.bin" "$tmp/data"
done
chmod -R u+w "$tmp"; rm -rf "$tmp/data" "$tmp/copy.bin" "$tmp/big.bin" "$tmp/vault"

echo "== annotation-sized durable writes"
bench writes "$tmp/writes" 2000

echo "== open a store with 1 M audit rows and 100 k annotation rows"
bench fill "$tmp/large" 1000000 100000
for round in 1 2 3; do bench open "$tmp/large"; done
