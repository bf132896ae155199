package org.frameproof.evidence;

import java.io.IOException;
import org.frameproof.media.SeekableBytes;

/** A vault copy's plaintext as FFmpeg and libVLC read it: decrypted chunk by chunk, never written out. */
final class DecryptedVaultBytes implements SeekableBytes {
    private final VaultReader reader;

    DecryptedVaultBytes(VaultReader reader) {
        this.reader = reader;
    }

    @Override
    public long size() {
        return reader.size();
    }

    @Override
    public int read(long position, byte[] target, int offset, int length) throws IOException {
        return reader.read(position, target, offset, length);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
