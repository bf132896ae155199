package org.frameproof.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a video file is, as FFmpeg reads it: the facts a reviewer sees beside the picture and that
 * {@code frameproof probe} prints.
 *
 * @param frameCount frames presented (the frame index's length)
 * @param durationMs how long the frames are shown: from the first frame's timestamp to the end of
 *     the last frame (its timestamp plus its duration), in milliseconds. Not the container's own
 *     duration field, which FFmpeg versions compute differently for edit lists.
 * @param width width as displayed: after the sample aspect ratio and the rotation are applied
 * @param height height as displayed
 * @param rotation clockwise degrees (0, 90, 180, 270) the picture is turned for display, from the
 *     stream's display matrix (a phone's portrait clip tagged {@code rotate=90} says 90)
 * @param avgFrameRate frames per second over the whole stream (first to last timestamp)
 * @param variableFrameRate whether frame durations vary, so SMPTE timecode names no exact frame
 * @param codec FFmpeg's short codec name ({@code h264}, {@code hevc}, {@code vp9}, ...)
 * @param container FFmpeg's short demuxer name ({@code mov,mp4,m4a,3gp,3g2,mj2}, {@code mpegts}, ...)
 * @param startTimeMs the first frame's own timestamp in milliseconds
 * @param sha256 the file's SHA-256, lower-case hex
 * @param tags the container's metadata (creation_time, make/model, location), sorted by key
 * @param streamTags the video stream's own metadata (older files carry {@code rotate} here)
 * @param truncated whether the file ends before its own header says it should (frames after the
 *     cut are not indexed; those before it are)
 */
public record MediaFacts(int frameCount, double durationMs, int width, int height, int rotation,
        double avgFrameRate, boolean variableFrameRate, String codec, String container, double startTimeMs,
        String sha256, Map<String, String> tags, Map<String, String> streamTags, boolean truncated) {

    public MediaFacts {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        streamTags = Collections.unmodifiableMap(new TreeMap<>(streamTags));
    }

    /** The container's creation time as tagged ({@code creation_time}), or null. */
    public String creationTime() {
        return tags.getOrDefault("creation_time", streamTags.get("creation_time"));
    }

    /**
     * A GPS position as the camera tagged it (ISO 6709, e.g. {@code +52.3676+004.9041/}), or null.
     */
    public String location() {
        for (String key : new String[] {"com.apple.quicktime.location.ISO6709", "location", "location-eng"}) {
            if (tags.containsKey(key)) {
                return tags.get(key);
            }
            if (streamTags.containsKey(key)) {
                return streamTags.get(key);
            }
        }
        return null;
    }
}
