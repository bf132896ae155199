package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reviewers}, {@code identity} and {@code contacts} as a script runs them: who unlocks is who acts. */
class ReviewerCommandsTest {
    private static final String EXPERT_PASSPHRASE = "mira's own passphrase";
    @TempDir Path work;
    private String out;
    private String err;

    private int run(Map<String, String> environment, Path data, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine commandLine = TestStores.commandLine((folder, video) -> {
            throw new AssertionError("no window in these tests");
        }, environment);
        commandLine.setOut(new PrintWriter(outText, true));
        commandLine.setErr(new PrintWriter(errText, true));
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = commandLine.execute(all);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private static Map<String, String> as(String user, String passphrase) {
        Map<String, String> environment = new HashMap<>(Map.of(StoreAccess.PASSPHRASE, passphrase));
        if (user != null) {
            environment.put(StoreAccess.USER, user);
        }
        return environment;
    }

    @Test
    void aSecondReviewerIsAddedAndEveryActionIsRecordedAsTheReviewerWhoUnlocked() throws Exception {
        Path data = work.resolve("laptop");
        Map<String, String> researcher = as("Lia Field", TestStores.PASSPHRASE);
        researcher.put(StoreAccess.ROLE, "researcher");
        assertEquals(0, run(researcher, data, "cases", "create", "Checkpoint 4"), err);

        Map<String, String> adding = new HashMap<>(researcher);
        adding.put(StoreAccess.NEW_PASSPHRASE, EXPERT_PASSPHRASE);
        assertEquals(0, run(adding, data, "reviewers", "add", "Dr. Mira Haddad", "--role", "medical expert"), err);
        assertTrue(out.matches("(?s)Added Dr\\. Mira Haddad \\(medical expert\\), fingerprint (\\d{5} ){11}\\d{5}\\.\\s*"), out);

        // FRAMEPROOF_USER only names who unlocks: the researcher's name with the expert's passphrase is refused.
        assertEquals(1, run(as("Lia Field", EXPERT_PASSPHRASE), data, "cases", "list"));
        assertTrue(err.startsWith("frameproof: Wrong passphrase for Lia Field in "), err);
        // A role in the environment changes nothing: the store's record decides.
        Map<String, String> expert = as("Dr. Mira Haddad", EXPERT_PASSPHRASE);
        expert.put(StoreAccess.ROLE, "researcher");
        assertEquals(0, run(expert, data, "cases", "create", "Expert's case"), err);
        assertEquals(0, run(as(null, EXPERT_PASSPHRASE), data, "audit", "list", "--json"), err);
        JsonNode entries = new ObjectMapper().readTree(out);
        JsonNode last = entries.get(entries.size() - 1);
        assertEquals("Dr. Mira Haddad", last.get("actor").asText());
        assertEquals("medical expert", last.get("role").asText());

        assertEquals(0, run(as(null, EXPERT_PASSPHRASE), data, "reviewers", "list"), err);
        String[] lines = out.strip().split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].startsWith("Lia Field  researcher  "), lines[0]);
        assertTrue(lines[1].startsWith("Dr. Mira Haddad  medical expert  ") && lines[1].endsWith("  (you)"), lines[1]);
        assertEquals(0, run(as(null, TestStores.PASSPHRASE), data, "reviewers", "list", "--json"), err);
        JsonNode reviewers = new ObjectMapper().readTree(out);
        assertTrue(reviewers.get(0).get("unlocked").asBoolean());
        assertEquals(64, reviewers.get(1).get("fingerprintSha256").asText().length());
    }

    @Test
    void anIdentityIsShownExportedAndAcceptedAsAContactInAnotherStore() throws Exception {
        Path expertData = work.resolve("expert");
        Map<String, String> expert = as("Dr. Mira Haddad", EXPERT_PASSPHRASE);
        expert.put(StoreAccess.ROLE, "medical expert");
        assertEquals(0, run(expert, expertData, "identity", "show"), err);
        assertTrue(out.contains("Name:        Dr. Mira Haddad"), out);
        assertTrue(out.contains("Role:        medical expert"), out);
        String fingerprint = out.lines().filter(line -> line.startsWith("Fingerprint: ")).findFirst().orElseThrow().substring(13);
        assertTrue(fingerprint.matches("(\\d{5} ){11}\\d{5}"), fingerprint);
        assertEquals(0, run(expert, expertData, "identity", "show", "--json"), err);
        JsonNode shown = new ObjectMapper().readTree(out);
        assertEquals(fingerprint, shown.get("fingerprint").asText());
        assertEquals("medical expert", shown.get("statedRole").asText());
        assertEquals(44, shown.get("signingKey").asText().length());
        Path file = work.resolve("mira.json");
        assertEquals(0, run(expert, expertData, "identity", "export", "--out", file.toString()), err);
        assertTrue(out.contains("Fingerprint: " + fingerprint), out);
        assertFalse(Files.readString(file).contains("Private"), "the file holds no secret");

        Path researcherData = work.resolve("researcher");
        Map<String, String> researcher = as("Lia Field", TestStores.PASSPHRASE);
        assertEquals(0, run(researcher, researcherData, "contacts", "add", file.toString(), "--role", "medical expert"), err);
        assertTrue(out.contains("Accepted Dr. Mira Haddad as medical expert (they state: medical expert)."), out);
        assertTrue(out.contains("Fingerprint: " + fingerprint), out);
        assertEquals(1, run(researcher, researcherData, "contacts", "add", file.toString(), "--role", "researcher"));
        assertTrue(err.contains("is a contact already"), err);

        assertEquals(0, run(researcher, researcherData, "contacts", "list", "--json"), err);
        JsonNode contacts = new ObjectMapper().readTree(out);
        assertEquals(1, contacts.size());
        assertEquals(fingerprint, contacts.get(0).get("fingerprint").asText());
        assertEquals("medical expert", contacts.get(0).get("acceptedRole").asText());
        assertEquals("Lia Field", contacts.get(0).get("acceptedBy").asText());
        assertEquals(0, run(researcher, researcherData, "audit", "list"), err);
        assertTrue(out.contains("contact.add"), out);

        Files.writeString(file, Files.readString(file).replace("Mira", "Mina"));
        assertEquals(1, run(researcher, work.resolve("third"), "contacts", "add", file.toString(), "--role", "medical expert"));
        assertTrue(err.contains("self-signature does not match its content"), err);
    }

    @Test
    void eachCommandHasHelpThatOpensNothing() {
        Path data = work.resolve("none");
        for (String[] command : new String[][] {{"reviewers", "add"}, {"reviewers", "list"}, {"identity", "show"},
            {"identity", "export"}, {"contacts", "add"}, {"contacts", "list"}}) {
            assertEquals(0, run(as(null, TestStores.PASSPHRASE), data, command[0], command[1], "--help"));
            assertTrue(out.contains("Usage: frameproof " + command[0] + " " + command[1]), out);
        }
        assertFalse(Files.exists(data));
    }
}
