package org.frameproof.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.MediaInspector;

/**
 * The real {@code ffprobe} behind {@link MediaInspector}, for tests of importing until the media
 * package's prober is wired in by the app. Tests that use it skip when ffprobe is absent.
 */
public final class FfprobeInspector implements MediaInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static boolean available() {
        return Tools.onPath("ffprobe") && Tools.onPath("ffmpeg");
    }

    @Override
    public MediaFacts inspect(Path file) throws UserFacingException {
        JsonNode probe;
        try {
            Process process = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                    "-show_streams", "-count_packets", file.toString()).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.getErrorStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new UserFacingException("not a video that can be read");
            }
            probe = JSON.readTree(out);
        } catch (IOException e) {
            throw new UserFacingException("could not run ffprobe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted", e);
        }
        for (JsonNode stream : probe.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText()) && stream.path("nb_read_packets").asLong() > 0) {
                Map<String, String> tags = new HashMap<>();
                probe.path("format").path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
                String[] rate = stream.path("avg_frame_rate").asText("0/1").split("/");
                double fps = Double.parseDouble(rate[1]) == 0 ? 0 : Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]);
                return new MediaFacts(stream.path("nb_read_packets").asLong(),
                        Math.round(probe.path("format").path("duration").asDouble() * 1000),
                        stream.path("width").asInt(), stream.path("height").asInt(), 0, fps, false,
                        stream.path("codec_name").asText(), probe.path("format").path("format_name").asText(),
                        Math.round(probe.path("format").path("start_time").asDouble() * 1000), tags);
            }
        }
        throw new UserFacingException("not a video: no video frames found");
    }
}
