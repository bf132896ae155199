package org.frameproof.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.TreeMap;

/**
 * A probe worker taken over by a hostile file: it reports everything the child process was given
 * (its environment, its command line, what its parent told it) as its "error", so a test can see it.
 */
public final class SnoopingProbeWorker {
    private SnoopingProbeWorker() {
    }

    public static void main(String[] args) throws IOException {
        ByteRequests.FromParent parent = ByteRequests.FromParent.connect(
                new DataInputStream(new BufferedInputStream(System.in)), System.err);
        String commandLine = ProcessHandle.current().info().commandLine().orElse("");
        System.err.println(ProbeWorker.ERROR + "environment=" + new TreeMap<>(System.getenv()).keySet()
                + " command=" + commandLine + " name=" + parent.name());
        System.err.flush();
        System.exit(ProbeWorker.UNUSABLE_FILE);
    }
}
