package org.frameproof.exchange;

import java.nio.file.Path;

/**
 * A finished export, with what the audit event needs: what was written, where, and its hash.
 *
 * @param path the file written (for stills: the folder)
 * @param sha256 the SHA-256 of the file (for stills: of the folder's {@code SHA256SUMS} list)
 * @param bytes the file's size (for stills: all files together)
 * @param files how many files were written (1, or for stills every PNG, sidecar and hash file)
 */
public record ExportResult(ExportFormat format, Path path, String sha256, long bytes, int files) {
}
