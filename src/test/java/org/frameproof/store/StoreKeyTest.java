package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StoreKeyTest {
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void derivedKeysFollowRfc5869AndDifferByPurpose() throws Exception {
        try (StoreKey key = new StoreKey(KEY)) {
            byte[] audit = key.derive("audit-mac", "HmacSHA256").getEncoded();
            byte[] vault = key.derive("vault-cipher", "AES").getEncoded();
            assertEquals(32, audit.length);
            assertFalse(Arrays.equals(audit, vault));
            assertFalse(Arrays.equals(audit, KEY));
            assertArrayEquals(audit, key.derive("audit-mac", "HmacSHA256").getEncoded());
            // RFC 5869 by hand: PRK = HMAC(salt, IKM); OKM = HMAC(PRK, info || 0x01) for one block.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("frameproof-store-key-v1".getBytes(), "HmacSHA256"));
            byte[] prk = mac.doFinal(KEY);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update("audit-mac".getBytes());
            mac.update((byte) 1);
            assertArrayEquals(mac.doFinal(), audit);
        }
    }
}
