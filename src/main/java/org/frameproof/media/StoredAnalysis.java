package org.frameproof.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.MediaFacts;

/**
 * A {@link MediaAnalysis} as JSON: what a probe worker prints and what the index cache keeps.
 * Reading it back rebuilds the {@link FrameIndex}, which checks that timestamps increase.
 *
 * @param source the identity of what was analysed ({@link MediaSource}), empty from a probe worker
 * @param keyFrames the numbers of the key frames
 */
record StoredAnalysis(String source, MediaFacts facts,
        long timeBaseNumerator, long timeBaseDenominator, long[] pts, int[] keyFrames) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredAnalysis of(String source, MediaAnalysis analysis) {
        FrameIndex index = analysis.index();
        long[] pts = new long[index.frameCount()];
        for (int frame = 0; frame < pts.length; frame++) {
            pts[frame] = index.pts(frame);
        }
        int[] keys = java.util.stream.IntStream.range(0, pts.length).filter(index::isKeyFrame).toArray();
        return new StoredAnalysis(source, analysis.facts(),
                index.timeBaseNumerator(), index.timeBaseDenominator(), pts, keys);
    }

    /** @throws IllegalArgumentException when the stored index is inconsistent */
    MediaAnalysis analysis() {
        BitSet keys = new BitSet(pts.length);
        for (int key : keyFrames) {
            keys.set(key);
        }
        FrameIndex index = new FrameIndex(pts, keys, timeBaseNumerator, timeBaseDenominator);
        if (facts.frameCount() != index.frameCount()) {
            throw new IllegalArgumentException("facts name " + facts.frameCount() + " frames, the index " + index.frameCount());
        }
        return new MediaAnalysis(facts, index);
    }

    /** The same analysis, of {@code identity}. */
    StoredAnalysis withSource(String identity) {
        return new StoredAnalysis(identity, facts, timeBaseNumerator, timeBaseDenominator, pts, keyFrames);
    }

    void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    static StoredAnalysis read(InputStream in) throws IOException {
        return JSON.readValue(in, StoredAnalysis.class);
    }
}
