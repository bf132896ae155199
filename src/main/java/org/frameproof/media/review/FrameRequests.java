package org.frameproof.media.review;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.DecodedFrame;
import org.frameproof.media.FrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the frames a reviewer asks for, on one thread (a frame decoder belongs to one thread).
 * Requests are coalesced: when keys repeat faster than frames decode, the decoder goes straight
 * to the newest request and skips the ones in between.
 *
 * <p>Threads: {@link #want} and {@link #close} are called on the owner's thread (the FX thread in
 * the workstation); decoding runs on the decoding executor; {@link Results} are called through
 * the owner's executor.
 */
public final class FrameRequests {
    private static final Logger LOG = LoggerFactory.getLogger(FrameRequests.class);

    /**
     * How far from libVLC's time a paused picture's frame is looked for first, at 1x (times the
     * rate above it: the clock's error in frames grows with the rate); how far off it was measured
     * to be: {@code docs/decisions/0009-measurements-behind-tuned-constants.md}.
     */
    public static final int SNAP_REACH = 6;
    /** How far the wider search for a played picture goes, in seconds each way. */
    private static final double WIDE_SEARCH_SECONDS = 2;

    /** What the decoding found, handed to the owner's thread. */
    public interface Results {
        /** The exact frame a request without a played picture asked for. */
        void decoded(FrameRequest request, DecodedFrame frame);

        /**
         * The exact frame that looks like a request's played picture; {@code clockOff} when it was
         * far from libVLC's time and clearly the picture: libVLC's clock counts from elsewhere.
         */
        void found(FrameRequest request, DecodedFrame frame, boolean clockOff);

        /** A frame could not be decoded, in the reviewer's words. */
        void failed(String message);
    }

    private final Executor decoding;
    private final Executor owner;
    private final long frameCacheBytes;
    private final Results results;
    // Handed from the owner's thread to the decoder thread.
    private final AtomicReference<FrameRequest> wanted = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    // Decoder thread only.
    private ReviewedFile decoderFile;
    private FrameDecoder decoder;

    public FrameRequests(Executor decoding, Executor owner, long frameCacheBytes, Results results) {
        this.decoding = decoding;
        this.owner = owner;
        this.frameCacheBytes = frameCacheBytes;
        this.results = results;
    }

    /** Decodes {@code request} next, instead of any request still waiting. */
    public void want(FrameRequest request) {
        wanted.set(request);
        if (!busy.getAndSet(true)) {
            decoding.execute(this::decodeWanted);
        }
    }

    /** Releases the decoder once the requests before have been served. */
    public void close() {
        decoding.execute(this::closeDecoder);
    }

    // ---- decoder thread

    private void decodeWanted() {
        while (true) {
            FrameRequest request = wanted.getAndSet(null);
            if (request == null) {
                busy.set(false);
                // A request may have come in between the empty read and the flag being cleared.
                if (wanted.get() == null || busy.getAndSet(true)) {
                    return;
                }
                continue;
            }
            decode(request);
        }
    }

    private void decode(FrameRequest request) {
        try {
            if (decoderFile != request.file()) {
                closeDecoder();
                decoder = FrameDecoder.open(request.file().source(), request.file().index(), frameCacheBytes);
                decoderFile = request.file();
            }
            if (request.playedPicture() == null) {
                DecodedFrame frame = decoder.frame(request.frame());
                owner.execute(() -> results.decoded(request, frame));
            } else {
                findPlayedFrame(request);
            }
        } catch (UserFacingException e) {
            owner.execute(() -> results.failed(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Frame {} could not be decoded", request.frame(), e);
            owner.execute(() -> results.failed("Frame " + request.frame() + " could not be decoded: " + e.getMessage()));
        }
    }

    /**
     * Finds the exact frame of the picture libVLC played last, near the time it gave. When no frame
     * there stands out as that picture, looks wider: a picture far from libVLC's time means its
     * clock counts from elsewhere in this file, and its later times are read accordingly.
     */
    private void findPlayedFrame(FrameRequest request) throws UserFacingException {
        FrameDecoder.LookAlike found = decoder.frameLike(request.playedPicture(), request.frame(), request.reach());
        if (!found.standsOut()) {
            found = decoder.frameLike(request.playedPicture(), request.frame(),
                    Math.max(request.reach(), wideReach(request.file().index())));
        }
        DecodedFrame frame = found.frame();
        // Faster than 1x libVLC's clock also lags for a while after a start (decision record 0009),
        // which is no offset to learn: only pauses at up to 1x teach one.
        boolean clockOff = found.standsOut() && request.reach() == SNAP_REACH
                && Math.abs(frame.frame() - request.frame()) > request.reach();
        owner.execute(() -> results.found(request, frame, clockOff));
    }

    /** Frames in {@link #WIDE_SEARCH_SECONDS}, at most 150 (high-speed footage). */
    private static int wideReach(FrameIndex index) {
        return Math.min(150, (int) Math.ceil(WIDE_SEARCH_SECONDS * index.averageFrameRate()));
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
            decoderFile = null;
        }
    }
}
