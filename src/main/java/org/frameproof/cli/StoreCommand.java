package org.frameproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the unlocked store of the data folder, and closes it when done. */
abstract class StoreCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    final StoreAccess access;

    StoreCommand(StoreAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() throws Exception {
        try (EvidenceStore store = access.open(dataFolder())) {
            return run(store);
        }
    }

    abstract int run(EvidenceStore store) throws UserFacingException;

    Path dataFolder() {
        return ((FrameproofCommand) spec.root().userObject()).dataFolder();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object value) throws UserFacingException {
        try {
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserFacingException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
