package org.frameproof.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small files replaced all at once: the old content or the new, never half of either, even on a crash. */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) throws StoreException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), PrivateFiles.ownerOnly())) {
                PrivateFiles.restrict(temporary); // a ".new" file a crash left keeps the permissions it had
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(target.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException removal) {
                // The write failed already; a leftover ".new" file is overwritten next time.
                LOG.debug("The temporary file of a failed write could not be removed", removal);
            }
            throw new StoreException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Makes a rename in {@code directory} durable (on Linux a directory can be opened and synced). */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
