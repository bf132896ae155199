package org.frameproof.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.frameproof.domain.UserFacingException;

/**
 * The child process of {@link IsolatedProber}: analyses one video and prints the result as JSON on
 * standard output. It reads the video only through its parent ({@link ByteRequests}): it gets no
 * path, no key and no secret, so a hostile file that takes it over finds nothing to steal. Progress
 * goes to standard error as lines {@code progress F}; a reason the file cannot be used as one line
 * {@code error MESSAGE}, with exit code {@link #UNUSABLE_FILE}. A crash of a native decoder ends
 * this process only.
 */
public final class ProbeWorker {
    static final String PROGRESS = "progress ";
    static final String ERROR = "error ";
    static final int UNUSABLE_FILE = 3;

    private ProbeWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream status = System.err;
        try {
            ByteRequests.FromParent bytes = ByteRequests.FromParent.connect(
                    new DataInputStream(new BufferedInputStream(System.in)), status);
            MediaSource source = MediaSource.ofBytes(bytes.name(), "", () -> bytes);
            double[] reported = {-1};
            MediaAnalysis analysis = MediaProbe.analyze(source, fraction -> {
                // A line per percent is plenty for a progress bar.
                if (fraction - reported[0] >= 0.01 || fraction == 1.0) {
                    reported[0] = fraction;
                    status.println(PROGRESS + fraction);
                }
            }, () -> false);
            StoredAnalysis.of("", analysis).write(System.out);
            System.out.flush();
            System.exit(0);
        } catch (UserFacingException e) {
            status.println(ERROR + e.getMessage().replace('\n', ' '));
            status.flush();
            System.exit(UNUSABLE_FILE);
        }
    }
}
