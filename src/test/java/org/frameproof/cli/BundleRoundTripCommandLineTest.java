package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case travels between three data folders with no server, through the command line only: field
 * staff import footage and notes offline and send them to the researcher, who annotates an injury
 * and sends it to the medical expert, who confirms it and sends it back; the researcher's store then
 * shows the confirmation signed by the expert, and counts it. Each refusal leaves the store untouched.
 */
@NativeTier
class BundleRoundTripCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE = "Checkpoint 4";
    @TempDir Path work;
    private final CommandLineRun cli = new CommandLineRun();

    private Path store(String name, Reviewer reviewer) throws Exception {
        Path data = work.resolve(name);
        TestStores.stores().create(data, TestStores.PASSPHRASE.toCharArray(), reviewer).close();
        ok(data, "identity", "export", "--out", work.resolve(name + ".json").toString());
        return data;
    }

    private String ok(Path data, String... args) {
        assertEquals(0, cli.run(data, args), () -> String.join(" ", args) + ": " + cli.err());
        return cli.out();
    }

    private void refusedUntouched(Path data, String because, String... args) {
        String head = ok(data, "audit", "verify");
        assertEquals(1, cli.run(data, args), () -> String.join(" ", args) + " was not refused: " + cli.out());
        assertTrue(cli.err().contains(because), cli.err());
        assertEquals(head, ok(data, "audit", "verify"), "the store is untouched");
    }

    private String fingerprint(Path data) throws Exception {
        return JSON.readTree(ok(data, "identity", "show", "--json")).get("fingerprint").asText();
    }

    @Test
    void aCaseGoesFromTheFieldToTheResearcherToTheExpertAndBack() throws Exception {
        Path field = store("field", new Reviewer("Sami Field", Role.FIELD_STAFF));
        Path researcher = store("researcher", TestStores.REVIEWER);
        Path expert = store("expert", new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT));
        ok(field, "contacts", "add", work.resolve("researcher.json").toString(), "--role", "researcher");
        ok(researcher, "contacts", "add", work.resolve("field.json").toString(), "--role", "field staff");
        ok(researcher, "contacts", "add", work.resolve("expert.json").toString(), "--role", "medical expert");
        ok(expert, "contacts", "add", work.resolve("researcher.json").toString(), "--role", "researcher");
        ok(expert, "contacts", "add", work.resolve("field.json").toString(), "--role", "field staff");
        // The field laptop knows the expert only as a researcher: a confirmation from them does not count there.
        ok(field, "contacts", "add", work.resolve("expert.json").toString(), "--role", "researcher");

        // Field staff, offline: footage and a note, then a bundle for the researcher.
        ok(field, "cases", "create", CASE);
        ok(field, "import", "--case", CASE, "--platform", "Telegram", "--graphic", Clip.MPEG2_TS_LATE_START.path().toString());
        ok(field, "annotations", "add", "--footage", "1", "--frame", "20", "--kind", "note", "--observation", "shots heard",
                "--category", "sound");
        Path fieldToResearcher = work.resolve("field-to-researcher.fpb");
        ok(field, "bundle", "export", "--case", CASE, "--to", "Ana Test-Reviewer", "--out", fieldToResearcher.toString());

        // The researcher checks it, imports it, annotates an injury and sends the case to the expert.
        assertTrue(ok(researcher, "bundle", "verify", fieldToResearcher.toString()).contains("From Sami Field"), cli.out());
        String imported = ok(researcher, "bundle", "import", fieldToResearcher.toString());
        assertTrue(imported.contains("1 new footage item(s), 1 new finding(s)"), imported);
        JsonNode footage = JSON.readTree(ok(researcher, "footage", "list", "--case", CASE, "--json")).get(0);
        String footageId = footage.get("id").asText();
        assertTrue(footage.toString().contains("\"graphicViolence\":true"), "the graphic flag travels: " + footage);
        String injury = ok(researcher, "annotations", "add", "--footage", footageId, "--frame", "12", "--kind", "injury",
                "--observation", "wound on the left temple", "--body-region", "left temple").strip();
        ok(researcher, "annotations", "submit", injury);
        Path researcherToExpert = work.resolve("researcher-to-expert.fpb");
        ok(researcher, "bundle", "export", "--case", CASE, "--to", fingerprint(expert), "--out", researcherToExpert.toString());

        // The expert confirms and sends it back without the footage the researcher holds.
        ok(expert, "bundle", "import", researcherToExpert.toString());
        ok(expert, "annotations", "confirm", injury, "--comment", "consistent with a gunshot");
        Path expertToResearcher = work.resolve("expert-to-researcher.fpb");
        ok(expert, "bundle", "export", "--case", CASE, "--to", "Ana Test-Reviewer", "Sami Field", "--without-footage",
                "--out", expertToResearcher.toString());

        String back = ok(researcher, "bundle", "import", expertToResearcher.toString());
        assertTrue(back.contains("1 review(s)") && back.contains("0 in conflict"), back);
        JsonNode shown = JSON.readTree(ok(researcher, "annotations", "show", injury, "--json"));
        assertEquals("Dr. Mira Haddad", shown.get("signedBy").get("name").asText(), shown.toString());
        assertTrue(shown.get("signatureValid").asBoolean(), shown.toString());
        assertTrue(shown.get("conflict").isNull(), shown.toString());
        assertEquals("confirmed", shown.get("state").asText(), shown.toString());
        assertTrue(shown.get("review").get("counts").asBoolean(), "the confirmation counts here: " + shown);
        ok(researcher, "verify");

        // Refusals, each leaving the store untouched.
        byte[] bytes = Files.readAllBytes(expertToResearcher);
        bytes[bytes.length / 3] ^= 0x04;
        Path flipped = Files.write(work.resolve("flipped.fpb"), bytes);
        refusedUntouched(researcher, "was refused", "bundle", "import", flipped.toString());
        refusedUntouched(researcher, "was refused", "bundle", "verify", flipped.toString());
        refusedUntouched(expert, "this bundle is not addressed to you", "bundle", "import", fieldToResearcher.toString());
        String head = ok(researcher, "audit", "verify");
        assertTrue(ok(researcher, "bundle", "import", fieldToResearcher.toString()).contains("imported before"), cli.out());
        assertEquals(head, ok(researcher, "audit", "verify"), "a replayed bundle changes nothing");

        // On the field laptop the expert is no medical expert: the confirmation is kept, shown, and not counted.
        ok(field, "bundle", "import", expertToResearcher.toString());
        assertTrue(cli.out().contains("NOT COUNTED") && cli.out().contains("not as medical expert"), cli.out());
        JsonNode onField = JSON.readTree(ok(field, "annotations", "show", injury, "--json"));
        assertEquals("submitted", onField.get("state").asText(), "the confirmation is not applied here: " + onField);
        assertFalse(onField.path("review").path("counts").asBoolean(), onField.toString());
        ok(field, "verify");
        try (EvidenceStore check = TestStores.unlock(researcher)) {
            assertTrue(check.audit().verify().intact());
        }
    }
}
