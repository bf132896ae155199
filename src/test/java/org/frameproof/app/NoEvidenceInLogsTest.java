package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.Progress;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The log holds no evidence: distinctive names, texts, file names, paths and passphrases go through
 * every command that takes them (and the services the window uses), failures included, with
 * {@code --verbose} so that the debug lines are written too; none of them may appear in the log
 * file or on the console's log, while both have lines.
 */
@NativeTier
class NoEvidenceInLogsTest {
    private static final String CASE = "Kestrel-Ridge-4471";
    private static final String OBSERVATION = "Obsidian-bruise-8823";
    private static final String INTERPRETATION = "Quillwort-reading-5530";
    private static final String TAG = "marigold9912";
    private static final String COMMENT = "Foxglove-comment-3307";
    private static final String PASSPHRASE = "Pelican-pass-3391";
    private static final String NEW_PASSPHRASE = "Osprey-pass-1184";
    private static final String REVIEWER = "Vireo-Reviewer-5560";

    @TempDir Path work;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final StringWriter printed = new StringWriter();

    /** Runs {@code frameproof --verbose --data DATA ARGS...} as Main runs it, with {@code environment}. */
    private int run(Map<String, String> environment, Path data, String... args) {
        CommandLine commandLine = TestStores.commandLine((folder, video) -> {
            throw new AssertionError("no command here opens the window");
        }, environment);
        // What the command prints for its user may name files; only the log is checked here.
        commandLine.setOut(new PrintWriter(printed, true));
        commandLine.setErr(new PrintWriter(printed, true));
        List<String> all = new ArrayList<>(List.of("--verbose", "--data", data.toString()));
        all.addAll(List.of(args));
        return commandLine.execute(all.toArray(String[]::new));
    }

