package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encrypted vault file: what is written reads back at any position, and every way of changing
 * the file on disk (a byte, its end, the order of its chunks, a chunk from another file, its
 * header) fails the read with a message naming the item, never returning wrong bytes.
 */
class EncryptedVaultFileTest {
    private static final int SMALL_CHUNK = 1024;
    private static final int CHUNK_ON_DISK = SMALL_CHUNK + EncryptedVaultFile.TAG_BYTES;
    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    @TempDir Path folder;

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Path write(String name, byte[] content, int chunkBytes) throws IOException {
        Path file = folder.resolve(name);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            VaultWriter writer = new VaultWriter(out, KEY, content.length, name, chunkBytes);
            // Uneven pieces, so chunk boundaries fall inside them.
            Random sizes = new Random(content.length);
            for (int at = 0; at < content.length; ) {
                int piece = Math.min(content.length - at, 1 + sizes.nextInt(3 * chunkBytes));
                writer.write(ByteBuffer.wrap(content, at, piece));
                at += piece;
            }
            writer.finish();
        }
        return file;
    }

    /** Cuts the file after {@code chunks} chunks and makes its header claim {@code plaintextBytes}. */
    private static void cut(Path file, int chunks, long plaintextBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(EncryptedVaultFile.HEADER_BYTES + (long) chunks * CHUNK_ON_DISK);
            channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, plaintextBytes), 16);
        }
    }

    @Test
    void readsAtRandomPositionsAndLengthsAcrossChunkBoundariesGiveThePlaintext() throws Exception {
        byte[] content = random(SMALL_CHUNK * 37 + 123, 1);
        Path file = write("clip.mp4", content, SMALL_CHUNK);
        assertEquals(EncryptedVaultFile.HEADER_BYTES + content.length + 38L * EncryptedVaultFile.TAG_BYTES, Files.size(file));
        Random random = new Random(2);
        try (VaultReader reader = VaultReader.open(file, KEY, "clip.mp4")) {
            assertEquals(content.length, reader.size());
            for (int i = 0; i < 2000; i++) {
                long position = random.nextInt(content.length + 10);
                int length = random.nextInt(4 * SMALL_CHUNK);
                byte[] target = new byte[length + 7];
                int read = reader.read(position, target, 7, length);
                if (position >= content.length) {
                    assertEquals(-1, read, "the end, at " + position);
                } else {
                    int expected = (int) Math.min(length, content.length - position);
                    assertEquals(expected, read, "at " + position + " for " + length);
                    assertArrayEquals(Arrays.copyOfRange(content, (int) position, (int) position + expected),
                            Arrays.copyOfRange(target, 7, 7 + expected));
                }
            }
            assertArrayEquals(content, VaultBytes.plaintext(reader));
        }
    }

    @Test
    void theDefaultChunkSizeAndExactMultiplesAndEmptyFilesRoundTrip() throws Exception {
        for (int length : new int[] {0, 1, EncryptedVaultFile.CHUNK_BYTES, 3 * EncryptedVaultFile.CHUNK_BYTES + 5}) {
            byte[] content = random(length, length);
            Path file = write("clip-" + length, content, EncryptedVaultFile.CHUNK_BYTES);
            try (VaultReader reader = VaultReader.open(file, KEY, "clip")) {
                assertArrayEquals(content, VaultBytes.plaintext(reader));
                assertEquals(-1, reader.read(length, new byte[1], 0, 1));
            }
        }
    }

    @Test
    void theFileHoldsNoPlaintextAndTwoCopiesOfTheSameContentDiffer() throws Exception {
        byte[] content = new byte[SMALL_CHUNK * 4]; // zeros: any plaintext would show as runs of zeros
        byte[] one = Files.readAllBytes(write("one", content, SMALL_CHUNK));
        byte[] two = Files.readAllBytes(write("two", content, SMALL_CHUNK));
        for (int at = EncryptedVaultFile.HEADER_BYTES; at + 16 <= one.length; at++) {
            assertTrue(!Arrays.equals(one, at, at + 16, new byte[16], 0, 16), "a run of plaintext at " + at);
        }
        assertTrue(!Arrays.equals(one, EncryptedVaultFile.HEADER_BYTES, one.length, two, EncryptedVaultFile.HEADER_BYTES, two.length),
                "each file has its own nonces");
    }

    @Test
    void aFlippedByteInAnyChunkFailsTheReadAndNamesTheItem() throws Exception {
        byte[] content = random(SMALL_CHUNK * 5 + 10, 3);
        for (long position : new long[] {EncryptedVaultFile.HEADER_BYTES, EncryptedVaultFile.HEADER_BYTES + 2L * CHUNK_ON_DISK + 500,
                EncryptedVaultFile.HEADER_BYTES + 2L * CHUNK_ON_DISK + SMALL_CHUNK + 3}) {
            Path file = write("flip-" + position, content, SMALL_CHUNK);
            VaultBytes.flipByte(file, position);
            try (VaultReader reader = VaultReader.open(file, KEY, "phone video.mp4")) {
                long chunk = (position - EncryptedVaultFile.HEADER_BYTES) / CHUNK_ON_DISK;
                byte[] target = new byte[SMALL_CHUNK];
                VaultFileDamagedException failed = assertThrows(VaultFileDamagedException.class,
                        () -> reader.read(chunk * SMALL_CHUNK, target, 0, SMALL_CHUNK));
                assertTrue(failed.getMessage().startsWith("The vault copy of phone video.mp4 is damaged or was altered: chunk "
                        + chunk + " of 6 does not authenticate"), failed.getMessage());
                assertArrayEquals(new byte[SMALL_CHUNK], target, "no byte of a failed chunk is handed out");
            }
        }
    }

    @Test
    void aFlippedByteInTheLastChunkOrTheHeaderFailsTheOpen() throws Exception {
        byte[] content = random(SMALL_CHUNK * 3 + 10, 4);
        Path last = write("last", content, SMALL_CHUNK);
        VaultBytes.flipByte(last, Files.size(last) - 1);
        assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(last, KEY, "last"));
        // The nonce prefix: the header's digest is in every chunk's additional data.
        Path prefix = write("prefix", content, SMALL_CHUNK);
        VaultBytes.flipByte(prefix, EncryptedVaultFile.HEADER_BYTES - 1);
        assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(prefix, KEY, "prefix"));
        Path magic = write("magic", content, SMALL_CHUNK);
        VaultBytes.flipByte(magic, 0);
        assertTrue(assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(magic, KEY, "magic"))
                .getMessage().endsWith("it is not an encrypted vault file"));
    }

    @Test
    void aTruncatedFileIsRefusedAtOpenEvenAtAChunkBoundary() throws Exception {
        byte[] content = random(SMALL_CHUNK * 4, 5);
        Path file = write("cut", content, SMALL_CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(EncryptedVaultFile.HEADER_BYTES + 3L * CHUNK_ON_DISK);
        }
        VaultFileDamagedException failed = assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(file, KEY, "cut.mp4"));
        assertTrue(failed.getMessage().contains("cut.mp4") && failed.getMessage().contains("ends early"), failed.getMessage());
    }

    @Test
    void aTruncatedFileWhoseHeaderClaimsTheShorterLengthIsRefused() throws Exception {
        byte[] content = random(SMALL_CHUNK * 4, 6);
        Path file = write("cut", content, SMALL_CHUNK);
        cut(file, 3, 3L * SMALL_CHUNK);
        assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(file, KEY, "cut"),
                "chunk 2 was not sealed as the last one, and the header it authenticates said 4 chunks");
    }

    @Test
    void swappedChunksAreRefused() throws Exception {
        byte[] content = random(SMALL_CHUNK * 4, 7);
        Path file = write("swap", content, SMALL_CHUNK);
        byte[] bytes = Files.readAllBytes(file);
        int one = EncryptedVaultFile.HEADER_BYTES + CHUNK_ON_DISK;
        int two = EncryptedVaultFile.HEADER_BYTES + 2 * CHUNK_ON_DISK;
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, one, swapped, two, CHUNK_ON_DISK);
        System.arraycopy(bytes, two, swapped, one, CHUNK_ON_DISK);
        Files.write(file, swapped);
        try (VaultReader reader = VaultReader.open(file, KEY, "swap")) {
            assertArrayEquals(Arrays.copyOf(content, SMALL_CHUNK), readRange(reader, 0, SMALL_CHUNK), "chunk 0 is untouched");
            assertThrows(VaultFileDamagedException.class, () -> readRange(reader, SMALL_CHUNK, SMALL_CHUNK));
            assertThrows(VaultFileDamagedException.class, () -> readRange(reader, 2L * SMALL_CHUNK, SMALL_CHUNK));
        }
    }

    @Test
    void aChunkFromAnotherFileOfTheSameKeyAndLayoutIsRefused() throws Exception {
        byte[] content = random(SMALL_CHUNK * 4, 8);
        Path mine = write("mine", content, SMALL_CHUNK);
        Path other = write("other", random(SMALL_CHUNK * 4, 9), SMALL_CHUNK);
        byte[] bytes = Files.readAllBytes(mine);
        int at = EncryptedVaultFile.HEADER_BYTES + CHUNK_ON_DISK;
        System.arraycopy(Files.readAllBytes(other), at, bytes, at, CHUNK_ON_DISK);
        Files.write(mine, bytes);
        try (VaultReader reader = VaultReader.open(mine, KEY, "mine")) {
            assertThrows(VaultFileDamagedException.class, () -> readRange(reader, SMALL_CHUNK, 10));
        }
    }

    @Test
    void droppingTheLastChunkAndRelabellingTheLengthIsRefused() throws Exception {
        // The second-to-last chunk was sealed as "not last": it cannot pose as the end of the file.
        byte[] content = random(SMALL_CHUNK * 2 + 100, 10);
        Path file = write("short", content, SMALL_CHUNK);
        cut(file, 2, 2L * SMALL_CHUNK);
        assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(file, KEY, "short"));
    }

    @Test
    void anotherKeyOpensNothing() throws Exception {
        Path file = write("keyed", random(100, 11), SMALL_CHUNK);
        SecretKey other = new SecretKeySpec(random(32, 12), "AES");
        assertThrows(VaultFileDamagedException.class, () -> VaultReader.open(file, other, "keyed"));
    }

    @Test
    void theWriterRefusesASourceThatGivesMoreOrFewerBytesThanDeclared() throws Exception {
        try (FileChannel out = FileChannel.open(folder.resolve("more"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            VaultWriter writer = new VaultWriter(out, KEY, 10, "grows.mp4", SMALL_CHUNK);
            IOException grown = assertThrows(IOException.class, () -> writer.write(ByteBuffer.allocate(11)));
            assertTrue(grown.getMessage().startsWith("grows.mp4 changed while it was copied"), grown.getMessage());
        }
        try (FileChannel out = FileChannel.open(folder.resolve("fewer"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            VaultWriter writer = new VaultWriter(out, KEY, 10, "shrinks.mp4", SMALL_CHUNK);
            writer.write(ByteBuffer.allocate(9));
            assertThrows(IOException.class, writer::finish);
        }
    }

    private static byte[] readRange(VaultReader reader, long position, int length) throws IOException {
        byte[] target = new byte[length];
        for (int done = 0; done < length; ) {
            done += reader.read(position + done, target, done, length - done);
        }
        return target;
    }
}
