package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignedWorkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNER = "ab".repeat(32);

    private static SignedWork.Work edit(String observation) {
        ObjectNode before = JSON.createObjectNode().put("id", "n1").put("observation", "man speaks").put("endPtsMs", 1200.5);
        ObjectNode after = before.deepCopy().put("observation", observation);
        return new SignedWork.Work("annotation.edit", "annotation", "n1", before, after,
                Instant.parse("2026-12-03T10:15:30.123456Z"), SIGNER);
    }

    @Test
    void theSignedBytesAreTheCanonicalFormOfTheDocumentedObject() {
        String expected = "{\"action\":\"annotation.edit\",\"after\":{\"endPtsMs\":1200.5,\"id\":\"n1\",\"observation\":"
                + "\"man shouts \\u001b\"},\"at\":\"2026-12-03T10:15:30.123456Z\",\"before\":{\"endPtsMs\":1200.5,\"id\":\"n1\","
                + "\"observation\":\"man speaks\"},\"entity\":\"annotation\",\"entityId\":\"n1\",\"format\":"
                + "\"frameproof-signed-work\",\"signer\":\"" + SIGNER + "\",\"version\":1}";
        assertEquals(expected, new String(SignedWork.signedBytes(edit("man shouts \u001b")), StandardCharsets.UTF_8));
    }

    @Test
    void aCreationHasNoBeforeAndADeletionNoAfter() {
        SignedWork.Work created = new SignedWork.Work("annotation.create", "annotation", "n1", null,
                JSON.createObjectNode().put("id", "n1"), Instant.parse("2026-12-03T10:15:30Z"), SIGNER);
        String text = new String(SignedWork.signedBytes(created), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"before\":null"), text);
        assertTrue(text.contains("\"at\":\"2026-12-03T10:15:30Z\""), text);
    }

    @Test
    void aSignatureHoldsForItsWorkOnlyAndOnlyUnderItsKey() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Arrays.copyOfRange(key.getPublic().getEncoded(), 12, 44);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(SignedWork.signedBytes(edit("man shouts")));
        byte[] signature = signer.sign();

        assertTrue(SignedWork.holds(edit("man shouts"), raw, signature));
        assertFalse(SignedWork.holds(edit("man whispers"), raw, signature), "changed content");
        byte[] other = Arrays.copyOfRange(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded(), 12, 44);
        assertFalse(SignedWork.holds(edit("man shouts"), other, signature), "another key");
        assertFalse(SignedWork.holds(edit("man shouts"), raw, Arrays.copyOf(signature, 10)), "a cut signature");
        assertFalse(SignedWork.holds(edit("man shouts"), new byte[32], signature), "no key on the curve");
    }
}
