#!/usr/bin/env bash
# Regenerates every test clip of Frameproof, and the ground truth beside each one.
#
#   src/test/footage/make-clips.sh [OUTPUT_DIR]      (default: the folder of this script)
#
# Needs only the ffmpeg and ffprobe command line tools (written against Debian 12's FFmpeg 5.1 with
# libx264, libx265, libvpx-vp9 and libaom) and the DejaVu Sans Bold font, which the script installs
# with apt-get (package fonts-dejavu-core) when it is missing and it runs as root. Every encoder runs
# single-threaded with bit-exact muxing and no metadata copied, so a run with the same FFmpeg build
# reproduces the same bytes.
#
# The frame pattern (README.md beside this script has the full spec). Every frame draws its own
# index (0-based, presentation order) at the top of the picture AS DISPLAYED (upright):
#   - 16 cells across the full width: cell c spans x in [c*W/16, (c+1)*W/16).
#   - Index band: y in [0, H/10). Cell c is white if bit (15-c) of the index is 1 (MSB left), black if 0.
#   - Check band: y in [H/10, 2*H/10). The same layout for (index XOR 0xA5C3). The mask is not a bit
#     palindrome, so a mirrored picture fails the check; a picture turned by 90 or 180 degrees puts
#     mid-grey background or split cells where the cells should be, so it is unreadable.
#   - Black is luma 16, white luma 235 (limited range), chroma neutral. The rest of the picture is
#     mid-grey moving diagonal stripes (luma 118/138) with a colour tint, so no cell-sized area outside
#     the bands is ever clearly black or white, and the encoder has motion to predict.
#   - The index is also drawn as text for humans (drawtext %{n}) in a dark box below the bands,
#     with a small label naming the clip kind.
#
# Ground truth, written for every video clip, from ffprobe only (never from Frameproof's code):
#   <clip>.frames.csv   header "frame,pts_ms,key"; one row per frame in presentation order:
#       frame   row number from 0, in the order `ffprobe -show_frames` emits decoded frames of the
#               first video stream (decoder output order = presentation order);
#       pts_ms  that frame's best_effort_timestamp_time (which is its pts_time whenever the container
#               carries a pts) in milliseconds: ffprobe prints seconds with 6 decimals, and the decimal
#               point is moved 3 places without any floating-point arithmetic, so "0.033333" becomes
#               "33.333" and "11.400000" becomes "11400.000";
#       key     the frame's key_frame flag (1 or 0) as ffprobe reports it.
#   <clip>.facts.json:
#       file                   the clip's file name;
#       codec                  stream codec_name of the first video stream (ffprobe -show_streams);
#       container              format_name (ffprobe -show_format), e.g. "mov,mp4,m4a,3gp,3g2,mj2";
#       storedWidth/Height     stream width/height: the picture as stored, before rotation;
#       rotation               degrees CLOCKWISE a player turns the stored picture to show it upright
#                              (0, 90, 180 or 270) = (-displayMatrixRotation) mod 360;
#       displayMatrixRotation  the "rotation" of the stream's Display Matrix side data as ffprobe 5.1
#                              prints it (counter-clockwise degrees; -90 on a portrait phone clip), 0 if none;
#       width/height           the picture as displayed: stored size, swapped when rotation is 90 or 270;
#       frameCount             number of rows in <clip>.frames.csv;
#       keyFrameCount          number of rows with key 1;
#       startTimeMs            pts_ms of the first row (the first presented frame's own timestamp);
#       lastPtsMs              pts_ms of the last row;
#       formatStartTimeMs      format start_time (ffprobe -show_format) in ms, the same decimal shift;
#       durationMs             format duration (ffprobe -show_format) in ms, the same decimal shift;
#       avgFrameRate           stream avg_frame_rate as ffprobe prints it, e.g. "25/1" or "30000/1001";
#       minFrameDurationMs,
#       maxFrameDurationMs     smallest/largest difference between consecutive pts_ms;
#       variableFrameRate      true when maxFrameDurationMs - minFrameDurationMs > 1 ms (the 1 ms slack
#                              absorbs the rounding of pts_ms to 3 decimals);
#       hasAudio               whether ffprobe lists an audio stream.
#
# After writing each clip the script checks with ffprobe that the clip is what it claims to be
# (frame count, key frames, start time, rotation, varying durations) and stops otherwise.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

