#!/usr/bin/env bash
# Store benchmarks for issues 4 and 12 (see bench/results/store.md). Needs openssl and bc; uses about
# 3 GB of temporary disk space in ${BENCH_TMP:-/var/tmp} and deletes it afterwards.
# Usage: bench/store-bench.sh [ROUNDS [hash|import]]   (default: 3 rounds of both)
# Each round runs the peer and then Frameproof, so both see the same machine; every line gives wall
# and CPU seconds (user + system, all threads) of both, because on a shared machine the wall time
# depends on what else runs and the CPU time much less.
set -euo pipefail
rounds="${1:-3}"
parts="${2:-hash import}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-bench.XXXXXX")"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
[ -f "$here/target/frameproof.jar" ] || mvn -B -q -f "$here/pom.xml" -DskipTests package
cp="$here/target/classes:$here/target/lib/*"
bench() { java -Xmx1g -cp "$cp" "$here/bench/StoreBench.java" "$@"; }
TIMEFORMAT='%R %U %S'
# Runs a shell command and prints its wall and CPU seconds: "WALL CPU".
timed() { { time sh -c "$1" >/dev/null; } 2>&1 | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'; }
load() { echo "(load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores)"; }
# "import 2.1 s cpu 3.9 s SHA" -> "2.1 3.9"
figures() { awk '{ print $2, $5 }'; }

head -c 1G /dev/urandom > "$tmp/big.bin"
cat "$tmp/big.bin" > /dev/null   # both readers start from the page cache

if [[ " $parts " == *" hash "* ]]; then
    echo "== 1 GB file: verify's re-hash of the encrypted vault copy (decrypt + SHA-256) vs openssl dgst -sha256 of the plain file $(load)"
    for round in $(seq "$rounds"); do
        read -r ossl ossl_cpu < <(timed "openssl dgst -sha256 '$tmp/big.bin'")
        chmod -R u+w "$tmp"; rm -rf "$tmp/data"
        read -r ours ours_cpu < <(bench hash "$tmp/big.bin" "$tmp/data" | figures)
        echo "round $round: openssl $ossl s (cpu $ossl_cpu s), frameproof $ours s (cpu $ours_cpu s), throughput ratio $(echo "scale=2; 100 * $ossl / $ours" | bc)% $(load)"
    done
fi

if [[ " $parts " == *" import "* ]]; then
    echo "== import into the encrypted vault (SHA-256 + MD5 + encryption of the same buffers, fsync, read-back checking every tag) vs cp + sync + openssl dgst -sha256 of the copy $(load)"
    for round in $(seq "$rounds"); do
        rm -f "$tmp/copy.bin"; sync
        read -r base base_cpu < <(timed "cp '$tmp/big.bin' '$tmp/copy.bin' && sync '$tmp/copy.bin' && openssl dgst -sha256 '$tmp/copy.bin'")
        chmod -R u+w "$tmp"; rm -rf "$tmp/data" "$tmp/copy.bin"; sync
        read -r ours ours_cpu < <(bench import "$tmp/big.bin" "$tmp/data" | figures)
        echo "round $round: cp + sync + openssl $base s (cpu $base_cpu s), import $ours s (cpu $ours_cpu s), ratio $(echo "scale=2; $ours / $base" | bc)x, cpu ratio $(echo "scale=2; $ours_cpu / $base_cpu" | bc)x $(load)"
        chmod -R u+w "$tmp/data"; rm -rf "$tmp/data"
    done
fi
chmod -R u+w "$tmp"; rm -rf "$tmp/data" "$tmp/copy.bin" "$tmp/big.bin"

echo "(durable writes and opening a large store: bench/annotation-bench.sh, on real annotations)"
