package org.frameproof.exchange.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.XECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.IdentityFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bundle's plaintext is read as hostile: only a well-formed tar whose signed manifest lists every entry as read holds. */
class BundleTarTest {
    private static final Instant TIME = Instant.parse("2026-12-03T10:15:30Z");
    private static final byte[] FOOTAGE = "not really a video, but bytes all the same".getBytes(StandardCharsets.UTF_8);
    private KeyPair signing;
    private PublicIdentity author;
    private String fingerprint;

    @BeforeEach
    void anAuthor() throws Exception {
        signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encryption = raw(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded());
        PublicIdentity unsigned = new PublicIdentity("Sami Field", Role.FIELD_STAFF, raw(signing.getPublic().getEncoded()),
                encryption, TIME, new byte[PublicIdentity.SIGNATURE_BYTES]);
        author = new PublicIdentity("Sami Field", Role.FIELD_STAFF, unsigned.signingKey(), encryption, TIME,
                sign(IdentityFile.signedBytes(unsigned)));
        fingerprint = IdentityFile.fingerprint(author).hex();
    }

    private static byte[] raw(byte[] x509) {
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private byte[] sign(byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(signing.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A bundle's plaintext; {@code tamper} may change the manifest's entries before it is signed. */
    private byte[] bundle(Consumer<List<BundleManifest.Entry>> tamper, String extraAfterManifest) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BundleTarWriter tar = new BundleTarWriter(plain, TIME);
        tar.add(BundleManifest.IDENTITY_FOLDER + fingerprint + ".json", IdentityFile.encode(author).getBytes(StandardCharsets.UTF_8));
        tar.add(BundleManifest.WORK, new byte[0]);
        tar.add(BundleManifest.FOOTAGE_FOLDER + sha256(FOOTAGE), FOOTAGE.length, new ByteArrayInputStream(FOOTAGE),
                ExportMonitor.NONE, 0, FOOTAGE.length);
        List<BundleManifest.Entry> entries = new ArrayList<>(tar.entries());
        tamper.accept(entries);
        BundleManifest manifest = new BundleManifest("id-1", fingerprint, List.of(fingerprint), TIME, "case", "Checkpoint 4",
                null, entries, 3, "ab".repeat(32));
        tar.finish(manifest.encode(sign(manifest.signedBytes())));
        if (extraAfterManifest != null) {
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            BundleTarWriter after = new BundleTarWriter(more, TIME);
            after.add(extraAfterManifest, new byte[1]);
            after.finish(new byte[0]);
            plain.write(more.toByteArray());
        }
        return plain.toByteArray();
    }

    private static BundleTarReader.Opened read(byte[] plain) throws Exception {
        return BundleTarReader.read(new ByteArrayInputStream(plain), (sha256, size, content) -> content.readAllBytes());
    }

    private static void assertRefused(byte[] plain, String because) {
        UserFacingException refused = assertThrows(UserFacingException.class, () -> read(plain));
        assertTrue(refused.getMessage().contains(because), refused.getMessage());
    }

    @Test
    void aWellFormedBundleReadsWithItsSignedManifestAndFootage() throws Exception {
        List<byte[]> footage = new ArrayList<>();
        BundleTarReader.Opened opened = BundleTarReader.read(new ByteArrayInputStream(bundle(entries -> { }, null)),
                (sha256, size, content) -> footage.add(content.readAllBytes()));
        assertEquals("id-1", opened.manifest().bundleId());
        assertEquals("Sami Field", opened.author().name());
        assertArrayEquals(FOOTAGE, footage.get(0));
        assertEquals(3, opened.manifest().entries().size());
    }

    @Test
    void aManifestThatDoesNotListWhatWasReadIsRefused() throws Exception {
        assertRefused(bundle(entries -> entries.remove(1), null), "entries, its manifest lists");
        assertRefused(bundle(entries -> entries.set(1, new BundleManifest.Entry(BundleManifest.WORK, 0, "cd".repeat(32))), null),
                "is not the one its manifest lists");
    }

    @Test
    void anythingAfterTheManifestOrAnUnknownEntryIsRefused() throws Exception {
        assertRefused(bundle(entries -> { }, "late.txt"), "after its end");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BundleTarWriter tar = new BundleTarWriter(plain, TIME);
        tar.add("../../home/evil", new byte[1]);
        tar.finish(new byte[0]);
        assertRefused(plain.toByteArray(), "which no Frameproof bundle has");
    }

    @Test
    void anIdentityLargerThanAnIdentityFileCanBeIsRefusedBeforeItIsHeld() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BundleTarWriter tar = new BundleTarWriter(plain, TIME);
        tar.add(BundleManifest.IDENTITY_FOLDER + "ab".repeat(32) + ".json", new byte[IdentityFile.MAX_BYTES + 1]);
        tar.finish(new byte[0]);
        assertRefused(plain.toByteArray(), "is larger than a bundle's can be");
    }

    @Test
    void aManifestSignedByAnotherKeyOrMissingIsRefused() throws Exception {
        byte[] good = bundle(entries -> { }, null);
        signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertRefused(bundle(entries -> { }, null), "signature does not hold");
        assertRefused(Arrays.copyOf(good, 1536), "");
    }

    @Test
    void footageThatIsNotWhatItsNameSaysIsRefused() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BundleTarWriter tar = new BundleTarWriter(plain, TIME);
        tar.add(BundleManifest.FOOTAGE_FOLDER + "00".repeat(32), FOOTAGE);
        tar.finish(new byte[0]);
        assertRefused(plain.toByteArray(), "holds other content than its name says");
    }

    @Test
    void theAgeEnvelopeOpensOnlyForItsRecipients() throws Exception {
        KeyPair recipient = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = AgeEnvelope.encrypt(sealed, List.of(raw(recipient.getPublic().getEncoded())))) {
            out.write(FOOTAGE);
        }
        try (InputStream in = AgeEnvelope.decrypt(new ByteArrayInputStream(sealed.toByteArray()),
                ((XECPrivateKey) recipient.getPrivate()).getScalar().orElseThrow())) {
            assertArrayEquals(FOOTAGE, in.readAllBytes());
        }
        AgeEnvelope.Unopenable notOurs = assertThrows(AgeEnvelope.Unopenable.class, () -> AgeEnvelope.decrypt(
                new ByteArrayInputStream(sealed.toByteArray()), ((XECPrivateKey) stranger.getPrivate()).getScalar().orElseThrow()));
        assertTrue(notOurs.notAddressed());
        byte[] damaged = sealed.toByteArray();
        damaged[damaged.length - 5] ^= 1;
        assertThrows(AgeEnvelope.Unopenable.class, () -> {
            try (InputStream in = AgeEnvelope.decrypt(new ByteArrayInputStream(damaged),
                    ((XECPrivateKey) recipient.getPrivate()).getScalar().orElseThrow())) {
                in.readAllBytes();
            }
        });
        assertTrue(AgeEnvelope.recipient(raw(recipient.getPublic().getEncoded())).startsWith("age1"));
    }
}
