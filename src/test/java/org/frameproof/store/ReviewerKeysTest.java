package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReviewerKeysTest {
    private static final byte[] MESSAGE = "a finding".getBytes(StandardCharsets.UTF_8);

    @Test
    void keysReadBackFromTheirSlotSignAsTheOriginalDoes() throws Exception {
        ReviewerKeys keys = ReviewerKeys.generate("Ana");
        ReviewerKeys read = ReviewerKeys.decode(keys.encode());
        assertArrayEquals(keys.sign(MESSAGE), read.sign(MESSAGE), "Ed25519 signatures are deterministic");
    }

    @Test
    void closedKeysSignNothingAndTheirPrivateHalfIsZeroed() {
        ReviewerKeys keys = ReviewerKeys.generate("Ana");
        keys.close();
        assertThrows(IllegalStateException.class, () -> keys.sign(MESSAGE));
        String encoded = new String(keys.encode(), StandardCharsets.UTF_8);
        assertTrue(encoded.contains("\"signingPrivate\":\"AAAAAAAAAAAA"), "the private half is zeroed");
    }
}
