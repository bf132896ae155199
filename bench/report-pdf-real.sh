#!/usr/bin/env bash
# PDF evidence report of 200 annotations with stills from real 1080p H.264 footage, end to end
# through the command line (target: <= 15 s). Decoding is FFmpeg's, as in the app.
# Beside it, as a peer: the ffmpeg CLI extracting the same 200 frames to PNG.
# Usage: bench/report-pdf-real.sh [ANNOTATIONS] [RUNS]   (from anywhere; builds the jar first)
# BENCH_EXPORT_JAVA_OPTIONS reach only the timed export (e.g. -XX:StartFlightRecording=filename=x.jfr to profile it).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
runs="${2:-3}"
clip=bench/out/h264-1080p-gop300.mp4
mkdir -p bench/out
if [ ! -s "$clip" ]; then
    # The clip of bench/player-latency.sh: 60 s, 1800 frames, high profile, 3 B-frames, a key frame every 300.
    ffmpeg -nostdin -loglevel error -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=60 -c:v libx264 \
        -preset veryfast -profile:v high -bf 3 -g 300 -keyint_min 300 -sc_threshold 0 -pix_fmt yuv420p "$clip"
fi
mvn -B -q -DskipTests package

# BENCH_WORK=DIR keeps the store there and reuses it on the next run (setup takes minutes on a loaded machine).
if [ -n "${BENCH_WORK:-}" ]; then
    work="$BENCH_WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d /tmp/fp-report-bench.XXXXXX)"
    trap 'rm -rf "$work"' EXIT
fi
export FRAMEPROOF_PASSPHRASE=bench-passphrase FRAMEPROOF_USER="Bench Reviewer" FRAMEPROOF_ROLE=researcher
# The launcher's own command, without its check for newer sources (edits during a run would rebuild).
fp() { java ${FRAMEPROOF_JAVA_OPTIONS:-} -cp "target/frameproof.jar:target/lib/*" org.frameproof.app.Main --data "$work/data" "$@"; }

if [ ! -s "$work/footage-id" ]; then
    fp cases create "Report bench" --description "200 annotations on a 1080p H.264 clip" >/dev/null
    fp import --case "Report bench" --graphic "$clip" >/dev/null
    footage="$(fp footage list --case "Report bench" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
    first="$(fp annotations add --footage "$footage" --frame 0 --kind injury --observation "Wound on the left temple" \
        --interpretation "Consistent with a close-range gunshot" --confidence medium --body-region "head, left temple" \
        --injury-type "gunshot wound entry" --region 600,300,400,300 --tag bench)"
    fp annotations list --footage "$footage" --json > "$work/one.json"
    # The same annotation on COUNT frames spread evenly over the clip (every 9th frame for 200);
    # every other one without a region.
    python3 - "$work/one.json" "$work/many.json" "$count" <<'EOF'
import copy, json, sys, uuid
one = json.load(open(sys.argv[1]))
one = one["annotations"][0] if isinstance(one, dict) else one[0]
count = int(sys.argv[3])
step = max(1, 1800 // count)
many = []
for i in range(count):
    item = copy.deepcopy(one)
    frame = i * step
    item["id"] = str(uuid.uuid4())
    item["startFrame"] = item["endFrame"] = frame
    item["observation"] = "Wound on the left temple, observation %d" % i
    if i % 2:
        item["region"] = None
    many.append(item)
json.dump(many, open(sys.argv[2], "w"))
EOF
    fp annotations delete "$first" >/dev/null
    fp annotations import --footage "$footage" "$work/many.json" >/dev/null
    echo "$footage" > "$work/footage-id"
fi
footage="$(cat "$work/footage-id")"
step=$(( 1800 / count > 0 ? 1800 / count : 1 ))

echo "PDF report of $count annotations on $clip (footage $footage), $runs runs; peer: ffmpeg CLI, same frames to PNG"
for run in $(seq 1 "$runs"); do
    rm -f "$work/report.pdf" "$work/report.pdf.sha256"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # Wall time, and CPU time (user + system), which a loaded machine inflates far less.
    /usr/bin/time -o "$work/ours.time" -f '%e %U %S' java ${FRAMEPROOF_JAVA_OPTIONS:-} ${BENCH_EXPORT_JAVA_OPTIONS:-} -cp "target/frameproof.jar:target/lib/*" \
        org.frameproof.app.Main --data "$work/data" export --footage "$footage" --format pdf --out "$work/report.pdf" \
        >/dev/null 2>/dev/null
    ours="$(tail -1 "$work/ours.time")"
    rm -rf "$work/png" && mkdir "$work/png"
    /usr/bin/time -o "$work/peer.time" -f '%e %U %S' ffmpeg -nostdin -loglevel error -i "$clip" \
        -vf "select='lt(n\\,$((step * count)))*not(mod(n\\,$step))'" -vsync 0 "$work/png/%04d.png"
    peer="$(tail -1 "$work/peer.time")"
    pngs=$(ls "$work/png" | wc -l)
    read -r ours_wall ours_user ours_sys <<<"$ours"
    read -r peer_wall peer_user peer_sys <<<"$peer"
    printf 'run %d: load %s | frameproof export pdf: %.2f s wall, %.2f s CPU, %s bytes | ffmpeg %d PNGs: %.2f s wall, %.2f s CPU | ratio wall %.2f, CPU %.2f\n' \
        "$run" "$load" "$ours_wall" "$(echo "$ours_user + $ours_sys" | bc)" "$(stat -c %s "$work/report.pdf")" \
        "$pngs" "$peer_wall" "$(echo "$peer_user + $peer_sys" | bc)" \
        "$(echo "$ours_wall / $peer_wall" | bc -l)" "$(echo "($ours_user + $ours_sys) / ($peer_user + $peer_sys)" | bc -l)"
done
