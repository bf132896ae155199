package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@NativeTier
class StoreCommandLineTest {
    @TempDir Path work;
    private final Map<String, String> environment = new HashMap<>(Map.of(
            StoreAccess.PASSPHRASE, TestStores.PASSPHRASE, StoreAccess.USER, "Lia Field", StoreAccess.ROLE, "field staff"));
    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = TestStores.commandLine((data, video) -> {
            throw new AssertionError("no window in these tests");
        }, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path data() {
        return work.resolve("data");
    }

    @Test
    void helpListsTheStoreCommandsAndOpensNothing() {
        assertEquals(0, run("--data", data().toString(), "--help"));
        for (String command : new String[] {"cases", "import", "footage", "verify", "backup", "restore", "passphrase", "audit"}) {
            assertTrue(out.toString().contains("  " + command + " "), out.toString());
        }
        assertEquals(0, run("--data", data().toString(), "cases", "list", "--help"));
        assertFalse(Files.exists(data()));
    }

    @Test
    void withoutAPassphraseOrTerminalTheMessageSaysWhatToDo() {
        environment.remove(StoreAccess.PASSPHRASE);
        assertEquals(1, run("--data", data().toString(), "cases", "list"));
        assertEquals("frameproof: A passphrase is needed: run this in a terminal, or set FRAMEPROOF_PASSPHRASE.", err.toString().strip());
        assertFalse(Files.exists(data().resolve("frameproof.key")));
    }

    @Test
    void casesAreCreatedAndListedAndTheStoreRemembersWhoCreatedIt() throws Exception {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Checkpoint 4"), err.toString());
        assertEquals(0, run("cases", "list", "--data", data().toString()), err.toString());
        assertEquals("Checkpoint 4", out.toString().strip());
        assertEquals(1, run("--data", data().toString(), "cases", "create", "Checkpoint 4"));
        assertTrue(err.toString().contains("exists already"), err.toString());
        assertEquals(0, run("--data", data().toString(), "cases", "list", "--json"));
        JsonNode cases = new ObjectMapper().readTree(out.toString());
        assertEquals("Lia Field", cases.get(0).get("createdBy").asText());
    }

    @Test
    void compactRewritesTheStoreAndSaysWhatItChecked() {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Checkpoint 4"), err.toString());
        assertEquals(0, run("--data", data().toString(), "compact"), err.toString());
        assertTrue(out.toString().startsWith("Compacted " + data()), out.toString());
        assertTrue(out.toString().contains("rows compared; audit chain intact."), out.toString());
        assertTrue(err.toString().contains("Comparing every table, row by row…"), err.toString());
        assertEquals(0, run("--data", data().toString(), "cases", "list"), err.toString());
        assertEquals("Checkpoint 4", out.toString().strip());
        assertEquals(1, run("--data", work.resolve("nothing").toString(), "compact"));
        assertEquals("frameproof: There is no Frameproof store in " + work.resolve("nothing") + " yet.", err.toString().strip());
    }

    @Test
    void aWrongPassphraseIsOneClearLine() {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "A"));
        environment.put(StoreAccess.PASSPHRASE, "not the right one");
        assertEquals(1, run("--data", data().toString(), "cases", "list"));
        assertTrue(err.toString().startsWith("frameproof: Wrong passphrase for "), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        // The next unlock says so on standard error, and the audit log keeps it.
        environment.put(StoreAccess.PASSPHRASE, TestStores.PASSPHRASE);
        assertEquals(0, run("--data", data().toString(), "cases", "list"));
        assertTrue(err.toString().startsWith("frameproof: WARNING: 1 wrong passphrase was tried since the last unlock (at "),
                err.toString());
        assertEquals(0, run("--data", data().toString(), "audit", "list"));
        assertTrue(out.toString().contains("unlock.failed-attempts  key_file frameproof.key"), out.toString());
    }

    @Test
    void thePassphraseIsChangedFromTheEnvironmentAndOnlyTheNewOneOpensTheStore() throws Exception {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Kept"));
        assertEquals(1, run("--data", data().toString(), "passphrase", "change"));
        assertEquals("frameproof: A passphrase is needed: run this in a terminal, or set FRAMEPROOF_NEW_PASSPHRASE.",
                err.toString().strip());
        environment.put(StoreAccess.NEW_PASSPHRASE, "short");
        assertEquals(1, run("--data", data().toString(), "passphrase", "change"));
        assertTrue(err.toString().contains("at least 8 characters"), err.toString());

        environment.put(StoreAccess.NEW_PASSPHRASE, "a brand new passphrase");
        assertEquals(0, run("--data", data().toString(), "passphrase", "change"), err.toString());
        assertEquals("The passphrase of " + data() + " was changed.", out.toString().strip());
        assertEquals(1, run("--data", data().toString(), "cases", "list"));
        assertTrue(err.toString().startsWith("frameproof: Wrong passphrase"), err.toString());
        environment.put(StoreAccess.PASSPHRASE, "a brand new passphrase");
        assertEquals(0, run("--data", data().toString(), "cases", "list"), err.toString());
        assertEquals("Kept", out.toString().strip());
        assertEquals(0, run("--data", data().toString(), "audit", "list"));
        assertTrue(out.toString().contains("key_slot.passphrase  key_slot "), out.toString());
    }

