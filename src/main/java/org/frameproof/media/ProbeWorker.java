package org.frameproof.media;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameproof.domain.UserFacingException;

/**
 * The child process of {@link IsolatedProber}: analyses one file and prints the result as JSON on
 * standard output. Progress goes to standard error as lines {@code progress F}; a reason the file
 * cannot be used as one line {@code error MESSAGE}, with exit code {@link #UNUSABLE_FILE}. A crash
 * of a native decoder ends this process only.
 */
public final class ProbeWorker {
    static final String PROGRESS = "progress ";
    static final String ERROR = "error ";
    static final int UNUSABLE_FILE = 3;

    private ProbeWorker() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream status = System.err;
        Path file = Path.of(args[0]);
        try {
            MediaInput.checkReadable(file);
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            double[] reported = {-1};
            MediaAnalysis analysis = MediaProbe.analyze(file, fraction -> {
                // A line per percent is plenty for a progress bar.
                if (fraction - reported[0] >= 0.01 || fraction == 1.0) {
                    reported[0] = fraction;
                    status.println(PROGRESS + fraction);
                }
            }, () -> false);
            StoredAnalysis.of(file.toAbsolutePath().toString(), size, modified, analysis).write(System.out);
            System.out.flush();
            System.exit(0);
        } catch (UserFacingException e) {
            status.println(ERROR + e.getMessage().replace('\n', ' '));
            status.flush();
            System.exit(UNUSABLE_FILE);
        }
    }
}
