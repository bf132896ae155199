#!/usr/bin/env bash
# Screen benchmarks of issue 5 in a real JavaFX window under Xvfb (unless DISPLAY is set):
# the timeline with 10 000 annotations panned and zoomed, and key press to a new annotation's form.
# Usage: bench/screen-bench.sh [TIMELINE_WIDTH] [SECONDS] [PRESSES] [EXISTING_ANNOTATIONS]   (defaults 950 10 30 0)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/fp-screen-bench.XXXXXX)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
mvn -B -q -f "$here/pom.xml" -DskipTests package
run() {
    local command=(java -cp "$here/target/classes:$here/target/lib/*" "$here/bench/ScreenBench.java" "$@")
    if [ -n "${DISPLAY:-}" ]; then "${command[@]}"; else xvfb-run -a -s "-screen 0 1920x1080x24" "${command[@]}"; fi 2>&1 | grep -v SLF4J
}
run timeline "${1:-950}" "${2:-10}"
run keytoform "$work/data" "$here/src/test/footage/h264-bframes-longgop.mp4" "${3:-30}" "${4:-0}"
