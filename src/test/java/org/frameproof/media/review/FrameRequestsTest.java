package org.frameproof.media.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.media.PictureSignature;
import org.frameproof.testing.HandRunExecutor;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decoder request worker with its decoding thread run by hand: real FFmpeg, no JavaFX, no libVLC. */
@NativeTier
class FrameRequestsTest {
    private final HandRunExecutor decoding = new HandRunExecutor();
    private final List<String> results = new ArrayList<>();
    private final FrameRequests requests = new FrameRequests(decoding, Runnable::run, 16L << 20, new FrameRequests.Results() {
        @Override
        public void decoded(FrameRequest request, DecodedFrame frame) {
            results.add("decoded " + frame.frame());
        }

        @Override
        public void found(FrameRequest request, DecodedFrame frame, boolean clockOff) {
            results.add("found " + frame.frame() + (clockOff ? " clock off" : ""));
        }

        @Override
        public void failed(String message) {
            results.add("failed");
        }
    });

    @AfterEach
    void close() {
        requests.close();
        decoding.runAll();
    }

    private static ReviewedFile open(Clip clip) throws Exception {
        MediaSource source = MediaSource.of(clip.path());
        return new ReviewedFile(source, clip.name(), MediaProbe.analyze(source, fraction -> { }, () -> false));
    }

    @Test
    void requestsMadeWhileTheDecoderWaitsAreServedByTheNewestAlone() throws Exception {
        ReviewedFile file = open(Clip.H264_BFRAMES_LONGGOP);
        requests.want(FrameRequest.exact(file, 3));
        requests.want(FrameRequest.exact(file, 9));
        requests.want(FrameRequest.exact(file, 13));
        assertEquals(1, decoding.queued(), "one decoding pass serves every request made while it waited");
        decoding.runAll();
        assertEquals(List.of("decoded 13"), results);

        requests.want(FrameRequest.exact(file, 14));
        decoding.runAll();
        assertEquals(List.of("decoded 13", "decoded 14"), results, "a request after the pass starts another");
    }

    @Test
    void aPlayedPictureIsFoundAsTheFrameThatLooksLikeIt() throws Exception {
        ReviewedFile file = open(Clip.H264_BFRAMES_LONGGOP);
        PictureSignature picture;
        try (FrameDecoder decoder = FrameDecoder.open(file.source(), file.index(), 16L << 20)) {
            picture = PictureSignature.of(decoder.frame(40));
        }
        requests.want(new FrameRequest(file, 37, picture, FrameRequests.SNAP_REACH));
        decoding.runAll();
        assertEquals(List.of("found 40"), results, "near libVLC's time: no offset to learn");

        requests.want(new FrameRequest(file, 10, picture, FrameRequests.SNAP_REACH));
        decoding.runAll();
        assertEquals("found 40 clock off", results.get(1), "far from libVLC's time: its clock counts from elsewhere");
    }
}
