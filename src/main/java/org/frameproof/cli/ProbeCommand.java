package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.MediaFacts;
import org.frameproof.media.MediaProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code frameproof probe FILE}: a video's facts as JSON. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Print a video's facts (frames, size, rotation, codec, SHA-256, tags) as JSON.")
final class ProbeCommand extends Subcommand {
    @Parameters(paramLabel = "FILE", description = "The video to read.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        MediaFacts facts = MediaProbe.analyze(file, fraction -> { }, () -> false).facts();
        printJson(facts);
        return 0;
    }
}
