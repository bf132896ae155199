#!/usr/bin/env bash
# libVLC playing a 1080p60 H.264 clip at 1x from the plain file and from its encrypted vault copy
# (decrypted in the process, read through libVLC's media callbacks), in pairs whose order alternates,
# through the player's surface in a real JavaFX window under the same X server (Xvfb unless DISPLAY
# is set). Writes a Markdown table to stdout; bench/results/vault-playback.md records runs. The clip
# (the one bench/playback.sh plays) goes to bench/out/ (not committed).
# Usage: bench/vault-playback.sh [ROUNDS] [SPAN_SECONDS] [STARTS] [WINDOW_WIDTHxHEIGHT]   (defaults: 5, 20, 40, 1280x720)
set -euo pipefail
rounds="${1:-5}"
span="${2:-20}"
starts="${3:-40}"
window="${4:-1280x720}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
clip="$out/h264-1080p60-30s.mp4"

if [ ! -f "$clip" ]; then
    ffmpeg -hide_banner -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=60:duration=30" \
        -c:v libx264 -preset veryfast -profile:v high -bf 3 -g 120 -pix_fmt yuv420p "$clip"
fi
if [ ! -f "$root/target/frameproof.jar" ]; then
    mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
fi
cat "$clip" >/dev/null
data="$(mktemp -d "${TMPDIR:-/tmp}/frameproof-bench-store.XXXXXX")"
trap 'chmod -R u+w "$data"; rm -rf "$data"' EXIT
rmdir "$data"
run=(java ${BENCH_JAVA_OPTS:-} -cp "$root/target/frameproof.jar:$root/target/lib/*" "$here/VaultPlaybackBench.java"
     "$clip" "$data" "$rounds" "$span" "$starts" "${window%x*}" "${window#*x}")
if [ -n "${DISPLAY:-}" ]; then
    "${run[@]}"
else
    xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
fi
