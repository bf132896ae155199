#!/usr/bin/env bash
# Bundle benchmark for issue 14 (see bench/results/bundles.md). Needs age, age-keygen, tar and bc;
# uses about 4 GB of temporary disk space in ${BENCH_TMP:-/var/tmp} and deletes it afterwards.
# Usage: bench/bundle-bench.sh [ROUNDS [MB]]   (default: 3 rounds of 1024 MB)
# Each round runs the peer (tar piped into age, and age -d piped into tar) and then Frameproof's
# export and import of the same file (one JVM, heap capped at 256 MB), so both see the same machine.
set -euo pipefail
rounds="${1:-3}"
megabytes="${2:-1024}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${BENCH_TMP:-/var/tmp}/frameproof-bundle-bench.XXXXXX")"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
[ -f "$here/target/frameproof.jar" ] || mvn -B -q -f "$here/pom.xml" -DskipTests package
cp="$here/target/classes:$here/target/lib/*"
TIMEFORMAT='%R %U %S'
timed() { { time sh -c "$1" >/dev/null; } 2>&1 | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'; }
load() { echo "(load average $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores)"; }

mkdir -p "$tmp/src"
head -c "${megabytes}M" /dev/urandom > "$tmp/src/big.bin"
age-keygen -o "$tmp/key.txt" 2>/dev/null
recipient="$(age-keygen -y "$tmp/key.txt")"
echo "== ${megabytes} MB of footage: bundle export vs tar c | age -r, bundle import vs age -d | tar x $(load)"
for round in $(seq "$rounds"); do
    cat "$tmp/src/big.bin" > /dev/null   # both start from the page cache
    read -r enc enc_cpu < <(timed "tar c -C '$tmp/src' big.bin | age -r '$recipient' > '$tmp/peer.age' && sync '$tmp/peer.age'")
    mkdir -p "$tmp/out"
    read -r dec dec_cpu < <(timed "age -d -i '$tmp/key.txt' '$tmp/peer.age' | tar x -C '$tmp/out' && sync '$tmp/out/big.bin'")
    rm -rf "$tmp/out" "$tmp/peer.age" "$tmp/work"; mkdir -p "$tmp/work"
    ours="$(java -Xmx256m -cp "$cp" "$here/bench/BundleBench.java" roundtrip "$tmp/src/big.bin" "$tmp/work")"
    read -r export export_cpu < <(awk '/^export/ { print $2, $5 }' <<<"$ours")
    read -r import import_cpu < <(awk '/^import/ { print $2, $5 }' <<<"$ours")
    echo "round $round: tar|age $enc s (cpu $enc_cpu s), export $export s (cpu $export_cpu s), ratio $(echo "scale=2; $export / $enc" | bc)x;" \
        "age -d|tar $dec s (cpu $dec_cpu s), import $import s (cpu $import_cpu s), ratio $(echo "scale=2; $import / $dec" | bc)x;" \
        "$(grep '^heap' <<<"$ours") $(load)"
    chmod -R u+w "$tmp/work"; rm -rf "$tmp/work"
done
