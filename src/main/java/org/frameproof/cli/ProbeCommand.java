package org.frameproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frameproof.domain.MediaFacts;
import org.frameproof.media.MediaProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code frameproof probe FILE}: a video's facts as JSON. */
@Command(name = "probe", description = "Print a video's facts (frames, size, rotation, codec, SHA-256, tags) as JSON.")
final class ProbeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The video to read.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MediaFacts facts = MediaProbe.analyze(file, fraction -> { }, () -> false).facts();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        spec.commandLine().getOut().println(json.writeValueAsString(facts));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
