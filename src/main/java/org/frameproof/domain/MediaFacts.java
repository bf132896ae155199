package org.frameproof.domain;

import java.util.Map;

/**
 * What probing a video file found: the facts recorded with each imported item. Times are in
 * milliseconds; {@code tags} holds container metadata such as creation time, GPS and device.
 */
public record MediaFacts(long frameCount, long durationMs, int width, int height, int rotation,
                         double avgFrameRate, boolean variableFrameRate, String codec, String container,
                         long startTimeMs, Map<String, String> tags) {
    public MediaFacts {
        tags = Map.copyOf(tags);
    }
}
