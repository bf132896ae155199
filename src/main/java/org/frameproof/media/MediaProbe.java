package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.UserFacingException;

/**
 * Reads a video's facts and frame index in this process (one demux pass plus a SHA-256 pass). A
 * hostile file can crash FFmpeg and with it this process: the workstation uses
 * {@link IsolatedProber}, which runs this in a child process.
 *
 * <p>A truncated file keeps the frames before the cut: they are indexed and the facts say
 * {@code truncated}. A file cut so early that its header or first frame is missing is "not a video".
 */
public final class MediaProbe {
    /** Share of the progress bar for the demux pass; the rest is the SHA-256 pass. */
    private static final double INDEX_SHARE = 0.6;

    private MediaProbe() {
    }

    /**
     * @param progress receives the fraction done (0..1)
     * @param cancelled polled often; when it answers true the work stops
     * @throws CancellationException when cancelled
     * @throws UserFacingException with a one-line reason: missing, empty, not a video, broken
     */
    public static MediaAnalysis analyze(Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        return analyze(MediaSource.of(file), progress, cancelled);
    }

    /** {@link #analyze(Path, DoubleConsumer, BooleanSupplier)} of any source. */
    public static MediaAnalysis analyze(MediaSource source, DoubleConsumer progress, BooleanSupplier cancelled)
            throws UserFacingException {
        try (MediaInput input = MediaInput.open(source)) {
            FrameIndexer.Result indexed = FrameIndexer.index(input, f -> progress.accept(f * INDEX_SHARE), cancelled);
            String sha256 = sha256(source, f -> progress.accept(INDEX_SHARE + f * (1 - INDEX_SHARE)), cancelled);
            FrameIndex index = indexed.index();
            DisplayGeometry geometry = DisplayGeometry.of(input.stream.codecpar());
            MediaFacts facts = new MediaFacts(index.frameCount(), indexed.presentedMillis(),
                    geometry.displayWidth(), geometry.displayHeight(), geometry.rotation(),
                    index.averageFrameRate(), index.variableFrameRate(),
                    avcodec_get_name(input.stream.codecpar().codec_id()).getString(StandardCharsets.UTF_8),
                    input.format.iformat().name().getString(StandardCharsets.UTF_8), index.ptsMillis(0), sha256,
                    tags(input.format.metadata()), tags(input.stream.metadata()), indexed.truncated());
            return new MediaAnalysis(facts, index);
        }
    }

    /** The source's SHA-256 as lower-case hex. */
    static String sha256(MediaSource source, DoubleConsumer progress, BooleanSupplier cancelled) throws UserFacingException {
        try (SeekableBytes in = source.open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = Math.max(1, in.size());
            byte[] buffer = new byte[1 << 20];
            long done = 0;
            int read;
            while ((read = in.read(done, buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, read);
                done += read;
                progress.accept(Math.min(1.0, done / (double) size));
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Hashing " + source.name() + " was cancelled");
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UserFacingException(source.name() + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static Map<String, String> tags(AVDictionary dictionary) {
        Map<String, String> tags = new LinkedHashMap<>();
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            tags.put(entry.key().getString(StandardCharsets.UTF_8), entry.value().getString(StandardCharsets.UTF_8));
        }
        return tags;
    }
}
