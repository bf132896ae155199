package org.frameproof.evidence;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** What the vault tests do to and with vault files: read a whole plaintext back, damage a byte. */
final class VaultBytes {
    private VaultBytes() {
    }

    static byte[] plaintext(VaultReader reader) throws IOException {
        byte[] plain = new byte[(int) reader.size()];
        for (int done = 0; done < plain.length; ) {
            done += reader.read(done, plain, done, plain.length - done);
        }
        return plain;
    }

    /** Flips the lowest bit of the byte at {@code position}, as a failing disk or a forger would. */
    static void flipByte(Path file, long position) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.seek(position);
            int b = open.read();
            open.seek(position);
            open.write(b ^ 0x01);
        }
    }
}
