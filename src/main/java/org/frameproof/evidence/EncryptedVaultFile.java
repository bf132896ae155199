package org.frameproof.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.frameproof.domain.platform.BulkCrypto;

/**
 * The format of a vault file (docs/decisions/0002-encrypted-vault.md): a 32-byte header, then the
 * plaintext in chunks of a fixed size, each sealed on its own with AES-256-GCM so that any byte
 * range can be read without the rest. Every chunk's nonce is the file's random nonce prefix and
 * the chunk's index, and its additional data binds the header's digest, the index and whether it
 * is the last chunk: a changed byte, a cut-off end, a moved chunk or a chunk from another file
 * fails its tag. One instance seals or opens the chunks of one file; not thread-safe.
 */
final class EncryptedVaultFile {
    static final int VERSION = 1;
    static final int CHUNK_BYTES = 64 * 1024;
    static final int HEADER_BYTES = 32;
    static final int TAG_BYTES = 16;
    static final int NONCE_PREFIX_BYTES = 8;
    private static final byte[] MAGIC = {'F', 'P', 'V', 'A', 'U', 'L', 'T', 0};
    private static final int SMALLEST_CHUNK = 1024;
    private static final int LARGEST_CHUNK = 16 << 20;
    /** The nonce holds the chunk index in four bytes. */
    private static final long MOST_CHUNKS = 0xFFFF_FFFFL;

    /** What the header says: the chunk size, the plaintext's length and the file's nonce prefix. */
    record Header(int chunkBytes, long plaintextBytes, byte[] noncePrefix) {
        Header {
            noncePrefix = noncePrefix.clone();
        }

        /** At least one chunk, so that even an empty file carries a tag that authenticates its header. */
        long chunkCount() {
            return Math.max(1, (plaintextBytes + chunkBytes - 1) / chunkBytes);
        }

        int plaintextBytesOf(long index) {
            return (int) Math.min(chunkBytes, plaintextBytes - index * chunkBytes);
        }

        long offsetOf(long index) {
            return HEADER_BYTES + index * (chunkBytes + (long) TAG_BYTES);
        }

        long fileBytes() {
            return HEADER_BYTES + plaintextBytes + chunkCount() * TAG_BYTES;
        }

        byte[] encode() {
            return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(VERSION).putInt(chunkBytes)
                    .putLong(plaintextBytes).put(noncePrefix).array();
        }

        /** Reads a header, refusing anything this version did not write, before any chunk is trusted. */
        static Header decode(byte[] bytes, String item) throws VaultFileDamagedException {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VaultFileDamagedException(item, "it is not an encrypted vault file");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new VaultFileDamagedException(item, "its format version " + version + " is not one this Frameproof reads");
            }
            int chunkBytes = in.getInt();
            long plaintextBytes = in.getLong();
            byte[] prefix = new byte[NONCE_PREFIX_BYTES];
            in.get(prefix);
            if (chunkBytes < SMALLEST_CHUNK || chunkBytes > LARGEST_CHUNK || plaintextBytes < 0
                    || plaintextBytes / chunkBytes >= MOST_CHUNKS) {
                throw new VaultFileDamagedException(item, "its header is damaged");
            }
            return new Header(chunkBytes, plaintextBytes, prefix);
        }
    }

    /** Whether a file begins as every vault file does (footage kept in the clear never does). */
    static boolean isVaultFile(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    private final SecretKey key;
    private final Header header;
    private final byte[] headerDigest;
    private final String item;
    private final Cipher cipher;

    EncryptedVaultFile(SecretKey key, Header header, String item) {
        if (header.plaintextBytes() / header.chunkBytes() >= MOST_CHUNKS) {
            throw new IllegalArgumentException("Too large for one vault file: " + header.plaintextBytes() + " bytes");
        }
        this.key = key;
        this.header = header;
        this.headerDigest = sha256(header.encode());
        this.item = item;
        try {
            this.cipher = BulkCrypto.cipher("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has AES/GCM", e);
        }
    }

    Header header() {
        return header;
    }

    /** Seals chunk {@code index} ({@code plaintextBytesOf(index)} bytes of {@code plain}) into {@code sealed}. */
    int seal(long index, byte[] plain, byte[] sealed) {
        try {
            init(Cipher.ENCRYPT_MODE, index);
            return cipher.doFinal(plain, 0, header.plaintextBytesOf(index), sealed, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a chunk it should seal", e);
        }
    }

    /**
     * Opens chunk {@code index} from {@code sealed} into {@code plain}, returning its length.
     *
     * @throws VaultFileDamagedException when the chunk does not authenticate where it stands
     */
    int open(long index, byte[] sealed, byte[] plain) throws VaultFileDamagedException {
        try {
            init(Cipher.DECRYPT_MODE, index);
            return cipher.doFinal(sealed, 0, header.plaintextBytesOf(index) + TAG_BYTES, plain, 0);
        } catch (AEADBadTagException e) {
            throw new VaultFileDamagedException(item, "chunk " + index + " of " + header.chunkCount()
                    + " does not authenticate (a changed byte, a moved or foreign chunk, or a changed header)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a chunk it should open", e);
        }
    }

    private void init(int mode, long index) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(NONCE_PREFIX_BYTES + 4).put(header.noncePrefix()).putInt((int) index).array();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        boolean last = index == header.chunkCount() - 1;
        cipher.updateAAD(ByteBuffer.allocate(headerDigest.length + Long.BYTES + 1)
                .put(headerDigest).putLong(index).put((byte) (last ? 1 : 0)).array());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
