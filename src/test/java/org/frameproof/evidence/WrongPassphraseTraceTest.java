package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.store.WrongPassphraseException;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong passphrases are reported and audited at the next unlock, and deleting their count does not hide them. */
class WrongPassphraseTraceTest {
    private static final char[] WRONG = "not the passphrase".toCharArray();
    @TempDir Path dataFolder;
    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final EvidenceStores stores = TestStores.stores(clock);

    /** A clock the test moves on by hand. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private EvidenceStore unlock() throws Exception {
        return stores.unlock(dataFolder, TestStores.PASSPHRASE.toCharArray());
    }

    @Test
    void threeWrongPassphrasesAreReportedAndAuditedAtTheNextUnlock() throws Exception {
        stores.create(dataFolder, TestStores.PASSPHRASE.toCharArray(), TestStores.REVIEWER).close();
        for (int i = 0; i < 3; i++) {
            clock.advanceSeconds(1);
            assertThrows(WrongPassphraseException.class, () -> stores.unlock(dataFolder, WRONG));
        }
        clock.advanceSeconds(10);
        try (EvidenceStore store = unlock()) {
            assertTrue(store.unlockReport().contains("3 wrong passphrases were tried since the last unlock"), store.unlockReport());
            assertTrue(store.unlockReport().contains("2026-01-01T10:00:01Z"), store.unlockReport());
            List<AuditEntry> entries = TestStores.auditEntries(store);
            AuditEntry last = entries.get(entries.size() - 1);
            assertEquals(OpeningChecks.FAILED_ATTEMPTS, last.action());
            JsonNode after = new ObjectMapper().readTree(last.afterJson());
            assertEquals(3, after.get("count").asInt());
            assertEquals(3, after.get("times").size());
            assertEquals(false, after.get("counterReset").asBoolean());
        }
        // Reported once: the next unlock has nothing to say.
        try (EvidenceStore store = unlock()) {
            assertEquals("", store.unlockReport());
        }
    }

    @Test
    void deletingTheCountOfWrongPassphrasesKeepsTheWaitAndIsReported() throws Exception {
        stores.create(dataFolder, TestStores.PASSPHRASE.toCharArray(), TestStores.REVIEWER).close();
        for (int i = 0; i < 4; i++) {
            clock.advanceSeconds(10);
            assertThrows(WrongPassphraseException.class, () -> stores.unlock(dataFolder, WRONG));
        }
        Files.delete(dataFolder.resolve("unlock-attempts")); // as someone guessing at the keyboard would, to skip the wait

        WrongPassphraseException waiting = assertThrows(WrongPassphraseException.class, this::unlock);
        assertTrue(waiting.getMessage().contains("wait"), waiting.getMessage());
        clock.advanceSeconds(1);
        assertThrows(WrongPassphraseException.class, this::unlock, "the wait holds on later tries too");

        clock.advanceSeconds(600);
        try (EvidenceStore store = unlock()) {
            assertTrue(store.unlockReport().contains("was deleted, damaged or set back"), store.unlockReport());
            List<AuditEntry> entries = TestStores.auditEntries(store);
            JsonNode after = new ObjectMapper().readTree(entries.get(entries.size() - 1).afterJson());
            assertEquals(OpeningChecks.FAILED_ATTEMPTS, entries.get(entries.size() - 1).action());
            assertTrue(after.get("counterReset").asBoolean());
        }
    }
}
