package org.frameproof.ui.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;
import org.frameproof.domain.Timecode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One footage item as the case tree shows it. */
public record FootageRow(Footage footage, String durationText) {
    private static final Logger LOG = LoggerFactory.getLogger(FootageRow.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    static FootageRow of(Footage footage) {
        return new FootageRow(footage, duration(footage.mediaFactsJson()));
    }

    /** Failed verification outranks the review status: the file itself can no longer be trusted. */
    public boolean failed() {
        return footage.integrity() == Integrity.FAILED;
    }

    public String statusText() {
        return failed() ? "FAILED VERIFICATION" : footage.status().label();
    }

    /** {@code HH:MM:SS.mmm} from the probe facts recorded at import, or "duration unknown". */
    private static String duration(String mediaFactsJson) {
        try {
            JsonNode facts = JSON.readTree(mediaFactsJson == null ? "{}" : mediaFactsJson);
            JsonNode millis = facts.get("durationMs");
            return millis == null || !millis.isNumber() ? "duration unknown" : Timecode.format(Math.round(millis.asDouble() * 1000));
        } catch (IOException e) {
            LOG.warn("The media facts recorded at import are not readable JSON; the duration is shown as unknown", e);
            return "duration unknown";
        }
    }
}
