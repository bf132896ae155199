package org.frameproof.evidence;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.frameproof.store.StoreKey;

/**
 * The vault's two keys, derived from the store key when the store is unlocked: one encrypts the
 * footage, the other names the files. The unlocked store keeps these, never the store key itself.
 */
final class VaultKeys {
    private static final String NAME_MAC = "HmacSHA256";

    private final SecretKey content;
    private final SecretKey names;

    private VaultKeys(SecretKey content, SecretKey names) {
        this.content = content;
        this.names = names;
    }

    static VaultKeys derive(StoreKey key) {
        return new VaultKeys(key.derive("vault-content", "AES"), key.derive("vault-names", NAME_MAC));
    }

    SecretKey content() {
        return content;
    }

    /**
     * The file name of the footage with this SHA-256: an HMAC of it, so that only the key's holder
     * can tell which footage a file holds, or whether a known video is in the vault.
     */
    String name(String sha256) {
        try {
            Mac mac = Mac.getInstance(NAME_MAC);
            mac.init(names);
            return HexFormat.of().formatHex(mac.doFinal(HexFormat.of().parseHex(sha256)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + NAME_MAC, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256, e);
        }
    }
}
