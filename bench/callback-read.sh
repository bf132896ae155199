#!/usr/bin/env bash
# The exact-frame engine on a 1080p H.264 clip (B-frames, 10 s GOP) read three ways in the same
# run: FFmpeg's own file access in the clear, its I/O callbacks from a plain file, and the same
# callbacks from the clip's encrypted vault copy (decrypted as read, as the player reads it).
# Writes a Markdown table to stdout; bench/results/callback-read.md records runs. The clip goes to
# bench/out/ (not committed).
# Usage: bench/callback-read.sh [ROUNDS]   (default 3)
set -euo pipefail
rounds="${1:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
clip="$out/h264-1080p-gop300-20s.mp4"

if [ ! -f "$clip" ]; then
    ffmpeg -hide_banner -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=20" \
        -c:v libx264 -preset veryfast -profile:v high -bf 3 -g 300 -keyint_min 300 -sc_threshold 0 \
        -pix_fmt yuv420p "$clip"
fi
if [ ! -f "$root/target/frameproof.jar" ]; then
    mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
fi
cat "$clip" >/dev/null
data="$(mktemp -d "${TMPDIR:-/tmp}/frameproof-bench-store.XXXXXX")"
trap 'chmod -R u+w "$data"; rm -rf "$data"' EXIT
rmdir "$data"
java ${BENCH_JAVA_OPTS:-} -cp "$root/target/frameproof.jar:$root/target/lib/*" "$here/CallbackReadBench.java" "$clip" "$data" "$rounds"
