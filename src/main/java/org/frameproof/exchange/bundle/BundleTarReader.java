package org.frameproof.exchange.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.Ed25519;
import org.frameproof.exchange.IdentityFile;

/**
 * Reads a bundle's plaintext as a hostile stream: only the entries a bundle has, each at most once,
 * small ones held in memory up to a limit, footage handed to a sink as it streams by, every entry
 * hashed as it is read, and the manifest last. The result holds only after the manifest's signature
 * by the author (whose identity the bundle carries) and every entry's size and hash were checked.
 */
public final class BundleTarReader {
    /** Work of many findings fits; a bundle that claims more is refused before memory runs out. */
    static final long MAX_SMALL_ENTRY_BYTES = 512L * 1024 * 1024;
    /** More signers than any team has: each identity is held in memory until the manifest is checked. */
    static final int MAX_IDENTITIES = 10_000;
    private static final Pattern FOOTAGE = Pattern.compile(Pattern.quote(BundleManifest.FOOTAGE_FOLDER) + "[0-9a-f]{64}");
    private static final Pattern IDENTITY = Pattern.compile(Pattern.quote(BundleManifest.IDENTITY_FOLDER) + "[0-9a-f]{64}\\.json");

    private BundleTarReader() {
    }

    /** Takes each footage original as it streams out of the bundle (to hash it, or to stage it in the vault). */
    public interface FootageSink {
        /** Reads {@code content} (the {@code size} bytes of the footage named {@code sha256}) to its end. */
        void accept(String sha256, long size, InputStream content) throws IOException, UserFacingException;
    }

    /** A bundle whose manifest holds: its signed manifest, the author's identity and the small entries by name. */
    public record Opened(BundleManifest manifest, PublicIdentity author, Map<String, byte[]> small) {
        /** The small entry {@code name}, or an empty one when the bundle has none. */
        public byte[] entry(String name) {
            return small.getOrDefault(name, new byte[0]);
        }
    }

    /** Reads and checks a whole bundle's plaintext (see the class comment); a bundle that fails is refused. */
    public static Opened read(InputStream plaintext, FootageSink footage) throws IOException, UserFacingException {
        Map<String, byte[]> small = new LinkedHashMap<>();
        Map<String, BundleManifest.Entry> read = new HashMap<>();
        byte[] manifestBytes = null;
        int identities = 0;
        // Blocks of one record: the reader then stops right after the end-of-archive records, and
        // what follows is checked below rather than skipped as padding.
        TarArchiveInputStream tar = new TarArchiveInputStream(new FilterInputStream(plaintext) {
            @Override
            public void close() {
                // The caller closes the bundle; the tar reader must not.
            }
        }, TarConstants.DEFAULT_RCDSIZE);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            String name = entry.getName();
            if (manifestBytes != null) {
                throw new UserFacingException("it holds \"" + name + "\" after its manifest: something was added to it.");
            }
            if (!entry.isFile() || read.containsKey(name) || small.containsKey(name)) {
                throw new UserFacingException("it holds \"" + name + "\" twice or as something other than a file.");
            }
            MessageDigest digest = BundleTarWriter.digest();
            CountingStream counted = new CountingStream(new DigestInputStream(tar, digest));
            boolean identity = IDENTITY.matcher(name).matches();
            if (FOOTAGE.matcher(name).matches()) {
                String sha256 = name.substring(BundleManifest.FOOTAGE_FOLDER.length());
                footage.accept(sha256, entry.getSize(), counted);
                counted.transferTo(OutputStream.nullOutputStream());
                if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                    throw new UserFacingException("its footage \"" + name + "\" holds other content than its name says.");
                }
                read.put(name, new BundleManifest.Entry(name, counted.count, sha256));
            } else if (name.equals(BundleManifest.FILE_NAME) || name.equals(BundleManifest.WORK)
                    || name.equals(BundleManifest.FOOTAGE_RECORDS) || identity) {
                long limit = name.equals(BundleManifest.FILE_NAME) ? BundleManifest.MAX_BYTES
                        : identity ? IdentityFile.MAX_BYTES : MAX_SMALL_ENTRY_BYTES;
                if (entry.getSize() > limit) {
                    throw new UserFacingException("its \"" + name + "\" is larger than a bundle's can be.");
                }
                if (identity && ++identities > MAX_IDENTITIES) {
                    throw new UserFacingException("it carries more than " + MAX_IDENTITIES + " identities.");
                }
                byte[] content = counted.readAllBytes();
                if (name.equals(BundleManifest.FILE_NAME)) {
                    manifestBytes = content;
                } else {
                    small.put(name, content);
                    read.put(name, new BundleManifest.Entry(name, counted.count, HexFormat.of().formatHex(digest.digest())));
                }
            } else {
                throw new UserFacingException("it holds \"" + name + "\", which no Frameproof bundle has.");
            }
        }
        if (manifestBytes == null) {
            throw new UserFacingException("it has no manifest at its end: it is cut short or not a Frameproof bundle.");
        }
        // Reading to the very end makes the envelope authenticate its last chunk: a cut-off end is refused.
        // What follows the archive's end may only be the zeros that pad it.
        byte[] rest = new byte[8192];
        for (int count = plaintext.read(rest); count >= 0; count = plaintext.read(rest)) {
            for (int at = 0; at < count; at++) {
                if (rest[at] != 0) {
                    throw new UserFacingException("it holds something after its end: something was added to it.");
                }
            }
        }
        BundleManifest.Signed signed = BundleManifest.decode(manifestBytes);
        BundleManifest manifest = signed.manifest();
        byte[] authorIdentity = small.get(BundleManifest.IDENTITY_FOLDER + manifest.author() + ".json");
        if (authorIdentity == null) {
            throw new UserFacingException("it does not carry its author's identity.");
        }
        PublicIdentity author = IdentityFile.decode(authorIdentity);
        if (!Fingerprint.of(IdentityFile.signedBytes(author)).hex().equals(manifest.author())) {
            throw new UserFacingException("the identity it carries for its author is someone else's.");
        }
        if (!Ed25519.holds(author.signingKey(), manifest.signedBytes(), signed.signature())) {
            throw new UserFacingException("its manifest's signature does not hold: it was altered or forged.");
        }
        List<BundleManifest.Entry> listed = manifest.entries();
        if (listed.size() != read.size()) {
            throw new UserFacingException("it holds " + read.size() + " entries, its manifest lists " + listed.size() + ".");
        }
        for (BundleManifest.Entry entry : listed) {
            if (!entry.equals(read.get(entry.name()))) {
                throw new UserFacingException("its \"" + entry.name() + "\" is not the one its manifest lists (size or SHA-256).");
            }
        }
        return new Opened(manifest, author, Map.copyOf(small));
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            count += read < 0 ? 0 : 1;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }

        @Override
        public void close() {
            // Closing an entry's stream must not close the tar stream it is part of.
        }
    }
}
