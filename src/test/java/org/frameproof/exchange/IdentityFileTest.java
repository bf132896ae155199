package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path folder;

    /** An identity signed as Frameproof signs one, with keys made here. */
    static PublicIdentity signed(String name, Role role) throws Exception {
        KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair encryption = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        byte[] signingKey = raw(signing.getPublic().getEncoded());
        byte[] encryptionKey = raw(encryption.getPublic().getEncoded());
        Instant createdAt = Instant.parse("2026-12-03T10:15:30Z");
        PublicIdentity unsigned = new PublicIdentity(name, role, signingKey, encryptionKey, createdAt, new byte[64]);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(signing.getPrivate());
        signer.update(IdentityFile.signedBytes(unsigned));
        return new PublicIdentity(name, role, signingKey, encryptionKey, createdAt, signer.sign());
    }

    private static byte[] raw(byte[] x509) {
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private Path file(String content) throws Exception {
        Path file = folder.resolve("identity.json");
        Files.writeString(file, content);
        return file;
    }

    private String refusal(String content) throws Exception {
        return assertThrows(UserFacingException.class, () -> IdentityFile.read(file(content))).getMessage();
    }

    private static String edited(PublicIdentity identity, String field, String value) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(IdentityFile.encode(identity));
        node.put(field, value);
        return new String(IdentityFile.canonical(node), StandardCharsets.UTF_8);
    }

    @Test
    void canonicalisationFollowsRfc8785() throws Exception {
        // RFC 8785, section 3.2.2.2: string escapes.
        assertEquals("{\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", new String(IdentityFile.canonical(JSON.readTree(
                "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"}")), StandardCharsets.UTF_8));
        // RFC 8785, section 3.2.3: properties sorted by their UTF-16 code units.
        String sorted = new String(IdentityFile.canonical(JSON.readTree("{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
                + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\","
                + " \"\\u0080\": \"Control\", \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}")), StandardCharsets.UTF_8);
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", sorted);
        // RFC 8785, section 3.2.2.3: numbers in ECMAScript's shortest form, no blanks.
        assertEquals("{\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27]}", new String(IdentityFile.canonical(JSON.readTree(
                "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]}")), StandardCharsets.UTF_8));
    }

    @Test
    void anIdentityIsWrittenCanonicalAndReadBackWithItsSignatureChecked() throws Exception {
        PublicIdentity identity = signed("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
        Path written = folder.resolve("mira.json");
        IdentityFile.write(identity, written);

        String content = Files.readString(written);
        assertTrue(content.startsWith("{\"createdAt\":\"2026-12-03T10:15:30Z\",\"encryptionKey\":\""), content);
        assertTrue(content.contains("\"role\":\"medical expert\""), content);
        PublicIdentity read = IdentityFile.read(written);
        assertEquals(IdentityFile.fingerprint(identity), IdentityFile.fingerprint(read));
        assertEquals("Dr. Mira Haddad", read.name());
        assertTrue(IdentityFile.fingerprint(read).digits().matches("(\\d{5} ){11}\\d{5}"));
        assertNotEquals(IdentityFile.fingerprint(identity), IdentityFile.fingerprint(signed("Dr. Mira Haddad", Role.MEDICAL_EXPERT)),
                "another person's keys under the same name give another fingerprint");
    }

    @Test
    void aTamperedNameRoleOrKeyBreaksTheSelfSignature() throws Exception {
        PublicIdentity identity = signed("Mira", Role.RESEARCHER);
        PublicIdentity other = signed("Sami", Role.RESEARCHER);
        for (String content : new String[] {
            edited(identity, "name", "Mirа"), // a Cyrillic a
            edited(identity, "role", "medical expert"),
            edited(identity, "encryptionKey", Base64.getEncoder().encodeToString(other.encryptionKey())),
            edited(identity, "signingKey", Base64.getEncoder().encodeToString(other.signingKey())),
            edited(identity, "signature", Base64.getEncoder().encodeToString(other.signature())),
        }) {
            String refusal = refusal(content);
            assertTrue(refusal.contains("self-signature does not match its content"), refusal);
        }
    }

    @Test
    void malformedFilesAreRefusedWithAClearMessage() throws Exception {
        PublicIdentity identity = signed("Mira", Role.RESEARCHER);
        String good = IdentityFile.encode(identity);
        assertTrue(refusal(good.substring(0, good.length() / 2)).contains("not valid JSON"));
        assertTrue(refusal("\u0000\u00ff garbage").contains("not valid JSON"));
        assertTrue(refusal("[1, 2]").contains("not a JSON object"));
        assertTrue(refusal(good + "{}").contains("not valid JSON"), "trailing content");
        assertTrue(refusal(good.replace("{\"createdAt\"", "{\"name\":\"Eve\",\"createdAt\"")).contains("not valid JSON"),
                "a duplicated field");
        assertTrue(refusal(good.replace("{\"createdAt\"", "{\"comment\":\"hi\",\"createdAt\"")).contains("\"comment\""));
        assertTrue(refusal(edited(identity, "signingKey", "AAAA")).contains("has 3 bytes, not 32"));
        assertTrue(refusal(edited(identity, "signature", "%%%")).contains("not Base64"));
        assertTrue(refusal(edited(identity, "role", "general")).contains("is not a role"));
        assertTrue(refusal(edited(identity, "createdAt", "yesterday")).contains("not an ISO-8601 UTC time"));
        assertTrue(refusal(edited(identity, "format", "something-else")).contains("not a version 1 Frameproof identity"));
        assertTrue(refusal(edited(identity, "role", "Medical_Expert")).contains("not written as Frameproof writes them"));
        assertTrue(refusal(edited(identity, "name", " ")).contains("name is empty"));
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        Path huge = folder.resolve("huge.json");
        Files.write(huge, new byte[64 * 1024 * 1024]);
        String refusal = assertThrows(UserFacingException.class, () -> IdentityFile.read(huge)).getMessage();
        assertTrue(refusal.contains("is larger than 16 KiB"), refusal);
    }
}
