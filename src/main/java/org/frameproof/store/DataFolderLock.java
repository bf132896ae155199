package org.frameproof.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workstation per data folder. H2 would let a second connection in the same process share
 * the database, and two processes would meet only H2's own lock error; an explicit OS lock gives
 * every second opener the same clear message, and the OS frees it when a process dies.
 */
final class DataFolderLock {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);

    static final String FILE_NAME = "frameproof.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path dataFolder) throws StoreException {
        FileChannel channel = null;
        try {
            PrivateFiles.createFolder(dataFolder);
            channel = FileChannel.open(dataFolder.resolve(FILE_NAME), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyInUse(dataFolder);
            }
            return new DataFolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyInUse(dataFolder);
        } catch (StoreException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Could not use the data folder " + dataFolder + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock as well.
            LOG.debug("Releasing the data folder's lock failed; closing its file releases it", e);
        }
        closeQuietly(channel);
    }

    private static StoreException alreadyInUse(Path dataFolder) {
        return new StoreException("Another Frameproof is already working on " + dataFolder
                + ". Close it first, or choose another data folder with --data.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more can be done about a channel that will not close.
                LOG.warn("The data folder's lock file could not be closed", e);
            }
        }
    }
}