    @Test
    void importListVerifyAndTamperDetectionFromTheCommandLine() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path originals = Files.createDirectories(work.resolve("originals"));
        Path clip = Tools.clip(originals, "clip one.mp4", 1, 1);
        Path text = Files.writeString(originals.resolve("readme.txt"), "hello");
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Case A"));
        assertEquals(1, run("--data", data().toString(), "import", "--case", "Case B", clip.toString()));
        assertTrue(err.toString().contains("There is no case named 'Case B'"), err.toString());
        assertEquals(1, run("--data", data().toString(), "import", "--case", "Case A", "--graphic", clip.toString(), text.toString()));
        assertTrue(out.toString().startsWith("imported " + clip + " as footage 1"), out.toString());
        assertTrue(err.toString().contains("refused " + text + ": not a video"), err.toString());

        assertEquals(0, run("--data", data().toString(), "footage", "list", "--case", "Case A", "--json"), err.toString());
        JsonNode items = new ObjectMapper().readTree(out.toString());
        assertEquals(1, items.size());
        JsonNode item = items.get(0);
        assertEquals(1, item.get("id").asLong());
        assertEquals("clip one.mp4", item.get("originalName").asText());
        assertEquals("unverified", item.get("status").asText(), "the JSON scripts read is unchanged");
        assertTrue(item.get("graphicViolence").asBoolean());
        assertEquals(64, item.get("sha256").asText().length());

        assertEquals("matches", item.get("lastCheck").get("result").asText(), "checked at import");
        assertEquals(0, run("--data", data().toString(), "verify"), err.toString());
        assertTrue(out.toString().startsWith("1 footage items checked; Audit log intact"), out.toString());
        assertEquals(0, run("--data", data().toString(), "footage", "list", "--case", "Case A"), err.toString());
        // The review status and the copy's integrity are named apart; the JSON above keeps its values.
        Instant checkedAt = Instant.parse(out.toString().split("  ")[3].replace("copy intact at ", ""));
        assertTrue(out.toString().contains("  authenticity: unverified  copy intact at " + checkedAt + "  clip one.mp4"),
                out.toString());
        assertEquals(0, run("--data", data().toString(), "audit", "verify"));

        Path vaultCopy;
        try (java.util.stream.Stream<Path> files = Files.list(data().resolve("vault"))) {
            vaultCopy = files.findFirst().orElseThrow(); // the only file: its name is keyed, not the SHA-256
        }
        try (RandomAccessFile file = new RandomAccessFile(vaultCopy.toFile(), "rw")) {
            file.seek(100);
            file.write(file.read() ^ 0x10);
        }
        assertEquals(1, run("--data", data().toString(), "verify", "--case", "Case A"));
        assertTrue(err.toString().startsWith("frameproof: FAILED footage 1 (clip one.mp4)"), err.toString());

