package org.frameproof.ui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A desktop that only records what it was asked to open or show, for tests to read. */
final class RecordedDesktop implements DesktopFiles {
    private final List<String> requests = new ArrayList<>();

    /** For tests that never open a result. */
    static DesktopFiles nowhere() {
        return new RecordedDesktop();
    }

    @Override
    public synchronized void open(Path file) {
        requests.add("open " + file);
    }

    @Override
    public synchronized void showInFolder(Path file) {
        requests.add("show " + file);
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }
}
