#!/usr/bin/env bash
# Playback of 1080p60 H.264 at 1x: the player's libVLC callback surface in a real JavaFX window
# beside mpv with a real video output, both under the same X server (Xvfb unless DISPLAY is set).
# Writes a Markdown table to stdout; bench/results/playback.md records runs. The clip goes to
# bench/out/ (not committed).
# Usage: bench/playback.sh [SECONDS] [WINDOW_WIDTHxHEIGHT]   (defaults: 30, 1280x720)
# BENCH_JAVA_OPTS adds JVM options (e.g. -Dprism.forceGPU=true to let JavaFX use Mesa's GL under Xvfb).
set -euo pipefail
seconds="${1:-30}"
window="${2:-1280x720}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
clip="$out/h264-1080p60-${seconds}s.mp4"

if [ ! -f "$clip" ]; then
    ffmpeg -hide_banner -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=60:duration=$seconds" \
        -c:v libx264 -preset veryfast -profile:v high -bf 3 -g 120 -pix_fmt yuv420p "$clip"
fi
if [ ! -f "$root/target/frameproof.jar" ]; then
    mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
fi
cat "$clip" >/dev/null
run=(java -Dprism.verbose=true ${BENCH_JAVA_OPTS:-} -cp "$root/target/frameproof.jar:$root/target/lib/*" "$here/PlaybackBench.java"
     "$clip" "$((seconds * 60))" "${window%x*}" "${window#*x}")
if [ -n "${DISPLAY:-}" ]; then
    "${run[@]}"
else
    xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
fi
