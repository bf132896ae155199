package org.frameproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand reaches through picocli: its output streams and the data folder given to the root. */
abstract class Subcommand implements Callable<Integer> {
    /** Writes every control character as an escape, so that printed JSON cannot steer a terminal either. */
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new ControlEscapes());
    }

    @Spec
    CommandSpec spec;

    Path dataFolder() {
        return ((FrameproofCommand) spec.root().userObject()).dataFolder();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code value} as indented JSON on standard output. */
    void printJson(Object value) throws UserFacingException {
        try {
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserFacingException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Prints {@code items} a line each (control characters escaped), or as one JSON array when {@code --json} was given. */
    <T> void printList(JsonArrayOption format, List<T> items, Function<T, ?> asJson, Function<T, String> asLine)
            throws UserFacingException {
        if (format.json) {
            printJson(items.stream().map(asJson).toList());
        } else {
            items.forEach(item -> out().println(VisibleText.escape(asLine.apply(item))));
        }
    }
}