readonly CHECK_MASK=42435 # 0xA5C3
readonly FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
# Bit-exact muxing and no copied metadata: the same FFmpeg build writes the same bytes every run.
readonly EXACT=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -map_chapters -1)

die() { echo "make-clips.sh: $*" >&2; exit 1; }

for tool in ffmpeg ffprobe; do
    command -v "$tool" >/dev/null || die "$tool is missing; install it (Debian: apt-get install ffmpeg)"
done
if [ ! -f "$FONT" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y --no-install-recommends fonts-dejavu-core >/dev/null
    fi
    [ -f "$FONT" ] || die "font $FONT is missing; install fonts-dejavu-core"
fi

# pattern_source W H RATE FRAMES LABEL: an lavfi graph of FRAMES upright WxH frames at RATE fps,
# each drawing its index as described above (yuv444p, limited range).
pattern_source() {
    local w=$1 h=$2 rate=$3 frames=$4 label=$5
    local cell='floor(X*16/W)'
    local index_bit="mod(floor(N/pow(2,15-$cell)),2)"
    local mask_bit="mod(floor($CHECK_MASK/pow(2,15-$cell)),2)"
    local stripes='if(lt(mod(X+Y+4*N,48),24),118,138)'
    local luma="if(lt(Y*10,H),16+219*$index_bit,if(lt(Y*10,2*H),16+219*abs($index_bit-$mask_bit),$stripes))"
    local tint_b='if(lt(Y*10,2*H),128,128+40*(X/W-0.5))'
    local tint_r='if(lt(Y*10,2*H),128,128+30*(Y/H-0.5))'
    printf '%s' "color=c=gray:s=${w}x${h}:r=${rate},trim=end_frame=${frames},format=yuv444p," \
        "geq=lum='$luma':cb='$tint_b':cr='$tint_r'," \
        "drawtext=fontfile=$FONT:text='%{n}':fontsize=h/5:fontcolor=white:box=1:boxcolor=black@0.7:" \
        "boxborderw=6:x=(w-tw)/2:y=h*0.4," \
        "drawtext=fontfile=$FONT:text='$label':fontsize=h/16:fontcolor=white:x=(w-tw)/2:y=h*0.8"
}

# encode OUT_FILE W H RATE FRAMES LABEL [extra ffmpeg output options...]: one pattern clip.
# Options before the first "--" go after the video input (e.g. a second input), after it to the output.
encode() {
    local file=$1 w=$2 h=$3 rate=$4 frames=$5 label=$6
    shift 6
    ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "$(pattern_source "$w" "$h" "$rate" "$frames" "$label")" \
        "$@" "${EXACT[@]}" "$file"
}

# Seconds as ffprobe prints them ("-0.040000", "11.400000") to milliseconds with 3 decimals,
# by moving the decimal point: no floating-point rounding.
readonly SECONDS_TO_MS='
function ms(t,    sign, parts, frac) {
    if (t !~ /^-?[0-9]+(\.[0-9]+)?$/) { print "not a time: " t > "/dev/stderr"; exit 1 }
    sign = ""
    if (substr(t, 1, 1) == "-") { sign = "-"; t = substr(t, 2) }
    split(t, parts, ".")
    frac = parts[2]
    while (length(frac) < 6) frac = frac "0"
    return sign (parts[1] * 1000 + substr(frac, 1, 3)) "." substr(frac, 4, 3)
}'

probe_value() { # probe_value FILE SECTION_ENTRIES: one value, "" when absent
    # A transport stream lists its streams twice (under the program too): keep the first line.
    local values
    values=$(ffprobe -v error -select_streams v:0 -show_entries "$2" -of default=nw=1:nk=1 "$1")
    echo "${values%%$'\n'*}"
}

# write_truth CLIP: <clip>.frames.csv and <clip>.facts.json, from ffprobe only.
write_truth() {
    local clip=$1 name csv facts
    name=$(basename "$clip")
    csv="$clip.frames.csv"
    facts="$clip.facts.json"
    {
        echo "frame,pts_ms,key"
        ffprobe -v error -select_streams v:0 -show_entries frame=key_frame,best_effort_timestamp_time \
            -of compact=p=0:nk=0 "$clip" |
            awk -F'|' "$SECONDS_TO_MS"'
                NF == 0 || $0 == "" { next }
                {
                    key = ""; time = ""
                    for (i = 1; i <= NF; i++) {
                        split($i, kv, "=")
                        if (kv[1] == "key_frame") key = kv[2]
                        if (kv[1] == "best_effort_timestamp_time") time = kv[2]
                    }
                    if (key == "" || time == "") { print "frame without key flag or time: " $0 > "/dev/stderr"; exit 1 }
                    print n++ "," ms(time) "," key
                }'
    } >"$csv"

    local codec container stored_w stored_h matrix_rotation rotation width height avg_rate
    local format_start duration has_audio
    codec=$(probe_value "$clip" stream=codec_name)
    container=$(ffprobe -v error -show_entries format=format_name -of default=nw=1:nk=1 "$clip")
    stored_w=$(probe_value "$clip" stream=width)
    stored_h=$(probe_value "$clip" stream=height)
    matrix_rotation=$(probe_value "$clip" stream_side_data=rotation)
    matrix_rotation=${matrix_rotation:-0}
    rotation=$(( ((-matrix_rotation) % 360 + 360) % 360 ))
    if [ $((rotation % 180)) = 90 ]; then width=$stored_h height=$stored_w; else width=$stored_w height=$stored_h; fi
    avg_rate=$(probe_value "$clip" stream=avg_frame_rate)
    format_start=$(ffprobe -v error -show_entries format=start_time -of default=nw=1:nk=1 "$clip")
    duration=$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$clip")
    has_audio=false
    [ -n "$(ffprobe -v error -select_streams a -show_entries stream=index -of csv=p=0 "$clip")" ] && has_audio=true

    awk -F, -v name="$name" -v codec="$codec" -v container="$container" -v sw="$stored_w" -v sh="$stored_h" \
        -v rotation="$rotation" -v mrot="$matrix_rotation" -v w="$width" -v h="$height" \
        -v rate="$avg_rate" -v fstart="$format_start" -v duration="$duration" -v audio="$has_audio" \
        "$SECONDS_TO_MS"'
        NR == 1 { next }
        {
            if (count == 0) first = $2
            if (count > 0) {
                d = $2 - previous
                if (count == 1 || d < dmin) dmin = d
                if (count == 1 || d > dmax) dmax = d
            }
            previous = $2; last = $2; count++; keys += $3
        }
        END {
            printf "{\n"
            printf "  \"file\": \"%s\",\n", name
            printf "  \"codec\": \"%s\",\n", codec
            printf "  \"container\": \"%s\",\n", container
            printf "  \"storedWidth\": %d,\n  \"storedHeight\": %d,\n", sw, sh
            printf "  \"rotation\": %d,\n  \"displayMatrixRotation\": %d,\n", rotation, mrot
            printf "  \"width\": %d,\n  \"height\": %d,\n", w, h
            printf "  \"frameCount\": %d,\n  \"keyFrameCount\": %d,\n", count, keys
            printf "  \"startTimeMs\": %s,\n  \"lastPtsMs\": %s,\n", first, last
            printf "  \"formatStartTimeMs\": %s,\n  \"durationMs\": %s,\n", ms(fstart), ms(duration)
            printf "  \"avgFrameRate\": \"%s\",\n", rate
            printf "  \"minFrameDurationMs\": %.3f,\n  \"maxFrameDurationMs\": %.3f,\n", dmin, dmax
            printf "  \"variableFrameRate\": %s,\n", (dmax - dmin > 1) ? "true" : "false"
            printf "  \"hasAudio\": %s\n", audio
            printf "}\n"
        }' "$csv" >"$facts"
}

fact() { # fact CLIP NAME: one value from <clip>.facts.json (flat, one field a line)
    sed -n "s/^  \"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" "$1.facts.json"
}

expect() { # expect CLIP NAME VALUE: stop unless the fact has that value
    local actual
    actual=$(fact "$1" "$2")
    [ "$actual" = "$3" ] || die "$(basename "$1"): $2 is $actual, expected $3"
}

# clip NAME FRAMES KEYFRAMES START_MS: write the ground truth of a freshly encoded clip and check it.
clip_done() {
    local clip="$out/$1"
    write_truth "$clip"
    expect "$clip" frameCount "$2"
    expect "$clip" keyFrameCount "$3"
    expect "$clip" startTimeMs "$4"
    printf '%-34s %7d bytes  %s frames\n' "$1" "$(stat -c %s "$clip")" "$2"
}

x264_gop() { # x264_gop N: fixed GOP of N frames, closed, no scene-cut key frames
    echo "keyint=$1:min-keyint=$1:scenecut=0:open-gop=0"
}

# H.264 high profile, 3 B-frames, 2 GOPs of 100 frames, AAC sine tone, moov first (as messaging apps send).
encode "$out/h264-bframes-longgop.mp4" 640 360 25 200 "H.264 high, B-frames, GOP 100" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=8" \
    -c:v libx264 -threads 1 -preset medium -profile:v high -crf 30 -bf 3 -x264-params "$(x264_gop 100)" \
    -pix_fmt yuv420p -c:a aac -b:a 48k -ac 1 -shortest -movflags +faststart
clip_done h264-bframes-longgop.mp4 200 2 0.000

# HEVC at 29.97 fps, GOP 60, closed.
encode "$out/hevc.mp4" 320 240 30000/1001 90 "HEVC 29.97 fps" \
    -c:v libx265 -preset fast -crf 30 -tag:v hvc1 -pix_fmt yuv420p \
    -x265-params "log-level=error:pools=1:frame-threads=1:keyint=60:min-keyint=60:scenecut=0:open-gop=0:bframes=3"
clip_done hevc.mp4 90 2 0.000

# VP9 in WebM, the whole clip one GOP (alt-ref frames on, the default).
encode "$out/vp9.webm" 320 240 30 90 "VP9" \
    -c:v libvpx-vp9 -threads 1 -row-mt 0 -deadline good -cpu-used 4 -crf 40 -b:v 0 -g 90 -pix_fmt yuv420p
clip_done vp9.webm 90 1 0.000

# AV1 (libaom, fastest good-quality speed), 24 fps, the whole clip one GOP.
encode "$out/av1.mp4" 320 240 24 48 "AV1" \
    -c:v libaom-av1 -threads 1 -cpu-used 8 -crf 40 -b:v 0 -g 48 -pix_fmt yuv420p
clip_done av1.mp4 48 1 0.000

# MPEG-4 part 2 with 2 B-frames, GOP 50.
encode "$out/mpeg4-part2.mp4" 320 240 25 75 "MPEG-4 part 2" \
    -c:v mpeg4 -threads 1 -q:v 6 -bf 2 -g 50 -sc_threshold 1000000000 -pix_fmt yuv420p
clip_done mpeg4-part2.mp4 75 2 0.000

# MPEG-2 in a transport stream whose first frame is presented at 11.4 s (the muxer's own 1.4 s + 10 s),
# broadcast-style short closed GOPs with 2 B-frames (asked for 12, the encoder puts an I-frame every 10).
encode "$out/mpeg2-late-start.ts" 320 240 25 75 "MPEG-2 TS, starts at 11.4 s" \
    -c:v mpeg2video -threads 1 -q:v 6 -bf 2 -g 12 -flags:v +cgop -sc_threshold 1000000000 -pix_fmt yuv420p -output_ts_offset 10
clip_done mpeg2-late-start.ts 75 8 11400.000

# Motion JPEG in AVI: every frame a key frame.
encode "$out/mjpeg.avi" 320 240 25 40 "MJPEG" \
    -c:v mjpeg -threads 1 -q:v 6 -vf "scale=out_range=full,format=yuvj420p"
clip_done mjpeg.avi 40 40 0.000

# Variable frame rate, as a phone writes in changing light: 30 fps for 1.5 s, then 15 fps,
# with jitter of up to +-8 ms on every frame (strictly increasing timestamps, 90 kHz time base).
encode "$out/vfr-phone.mp4" 320 240 30 75 "variable frame rate" \
    -vf "settb=1/90000,setpts='(if(lt(N,45),N/30,1.5+(N-45)/15)+0.008*sin(N*2.1))/TB'" -fps_mode passthrough -enc_time_base 1:90000 \
    -c:v libx264 -threads 1 -preset medium -crf 30 -bf 2 -x264-params "$(x264_gop 75)" \
    -pix_fmt yuv420p -video_track_timescale 90000
clip_done vfr-phone.mp4 75 1 0.000
[ "$(fact "$out/vfr-phone.mp4" variableFrameRate)" = true ] || die "vfr-phone.mp4: frame durations do not vary"

# Portrait phone clip: authored upright 240x320, stored turned 90 degrees counter-clockwise (320x240)
# with a Display Matrix telling players to turn it 90 degrees clockwise, as phones write portrait video.
# ffmpeg 5.1 drops rotate metadata when encoding, so the rotation is added by a stream copy; rotate=270
# is how its muxer spells a display matrix of -90 (clockwise 90).
encode "$work/portrait-stored.mp4" 240 320 30 90 "portrait, rotation 90" \
    -vf transpose=cclock -c:v libx264 -threads 1 -preset medium -crf 30 -bf 2 -x264-params "$(x264_gop 45)" \
    -pix_fmt yuv420p
ffmpeg -hide_banner -nostdin -v error -y -i "$work/portrait-stored.mp4" -c copy -metadata:s:v:0 rotate=270 \
    "${EXACT[@]}" "$out/portrait-rotation90.mp4"
clip_done portrait-rotation90.mp4 90 2 0.000
expect "$out/portrait-rotation90.mp4" rotation 90
expect "$out/portrait-rotation90.mp4" width 240
expect "$out/portrait-rotation90.mp4" height 320

# MOV whose edit list starts the presentation at 1.5 s (an empty edit of 1.5 s, then the media).
encode "$out/editlist-start-1500ms.mov" 320 240 25 75 "MOV, edit list starts at 1.5 s" \
    -c:v libx264 -threads 1 -preset medium -crf 30 -bf 2 -x264-params "$(x264_gop 50)" \
    -pix_fmt yuv420p -output_ts_offset 1.5
clip_done editlist-start-1500ms.mov 75 2 1500.000

# Bad input: no ground truth, each must be refused with a clear message.
size=$(stat -c %s "$out/h264-bframes-longgop.mp4")
head -c $((size / 2)) "$out/h264-bframes-longgop.mp4" >"$out/bad-truncated-h264.mp4"
printf 'This is a text file with a video name. It is not a video.\n' >"$out/bad-text-named.mp4"
: >"$out/bad-empty.mp4"
ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "sine=frequency=660:sample_rate=48000:duration=2" \
    -c:a aac -b:a 48k -ac 1 "${EXACT[@]}" "$out/bad-audio-only.m4a"
for bad in bad-truncated-h264.mp4 bad-text-named.mp4 bad-empty.mp4 bad-audio-only.m4a; do
    printf '%-34s %7d bytes  (bad input)\n' "$bad" "$(stat -c %s "$out/$bad")"
done
