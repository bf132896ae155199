package org.frameproof.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** What an attacker with the data folder does to a vault copy. */
public final class Tamper {
    private Tamper() {
    }

    /**
     * Flips one bit in the middle of {@code file} (where a clip's frames are, so it still plays),
     * making the read-only copy writable for the moment and read-only again.
     */
    public static void flipOneByte(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = open.length() / 2;
            open.seek(middle);
            int value = open.read();
            open.seek(middle);
            open.write(value ^ 0x10);
        } finally {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