        // The last check stays on record: footage list says when it ran and what it found.
        assertEquals(0, run("--data", data().toString(), "footage", "list", "--case", "Case A", "--json"), err.toString());
        JsonNode check = new ObjectMapper().readTree(out.toString()).get(0).get("lastCheck");
        assertEquals("FAILED", check.get("result").asText());
        Instant failedAt = Instant.parse(check.get("checkedAt").asText());
        assertTrue(failedAt.isAfter(checkedAt), failedAt + " after " + checkedAt);
        assertEquals(0, run("--data", data().toString(), "footage", "list", "--case", "Case A"), err.toString());
        assertEquals("1  " + item.get("sha256").asText() + "  authenticity: unverified  FAILED VERIFICATION at " + failedAt + "  clip one.mp4",
                out.toString().strip());
    }

    @Test
    void theAuditLogIsListedAndAWrittenDownHeadIsCheckedAgainstIt() throws Exception {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Case A"), err.toString());
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Case B"), err.toString());
        assertEquals(0, run("--data", data().toString(), "audit", "list"), err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[1].matches("2  \\S+Z  Lia Field  field staff  case.create  case 1  [0-9a-f]{16}"), lines[1]);
        assertEquals(0, run("--data", data().toString(), "audit", "list", "--json"), err.toString());
        JsonNode entries = new ObjectMapper().readTree(out.toString());
        assertEquals("case.create", entries.get(2).get("action").asText());
        assertEquals(16, entries.get(2).get("hash").asText().length());

        assertEquals(0, run("--data", data().toString(), "verify"), err.toString());
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("Audit chain head (3:[0-9a-f]{16})").matcher(out.toString());
        assertTrue(printed.find(), out.toString());
        String head = printed.group(1);
        assertEquals(0, run("--data", data().toString(), "audit", "verify", "--head", head), err.toString());
        assertTrue(out.toString().startsWith("Yes: the audit chain still holds entry 3"), out.toString());
        assertEquals(1, run("--data", data().toString(), "audit", "verify", "--head", "3"));
        assertTrue(err.toString().contains("A chain head is written N:HEX"), err.toString());

        // An insider with the passphrase cuts the last entry and writes another in its place.
        try (var store = TestStores.unlock(data()); var sql = store.database().connection().createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("DELETE FROM audit_log WHERE sequence = 3");
        }
        assertEquals(1, run("--data", data().toString(), "audit", "verify"));
        assertTrue(err.toString().contains("The audit chain has 2 entries, but the key file recorded 3 (head " + head + ")"),
                err.toString());
        environment.put("FRAMEPROOF_ACCEPT_AUDIT_MISMATCH", "1");
        assertEquals(1, run("--data", data().toString(), "audit", "verify", "--head", head));
        assertTrue(err.toString().contains("No: the audit chain does not hold the head " + head), err.toString());
        assertTrue(err.toString().contains("has 2 entries, but the key file recorded 3"), err.toString());
    }

    @Test
    void aStoreWithAVaultInTheClearIsEncryptedOnItsFirstCommandWhichSaysSoOnStandardError() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path clip = Tools.clip(Files.createDirectories(work.resolve("originals")), "clip one.mp4", 1, 1);
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Case A"));
        assertEquals(0, run("--data", data().toString(), "import", "--case", "Case A", clip.toString()), err.toString());
        assertEquals(0, run("--data", data().toString(), "footage", "list", "--case", "Case A", "--json"), err.toString());
        String sha256 = new ObjectMapper().readTree(out.toString()).get(0).get("sha256").asText();
        // The vault as versions before this one kept it: the footage in the clear, named by its SHA-256.
        Path vault = data().resolve("vault");
        try (java.util.stream.Stream<Path> files = Files.list(vault)) {
            Files.delete(files.findFirst().orElseThrow());
        }
        Files.copy(clip, vault.resolve(sha256));

        assertEquals(0, run("--data", data().toString(), "verify"), err.toString());

        assertEquals("Encrypting the vault: file 1 of 1", err.toString().strip());
        assertTrue(out.toString().startsWith("1 footage items checked; Audit log intact"), out.toString());
        assertFalse(Files.exists(vault.resolve(sha256)), "no footage left in the clear");
    }

    @Test
    void backupAndRestoreFromTheCommandLine() throws Exception {
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Kept"));
        Path backup = work.resolve("backup");
        assertEquals(0, run("--data", data().toString(), "backup", backup.toString()), err.toString());
        Path restored = work.resolve("restored");
        // Written as a reviewer types it in the folder beside it: the same backup.
        String typed = "./" + Path.of("").toAbsolutePath().relativize(backup);
        assertEquals(0, run("--data", restored.toString(), "restore", typed), err.toString());
        assertEquals("Restored " + typed + " into " + restored + " (verified).", out.toString().strip());
        assertEquals(0, run("--data", restored.toString(), "cases", "list"));
        assertEquals("Kept", out.toString().strip());
        Files.writeString(backup.resolve("manifest.json"), "{}");
        assertEquals(1, run("--data", work.resolve("again").toString(), "restore", backup.toString()));
        assertTrue(err.toString().startsWith("frameproof: Not a Frameproof backup, or damaged"), err.toString());
    }

    @Test
    void linksInsideFoldersAreFollowedOnlyWithFollowLinksAndTheVaultIsNeverImported() throws Exception {
        Tools.require("ffmpeg", "ffmpeg");
        Path folder = Files.createDirectories(work.resolve("originals"));
        Path link = Files.createSymbolicLink(folder.resolve("linked.mp4"), Tools.clip(Files.createDirectories(work.resolve("elsewhere")),
                "clip.mp4", 1, 1));
        assertEquals(0, run("--data", data().toString(), "cases", "create", "Case A"));

        assertEquals(1, run("--data", data().toString(), "import", "--case", "Case A", folder.toString()));
        assertEquals("frameproof: refused " + link + ": a symbolic link; links inside folders are followed only with --follow-links",
                err.toString().strip());
        assertEquals(0, run("--data", data().toString(), "import", "--case", "Case A", "--follow-links", folder.toString()),
                err.toString());
        assertTrue(out.toString().startsWith("imported " + link + " as footage 1"), out.toString());

        Path vault = data().resolve("vault");
        assertEquals(1, run("--data", data().toString(), "import", "--case", "Case A", vault.toString()));
        assertTrue(err.toString().startsWith("frameproof: " + vault + " is Frameproof's data folder, or inside it"), err.toString());
    }
}
