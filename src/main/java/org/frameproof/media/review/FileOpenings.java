package org.frameproof.media.review;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.FirstFrame;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalysis;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.MediaSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens files for review, one at a time: decodes a file's first frame at once, without its index,
 * while the analysis reads the index; a newer opening or a cancel abandons the one under way, and
 * nothing of an abandoned opening reaches its {@link Steps}.
 *
 * <p>Threads: {@link #open} and {@link #cancel} run on the owner's thread, and the steps are called
 * on it; the first frame is decoded on the decoding executor, the analysis runs on its own.
 */
final class FileOpenings {
    private static final Logger LOG = LoggerFactory.getLogger(FileOpenings.class);

    /** What an opening comes to, on the owner's thread. */
    interface Steps {
        /** The file's first frame, before its index is read: shown unless the index came first. */
        void firstFrame(String name, FirstFrame first);

        /** How much of the index is read, 0..1, in steps of a percent or more. */
        void progress(double fraction);

        /** The file is ready to move through. */
        void opened(ReviewedFile file);

        /** The file cannot be read, in the reviewer's words. */
        void failed(String message);
    }

    private final MediaAnalyzer analyzer;
    private final Executor analysis;
    private final Executor decoding;
    private final Executor owner;
    private final Steps steps;
    /** The opening under way, null when none is. Owner's thread. */
    private Opening current;

    FileOpenings(MediaAnalyzer analyzer, Executor analysis, Executor decoding, Executor owner, Steps steps) {
        this.analyzer = analyzer;
        this.analysis = analysis;
        this.decoding = decoding;
        this.owner = owner;
        this.steps = steps;
    }

    /** Starts opening {@code source}, abandoning the opening under way. */
    void open(MediaSource source) {
        cancel();
        Opening started = new Opening(source, new AtomicBoolean());
        current = started;
        decoding.execute(() -> decodeFirstFrame(started));
        analysis.execute(() -> analyze(started));
    }

    /** Abandons the opening under way, if any, and says whether there was one. */
    boolean cancel() {
        if (current == null) {
            return false;
        }
        current.cancelled().set(true);
        current = null;
        return true;
    }

    /** Decoder thread: frame 0 without the index, skipped when the index came first. */
    private void decodeFirstFrame(Opening wanted) {
        if (wanted.cancelled().get()) {
            return;
        }
        try {
            FirstFrame first = FrameDecoder.firstFrameWithTime(wanted.source());
            owner.execute(() -> {
                if (wanted == current) {
                    steps.firstFrame(wanted.source().name(), first);
                }
            });
        } catch (UserFacingException | RuntimeException e) {
            // The analysis meets the same problem and reports it in the reviewer's words.
            LOG.debug("The first frame could not be decoded ahead of the analysis", e);
        }
    }

    /** Analysis thread. */
    private void analyze(Opening analyzed) {
        MediaSource source = analyzed.source();
        AtomicBoolean cancelled = analyzed.cancelled();
        double[] handedOn = {0};
        try {
            MediaAnalysis result = analyzer.analyze(source, fraction -> {
                // Hand on whole percents only, so a fast indexer does not flood the owner's thread.
                if (fraction - handedOn[0] >= 0.01) {
                    handedOn[0] = fraction;
                    owner.execute(() -> {
                        if (!cancelled.get()) {
                            steps.progress(fraction);
                        }
                    });
                }
            }, cancelled::get);
            owner.execute(() -> {
                if (!cancelled.get()) {
                    // Also tells a first frame still being decoded that it is not needed.
                    cancelled.set(true);
                    current = null;
                    steps.opened(new ReviewedFile(source, source.name(), result));
                }
            });
        } catch (CancellationException e) {
            // The reviewer cancelled or opened another file; nothing to report.
            LOG.debug("Opening a video was cancelled");
        } catch (UserFacingException e) {
            fail(analyzed, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Opening a video failed unexpectedly", e);
            fail(analyzed, "Could not open " + source.name() + ": " + e.getMessage());
        }
    }

    private void fail(Opening failed, String message) {
        owner.execute(() -> {
            if (!failed.cancelled().get()) {
                current = null;
                steps.failed(message);
            }
        });
    }

    private record Opening(MediaSource source, AtomicBoolean cancelled) {
    }
}
