package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threaded copy and hash against the JDK's digests of the same bytes, computed in one plain pass. */
class HashingCopierTest {
    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    @TempDir Path folder;

    @Test
    void aCopyOfManyChunksHashesAndReadsBackExactly() throws Exception {
        // Not a whole number of chunks, and more chunks than the pipeline has buffers.
        byte[] content = new byte[ChunkPipeline.CHUNK_BYTES * 11 + 12_345];
        new Random(5).nextBytes(content);
        Path source = Files.write(folder.resolve("source.bin"), content);
        AtomicLong lastDone = new AtomicLong(-1);
        Progress progress = endingAt(lastDone, content.length);

        HashingCopier.Copied copied = HashingCopier.copy(source, folder.resolve("copy.bin"), "source.bin", progress);

        assertEquals(digest("SHA-256", content), copied.source().sha256());
        assertEquals(digest("SHA-256", content), copied.copySha256());
        assertEquals(digest("MD5", content), copied.source().md5());
        assertEquals(content.length, copied.source().size());
        assertEquals(content.length, lastDone.get(), "progress ends at the whole file");
        assertArrayEquals(content, Files.readAllBytes(folder.resolve("copy.bin")));
        AtomicLong lastReread = new AtomicLong(-1);
        Hashes reread = HashingCopier.hash(folder.resolve("copy.bin"), "copy.bin", endingAt(lastReread, content.length));
        assertEquals(digest("SHA-256", content), reread.sha256());
        assertNull(reread.md5());
        assertEquals(content.length, lastReread.get(), "a re-hash's progress ends at the whole file too");
    }

    /** Progress that checks it never goes back and keeps the last figure in {@code lastDone}. */
    private static Progress endingAt(AtomicLong lastDone, long size) {
        return new Progress() {
            @Override
            public void update(String item, long done, long total) {
                assertTrue(done >= lastDone.get(), "progress never goes back");
                assertEquals(size, total);
                lastDone.set(done);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Test
    void anEncryptedCopyHashesThePlaintextItSealedAndDecryptsToTheSource() throws Exception {
        byte[] content = new byte[ChunkPipeline.CHUNK_BYTES * 9 + 4_321];
        new Random(6).nextBytes(content);
        Path source = Files.write(folder.resolve("source.bin"), content);

        Hashes copied = HashingCopier.copyEncrypted(source, folder.resolve("copy.bin"), KEY, "source.bin", Progress.NONE);

        assertEquals(digest("SHA-256", content), copied.sha256());
        assertEquals(digest("MD5", content), copied.md5());
        assertEquals(content.length, copied.size());
        try (VaultReader reader = VaultReader.open(folder.resolve("copy.bin"), KEY, "copy")) {
            assertEquals(digest("SHA-256", content), HashingCopier.hash(reader, "copy", Progress.NONE).sha256(),
                    "the recorded SHA-256 is that of what the copy decrypts to");
        }
    }

    @Test
    void anEncryptedCopyThatReadsBackOtherwiseThanWrittenIsRefused() throws Exception {
        byte[] content = new byte[ChunkPipeline.CHUNK_BYTES * 3 + 777];
        new Random(7).nextBytes(content);
        Path source = Files.write(folder.resolve("source.bin"), content);
        Path target = folder.resolve("copy.bin");
        // The disk gives back one byte of the second chunk's ciphertext changed, after it was written.
        long flipped = EncryptedVaultFile.HEADER_BYTES + EncryptedVaultFile.CHUNK_BYTES + EncryptedVaultFile.TAG_BYTES + 100;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = new FlippingChannel(FileChannel.open(target, StandardOpenOption.READ), flipped)) {
            VaultFileDamagedException refused = assertThrows(VaultFileDamagedException.class,
                    () -> HashingCopier.copyEncrypted(in, out, back, KEY, "source.bin", Progress.NONE));
            assertTrue(refused.getMessage().contains("chunk 1 of"), refused.getMessage());
        }
        try (VaultReader intact = VaultReader.open(target, KEY, "copy")) {
            assertEquals(digest("SHA-256", content), HashingCopier.hash(intact, "copy", Progress.NONE).sha256(),
                    "only the read-back saw the change: the file itself was written right");
        }
    }

    @Test
    void anEmptyFileIsCopiedAndHashed() throws Exception {
        Path source = Files.write(folder.resolve("empty"), new byte[0]);
        HashingCopier.Copied copied = HashingCopier.copy(source, folder.resolve("copy"), "empty", Progress.NONE);
        assertEquals(digest("SHA-256", new byte[0]), copied.source().sha256());
        assertEquals(copied.source().sha256(), copied.copySha256());
        assertEquals(digest("MD5", new byte[0]), copied.source().md5());
        assertEquals(0, Files.size(folder.resolve("copy")));
    }

    @Test
    void cancellingStopsTheCopyAndItsReader() throws Exception {
        byte[] content = new byte[ChunkPipeline.CHUNK_BYTES * 20];
        Path source = Files.write(folder.resolve("source.bin"), content);
        Progress cancelSoon = CancellingProgress.afterUpdates(3);
        assertThrows(CancelledException.class,
                () -> HashingCopier.copy(source, folder.resolve("copy.bin"), "source.bin", cancelSoon));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("trailing-reader")
                && thread.isAlive()), "no reader left behind");
    }

    private static String digest(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
