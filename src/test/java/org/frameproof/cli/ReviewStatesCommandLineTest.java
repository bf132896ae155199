package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.Case;
import org.frameproof.domain.Fingerprint;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding's way through review on the command line, with three reviewers of one store: the
 * researcher who writes it, a second researcher and a medical expert. Every refusal says why and
 * leaves the store as it was.
 */
@NativeTier
class ReviewStatesCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECOND = "second researcher's passphrase";
    private static final String EXPERT = "the medical expert's passphrase";
    @TempDir Path data;
    private final CommandLineRun cli = new CommandLineRun();
    private String footage;
    private String injury;
    private String location;

    @BeforeEach
    void threeReviewersAndTwoFindings() throws Exception {
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            Footage clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
            footage = Long.toString(clip.id());
        }
        assertEquals(0, cli.addReviewer(data, "Ben Second", "researcher", SECOND), cli::err);
        assertEquals(0, cli.addReviewer(data, "Dr Mira Haddad", "medical expert", EXPERT), cli::err);
        injury = add("--kind", "injury", "--frame", "10", "--observation", "burn on the hand", "--injury-type", "burn");
        location = add("--kind", "location", "--frame", "12", "--observation", "church on the ridge", "--place", "Ridge");
    }

    private String add(String... fields) {
        List<String> args = new ArrayList<>(List.of("annotations", "add", "--footage", footage));
        args.addAll(List.of(fields));
        assertEquals(0, cli.run(data, args.toArray(String[]::new)), cli::err);
        return cli.out().strip();
    }

    private JsonNode listed(String passphrase, String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("annotations", "list", "--footage", footage, "--json"));
        args.addAll(List.of(filters));
        assertEquals(0, cli.runWith(passphrase, data, args.toArray(String[]::new)), cli::err);
        return JSON.readTree(cli.out());
    }

    private JsonNode finding(String id) throws Exception {
        for (JsonNode one : listed(TestStores.PASSPHRASE)) {
            if (one.get("id").asText().equals(id)) {
                return one;
            }
        }
        throw new AssertionError("no finding " + id);
    }

    /** The findings and the number of audit entries: what a refused command must leave as it was. */
    private String store() throws Exception {
        assertEquals(0, cli.run(data, "audit", "list", "--json"), cli::err);
        return JSON.readTree(cli.out()).size() + " entries, " + listed(TestStores.PASSPHRASE);
    }

    /** Runs a command that must be refused with {@code message} (a part of it), and checks nothing changed. */
    private void refused(String passphrase, String message, String... args) throws Exception {
        String before = store();
        assertNotEquals(0, cli.runWith(passphrase, data, args));
        assertTrue(cli.err().contains(message), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
        assertEquals(before, store(), "a refusal leaves the store untouched");
    }

    @Test
    void aFindingIsSubmittedConfirmedSealedAndUnsealedAndEveryRefusalLeavesTheStoreUntouched() throws Exception {
        assertEquals("draft", finding(injury).get("state").asText());
        refused(EXPERT, "is a draft", "annotations", "confirm", injury);
        refused(SECOND, "only they submit it", "annotations", "submit", injury);
        assertEquals(0, cli.run(data, "annotations", "submit", injury), cli::err);
        assertEquals(0, cli.run(data, "annotations", "submit", location), cli::err);
        assertEquals("Submitted " + location + ": now submitted.", cli.out().strip());

        refused(TestStores.PASSPHRASE, "nobody can confirm their own finding", "annotations", "confirm", location);
        refused(SECOND, "Only a medical expert can confirm an injury; Ben Second works here as researcher.",
                "annotations", "confirm", injury);
        refused(EXPERT, "Only a researcher can confirm a location", "annotations", "confirm", location);
        refused(EXPERT, "A rejection needs a comment", "annotations", "reject", injury);
        refused(EXPERT, "A rejection needs a comment", "annotations", "reject", injury, "--comment", "  ");

        assertEquals(List.of(injury), ids(listed(EXPERT, "--waiting-for-me")));
        assertEquals(List.of(location), ids(listed(SECOND, "--waiting-for-me")));
        assertEquals(List.of(), ids(listed(TestStores.PASSPHRASE, "--waiting-for-me")), "nothing of one's own waits for one");

        assertEquals(0, cli.runWith(EXPERT, data, "annotations", "confirm", injury, "--comment", "consistent with a burn"),
                cli::err);
        assertEquals(0, cli.runWith(SECOND, data, "annotations", "reject", location, "--comment", "the tower is elsewhere"),
                cli::err);
        assertEquals(List.of(injury), ids(listed(TestStores.PASSPHRASE, "--state", "confirmed")));
        assertEquals(List.of(location), ids(listed(TestStores.PASSPHRASE, "--state", "REJECTED")));

        JsonNode confirmed = finding(injury);
        assertEquals("confirmed", confirmed.get("state").asText());
        assertEquals("Dr Mira Haddad", confirmed.get("signedBy").get("name").asText());
        assertTrue(confirmed.get("signatureValid").asBoolean());
        JsonNode review = confirmed.get("review");
        assertEquals("confirmed", review.get("verdict").asText());
        assertEquals("Dr Mira Haddad", review.get("reviewer").asText());
        assertEquals(confirmed.get("signedBy").get("fingerprint").asText(), review.get("fingerprint").asText());
        assertEquals(new Fingerprint(review.get("reviewerFingerprint").asText()).digits(), review.get("fingerprint").asText());
        assertEquals("consistent with a burn", review.get("comment").asText());
        assertTrue(review.get("signatureValid").asBoolean());
        assertTrue(review.get("counts").asBoolean(), review.toString());

        String pdf = pdfText();
        assertTrue(pdf.contains("State: confirmed"), pdf);
        assertTrue(pdf.contains("Signed by Dr Mira Haddad (fingerprint " + review.get("fingerprint").asText()
                + "): the signature holds"), pdf);
        assertTrue(pdf.contains("Review signed by Dr Mira Haddad (fingerprint " + review.get("fingerprint").asText()
                + "): the signature holds — counts in this store"), pdf);
        assertTrue(pdf.contains("Review: rejected by Ben Second"), pdf);

        refused(EXPERT, "already confirmed by Dr Mira Haddad", "annotations", "reject", injury, "--comment", "no");
        refused(TestStores.PASSPHRASE, "Only a medical expert can seal an injury", "annotations", "seal", injury);
        assertEquals(0, cli.runWith(EXPERT, data, "annotations", "seal", injury), cli::err);
        assertEquals("sealed", finding(injury).get("state").asText());
        refused(TestStores.PASSPHRASE, "is sealed and read-only", "annotations", "delete", injury);
        refused(EXPERT, "Missing required option: '--reason=TEXT'", "annotations", "unseal", injury);
        refused(EXPERT, "Unsealing needs a reason", "annotations", "unseal", injury, "--reason", " ");
        assertEquals(0, cli.runWith(EXPERT, data, "annotations", "unseal", injury, "--reason", "the body region was wrong"),
                cli::err);
        JsonNode unsealed = finding(injury);
        assertEquals("confirmed", unsealed.get("state").asText(), "back to the state it was sealed in");
        assertEquals("the body region was wrong", unsealed.get("unsealReason").asText());

        assertEquals(0, cli.run(data, "annotations", "show", injury), cli::err);
        String shown = cli.out();
        assertTrue(shown.contains("state              confirmed"), shown);
        assertTrue(shown.contains("review             confirmed by Dr Mira Haddad at "), shown);
        assertTrue(shown.contains("review counts      counts here"), shown);
        assertTrue(shown.contains("review signature   the signature holds"), shown);
        assertEquals(0, cli.run(data, "audit", "verify"), cli::err);
        for (String action : List.of("annotation.submit", "annotation.confirm", "annotation.reject", "annotation.seal",
                "annotation.unseal")) {
            assertTrue(auditActions().contains(action), action);
        }
    }

    @Test
    void theAuthorChangingAReviewedFindingSendsItBackToDraftAndNoOneElseChangesItsText() throws Exception {
        assertEquals(0, cli.run(data, "annotations", "submit", location), cli::err);
        assertEquals(0, cli.runWith(SECOND, data, "annotations", "reject", location, "--comment", "wrong ridge"), cli::err);
        refused(SECOND, "only Ana Test-Reviewer changes it now", "annotations", "delete", location);
        try (EvidenceStore store = TestStores.unlock(data)) {
            var changed = store.annotations().edit(location, org.frameproof.evidence.AnnotationContent
                    .of(store.annotations().require(location)).withObservation("church on the eastern ridge"));
            assertEquals("draft", changed.status().state().label());
        }
        assertEquals("draft", finding(location).get("state").asText());
        assertTrue(finding(location).get("review").isNull(), "the rejection was of the earlier text");
    }

    /** The report of the footage as text, every run of white space as one space. */
    private String pdfText() throws Exception {
        Path pdf = data.resolveSibling(data.getFileName() + "-report.pdf");
        assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", "pdf", "--out", pdf.toString()), cli::err);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private List<String> auditActions() throws Exception {
        assertEquals(0, cli.run(data, "audit", "list", "--json"), cli::err);
        List<String> actions = new ArrayList<>();
        JSON.readTree(cli.out()).forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(one -> ids.add(one.get("id").asText()));
        return ids;
    }
}
