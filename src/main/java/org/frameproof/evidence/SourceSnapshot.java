package org.frameproof.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.frameproof.domain.UserFacingException;

/**
 * A file's size and modification time before an import reads it, to tell whether it changed while
 * it was read (a download still running, a phone still syncing, someone writing to it): the hash
 * recorded must be the hash of one state of the file, not of a mixture of two.
 */
record SourceSnapshot(Path file, long size, FileTime modified) {
    static SourceSnapshot of(Path file) throws UserFacingException {
        BasicFileAttributes attributes = attributes(file);
        return new SourceSnapshot(file, attributes.size(), attributes.lastModifiedTime());
    }

    /**
     * Refuses the copy whose source hashes are {@code copied} unless the file still has the size and
     * time it had before, the copy read that many bytes, and a second read of the file gives the
     * same SHA-256 (which a change that kept the size and set the time back would not).
     */
    void checkUnchanged(Hashes copied, String item, Progress progress) throws UserFacingException {
        BasicFileAttributes now = attributes(file);
        if (now.size() != size || copied.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw changed("its size went from " + size + " to " + now.size() + " bytes (" + copied.size()
                    + " were read) and its modification time from " + modified + " to " + now.lastModifiedTime());
        }
        // Only a cancel is passed on: the reviewer has seen this file's progress once already.
        Progress cancelOnly = new Progress() {
            @Override
            public void update(String ignored, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
        String again;
        try {
            again = HashingCopier.hash(file, item, cancelOnly).sha256();
        } catch (IOException e) {
            throw new UserFacingException("could not read " + item + " a second time to check it: " + Vault.describe(e), e);
        }
        if (!again.equals(copied.sha256())) {
            throw changed("it read as SHA-256 " + copied.sha256() + " while it was copied and as " + again + " afterwards");
        }
    }

    /** The refusal for a copy that stopped because the file gave more or fewer bytes than it had before. */
    UserFacingException changedWhileCopied() throws UserFacingException {
        return changed("its size went from " + size + " to " + attributes(file).size() + " bytes while it was copied");
    }

    private static UserFacingException changed(String how) {
        return new UserFacingException("the file changed while it was imported: " + how
                + ". Nothing was imported; import it again once nothing writes to it.");
    }

    private static BasicFileAttributes attributes(Path file) throws UserFacingException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UserFacingException("could not read " + file + ": " + Vault.describe(e), e);
        }
    }
}
