#!/usr/bin/env bash
# Exact-frame engine latency beside mpv, on a generated 1080p H.264 clip (high profile, B-frames,
# 10 s GOP), and the frame index of a one-hour file made by concatenating copies of it.
# Writes the table to stdout; bench/results/player.md records a run. Generated files go to
# bench/out/ (not committed); the one-hour file is deleted at the end.
# Usage: [BENCH_JAVA_OPTS=-Dbench.jumps=N] bench/player-latency.sh [--no-hour]
#   --no-hour: skip the one-hour index measure; bench.jumps: random jumps timed beside mpv (30)
set -euo pipefail
with_hour=yes
[ "${1:-}" = "--no-hour" ] && with_hour=no
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
clip="$out/h264-1080p-gop300.mp4"
hour="$out/h264-1080p-one-hour.mp4"

if [ ! -f "$clip" ]; then
    ffmpeg -hide_banner -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=60" \
        -c:v libx264 -preset veryfast -profile:v high -bf 3 -g 300 -keyint_min 300 -sc_threshold 0 \
        -pix_fmt yuv420p "$clip"
fi
if [ "$with_hour" = yes ] && [ ! -f "$hour" ]; then
    list="$out/one-hour.txt"
    for _ in $(seq 60); do echo "file '$clip'"; done >"$list"
    ffmpeg -hide_banner -v error -y -f concat -safe 0 -i "$list" -c copy "$hour"
fi
trap 'rm -f "$hour" "$out/one-hour.txt"' EXIT

if [ ! -f "$root/target/frameproof.jar" ]; then
    mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
fi
# A second run of mpv's and our cold paths would see the file in the page cache anyway; read it once first.
if [ "$with_hour" = yes ]; then
    cat "$clip" "$hour" >/dev/null
    java ${BENCH_JAVA_OPTS:-} -cp "$root/target/frameproof.jar:$root/target/lib/*" "$here/PlayerLatencyBench.java" "$clip" "$hour"
else
    cat "$clip" >/dev/null
    java ${BENCH_JAVA_OPTS:-} -cp "$root/target/frameproof.jar:$root/target/lib/*" "$here/PlayerLatencyBench.java" "$clip"
fi
