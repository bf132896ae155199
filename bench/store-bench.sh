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

load() { echo "(load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores)"; }
seconds() { awk '{ for (i = 1; i <= NF; i++) if ($(i + 1) == "s") { print $i; exit } }'; }

echo "== 1 GB file: verify's re-hash of the encrypted vault copy (decrypt + SHA-256 + MD5) vs openssl dgst -sha256 of the plain file $(load)"
head -c 1G /dev/urandom > "$tmp/big.bin"
cat "$tmp/big.bin" > /dev/null   # both readers start from the page cache
for round in 1 2 3; do
    t0=$(now); openssl dgst -sha256 "$tmp/big.bin" >/dev/null; t1=$(now)
    ossl=$(echo "$t1 - $t0" | bc)
    chmod -R u+w "$tmp"; rm -rf "$tmp/data"
    ours=$(bench hash "$tmp/big.bin" "$tmp/data" | seconds)
    echo "round $round: openssl $ossl s, frameproof $ours s, throughput ratio $(echo "scale=2; 100 * $ossl / $ours" | bc)% $(load)"
done

echo "== import into the encrypted vault (encrypt + hash, fsync, decrypting re-hash) vs cp + sync + openssl dgst of the copy $(load)"
for round in 1 2 3; do
    rm -f "$tmp/copy.bin"; sync
    t0=$(now); cp "$tmp/big.bin" "$tmp/copy.bin"; sync "$tmp/copy.bin"; openssl dgst -sha256 "$tmp/copy.bin" >/dev/null; t1=$(now)
    base=$(echo "$t1 - $t0" | bc)
    chmod -R u+w "$tmp"; rm -rf "$tmp/data" "$tmp/copy.bin"; sync
    ours=$(bench import "$tmp/big.bin" "$tmp/data" | seconds)
    echo "round $round: cp + sync + openssl $base s, import $ours s, ratio $(echo "scale=2; $ours / $base" | bc)x $(load)"
    chmod -R u+w "$tmp/data"; rm -rf "$tmp/data"
done
chmod -R u+w "$tmp"; rm -rf "$tmp/data" "$tmp/copy.bin" "$tmp/big.bin"

echo "(durable writes and opening a large store: bench/annotation-bench.sh, on real annotations)"
