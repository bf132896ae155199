package org.frameproof.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public standards the exports are checked against ({@code src/test/standards}, with their
 * sources and terms in its README; surefire passes its place as {@code frameproof.standards}).
 */
public final class Standards {
    private Standards() {
    }

    public static Path folder() {
        String configured = System.getProperty("frameproof.standards");
        assertTrue(configured != null, "surefire sets frameproof.standards");
        Path folder = Path.of(configured).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(folder), "The standards folder " + folder
                + " is missing: it is src/test/standards in the repository (or pass -Dframeproof.standards=DIR)");
        return folder;
    }

    public static Path file(String relative) {
        return folder().resolve(relative);
    }
}
