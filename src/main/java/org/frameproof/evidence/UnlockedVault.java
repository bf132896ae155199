package org.frameproof.evidence;

import java.nio.file.Path;
import javax.crypto.SecretKey;

/**
 * What reading an unlocked store's footage needs, handed to the composition root: the data folder
 * (where the index cache lives), the vault that decrypts its copies, and the index cache's key.
 * All of it exists only while the store is unlocked; none of it is the store key.
 */
public record UnlockedVault(Path dataFolder, Vault vault, SecretKey indexCacheKey) {
}