    @Test
    void noNameTextFileNamePathOrPassphraseReachesTheLog() throws Exception {
        Path originals = Files.createDirectories(work.resolve("Umber-folder-2209"));
        Path clip = Files.copy(Clip.H264_BFRAMES_LONGGOP.path(), originals.resolve("Heron-clip-6634.mp4"));
        Path broken = Files.writeString(work.resolve("Wombat-broken-7718.mp4"), "not a video " + OBSERVATION);
        Path brokenJson = Files.writeString(work.resolve("Larkspur-broken-2290.json"), "{\"annotations\": [" + OBSERVATION);
        Path data = work.resolve("Cobalt-data-7720");
        Path restored = work.resolve("Juniper-restored-3321");
        Path out = Files.createDirectories(work.resolve("Saffron-exports-4402"));
        Map<String, String> environment = new HashMap<>(Map.of("FRAMEPROOF_PASSPHRASE", PASSPHRASE,
                "FRAMEPROOF_USER", REVIEWER, "FRAMEPROOF_ROLE", "researcher", "FRAMEPROOF_NEW_PASSPHRASE", NEW_PASSPHRASE));
        Map<String, String> wrongPassphrase = Map.of("FRAMEPROOF_PASSPHRASE", "Wrong-" + PASSPHRASE);

        PrintStream stderr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(environment, data, "cases", "create", CASE), printed::toString);
            run(environment, data, "cases", "create", CASE);
            run(environment, data, "cases", "list");
            assertEquals(0, run(environment, data, "import", "--case", CASE, originals.toString()), printed::toString);
            run(environment, data, "import", "--case", CASE, broken.toString());
            run(environment, data, "import", "--case", "No-" + CASE, clip.toString());
            run(environment, data, "footage", "list", "--case", CASE, "--json");
            String footage = footageId(environment, data);
            run(environment, data, "probe", clip.toString());
            run(environment, data, "probe", broken.toString());
            run(environment, data, "frames", clip.toString());
            run(environment, data, "still", clip.toString(), "--frame", "3", "--out", out.resolve("Saffron-still.png").toString());
            run(environment, data, "still", broken.toString(), "--frame", "0", "--out", out.resolve("Saffron-bad.png").toString());
            StringWriter before = new StringWriter().append(printed.toString());
            assertEquals(0, run(environment, data, "annotations", "add", "--footage", footage, "--frame", "5", "--kind", "injury",
                    "--observation", OBSERVATION, "--interpretation", INTERPRETATION, "--tag", TAG, "--region", "10,10,20,20",
                    "--body-region", "Sorrel-body-1029"), printed::toString);
            String annotation = printed.toString().substring(before.toString().length()).strip();
            run(environment, data, "annotations", "add", "--footage", footage, "--frame", "5", "--kind", "note",
                    "--observation", OBSERVATION, "--region", "Sorrel,x,y,z");
            run(environment, data, "annotations", "list", "--footage", footage);
            run(environment, data, "annotations", "show", annotation);
            run(environment, data, "annotations", "confirm", annotation, "--comment", COMMENT);
            run(environment, data, "search", OBSERVATION);
            for (String format : List.of("json", "pdf", "csv", "w3c", "eaf")) {
                run(environment, data, "export", "--case", CASE, "--format", format,
                        "--out", out.resolve("Saffron-export." + format).toString());
            }
            run(environment, data, "export", "--case", CASE, "--format", "json", "--out",
                    work.resolve("No-folder-8123").resolve("Saffron.json").toString());
            run(environment, data, "annotations", "import", "--footage", footage, out.resolve("Saffron-export.json").toString());
            run(environment, data, "annotations", "import", "--footage", footage, brokenJson.toString());
            run(environment, data, "annotations", "delete", annotation);
            run(environment, data, "verify", "--case", CASE);
            run(environment, data, "audit", "list");
            run(environment, data, "audit", "verify", "--head", "1:abcdef0123456789");
            Path identity = out.resolve("Saffron-identity.json");
            assertEquals(0, run(environment, data, "identity", "export", "--out", identity.toString()), printed::toString);
            run(environment, data, "identity", "show");
            run(environment, data, "contacts", "add", identity.toString(), "--role", "researcher");
            run(environment, data, "contacts", "add", brokenJson.toString(), "--role", "researcher");
            run(environment, data, "contacts", "list", "--json");
            Map<String, String> adding = new HashMap<>(environment);
            adding.put("FRAMEPROOF_NEW_PASSPHRASE", "Quillwort-passphrase-8812");
            assertEquals(0, run(adding, data, "reviewers", "add", "Quillwort-reviewer-5512", "--role", "field staff"),
                    printed::toString);
            run(Map.of("FRAMEPROOF_PASSPHRASE", "Quillwort-passphrase-8812", "FRAMEPROOF_USER", REVIEWER), data, "reviewers", "list");
            assertEquals(0, run(environment, data, "backup", work.resolve("Tamarind-backup-6610").toString()), printed::toString);
            run(wrongPassphrase, restored, "restore", work.resolve("Tamarind-backup-6610").toString());
            assertEquals(0, run(environment, restored, "restore", work.resolve("Tamarind-backup-6610").toString()),
                    printed::toString);
            run(environment, data, "restore", broken.toString());
            run(wrongPassphrase, data, "cases", "list");
            assertEquals(0, run(environment, data, "passphrase", "change"), printed::toString);
            environment.put("FRAMEPROOF_PASSPHRASE", NEW_PASSPHRASE);
            run(environment, data, "compact");
            throughTheServicesTheWindowUses(data, clip, broken);
        } finally {
            System.setErr(stderr);
        }

        String log = logsIn(data) + logsIn(restored);
        String consoleLog = console.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO  [main] LoggedExecution: annotations add started"), log);
        assertTrue(log.contains("WARN  [main] LoggedExecution: probe failed"), log);
        assertTrue(log.contains("A file was refused at import"), log);
        assertTrue(log.contains("(message not logged)"), log);
        assertTrue(consoleLog.contains("LoggedExecution: restore ended with exit code 0"), consoleLog);
        for (String secret : List.of(CASE, OBSERVATION, INTERPRETATION, TAG, COMMENT, PASSPHRASE, NEW_PASSPHRASE, REVIEWER,
                "Sorrel", "Umber-folder", "Heron-clip", "Wombat-broken", "Larkspur-broken", "Cobalt-data", "Juniper-restored",
                "Saffron", "Tamarind-backup", "No-folder", "Quillwort", work.toString())) {
            assertTrue(!log.contains(secret), () -> "the log holds " + secret + ":\n" + log);
            assertTrue(!consoleLog.contains(secret), () -> "the console's log holds " + secret + ":\n" + consoleLog);
        }
    }

    /** What the window does with the same strings: unlock (once wrongly), a case, an import, an annotation, a search. */
    private static void throughTheServicesTheWindowUses(Path data, Path clip, Path broken) throws Exception {
        try (Logging.Session log = Logging.start(data, true)) {
            assertThrows(UserFacingException.class, () -> TestStores.stores().unlock(data, ("Wrong-" + PASSPHRASE).toCharArray()));
            try (EvidenceStore store = TestStores.stores().unlock(data, NEW_PASSPHRASE.toCharArray())) {
                Case investigation = store.cases().createCase(CASE + "-window", OBSERVATION);
                long footage = store.footage().importFiles(investigation, List.of(broken, clip), Provenance.UNKNOWN, Progress.NONE)
                        .stream().filter(result -> result.footage() != null).findFirst().orElseThrow().footage().id();
                var created = store.annotations().create(footage, 7, 7, new AnnotationContent(OBSERVATION, INTERPRETATION,
                        Confidence.LOW, List.of(TAG), null, new Finding.Note("sound")));
                store.annotations().edit(created.id(), new AnnotationContent(OBSERVATION + " edited", INTERPRETATION,
                        Confidence.HIGH, List.of(TAG), null, new Finding.Note("sound")));
                store.annotations().search(OBSERVATION, 10);
            }
        }
    }

    private String footageId(Map<String, String> environment, Path data) throws Exception {
        StringWriter before = new StringWriter().append(printed.toString());
        assertEquals(0, run(environment, data, "footage", "list", "--case", CASE, "--json"));
        String json = printed.toString().substring(before.toString().length());
        return new ObjectMapper().readTree(json).get(0).get("id").asText();
    }

    private static String logsIn(Path dataFolder) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Logging.folder(dataFolder))) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
