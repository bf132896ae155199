package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Statement;
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

/** {@code annotations show} and {@code list --json} say who signed a finding and whether it holds; verify fails on one that does not. */
@NativeTier
class SignedWorkCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path data;
    private final CommandLineRun cli = new CommandLineRun();
    private String footage;
    private String note;
    private Fingerprint researcher;

    @BeforeEach
    void storeWithASignedNote() throws Exception {
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            Footage clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
            footage = Long.toString(clip.id());
            researcher = store.reviewers().own().fingerprint();
        }
        assertEquals(0, cli.run(data, "annotations", "add", "--footage", footage, "--frame", "20", "--kind", "note",
                "--observation", "man speaks", "--category", "speech"), cli::err);
        note = cli.out().strip();
    }

    private JsonNode listed() throws Exception {
        assertEquals(0, cli.run(data, "annotations", "list", "--footage", footage, "--json"), cli::err);
        return JSON.readTree(cli.out()).get(0);
    }

    private void sql(String statement) throws Exception {
        try (EvidenceStore store = TestStores.unlock(data); Statement sql = store.database().connection().createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void theSignerAndTheSignatureAreShownAndListed() throws Exception {
        JsonNode listed = listed();
        assertEquals(TestStores.REVIEWER.name(), listed.get("signedBy").get("name").asText());
        assertEquals(researcher.digits(), listed.get("signedBy").get("fingerprint").asText());
        assertTrue(listed.get("signatureValid").asBoolean(), listed.toString());

        assertEquals(0, cli.run(data, "annotations", "show", note), cli::err);
        assertTrue(cli.out().contains("signedBy           " + TestStores.REVIEWER.name() + ", fingerprint " + researcher.digits()),
                cli.out());
        assertTrue(cli.out().contains("signature          the signature holds"), cli.out());
        assertEquals(0, cli.run(data, "audit", "verify"), cli::err);
        assertTrue(cli.out().contains("Signatures: 2 hold"), cli.out());
    }

    @Test
    void aSignatureThatDoesNotHoldFailsVerifyNamingTheFinding() throws Exception {
        sql("UPDATE work_signature SET signature = REPLACE(signature, SUBSTRING(signature, 1, 4), 'AAAA')"
                + " WHERE audit_sequence = (SELECT MAX(sequence) FROM audit_log WHERE entity_id = '" + note + "')");
        assertEquals(false, listed().get("signatureValid").asBoolean(true));
        assertEquals(1, cli.run(data, "verify"));
        assertTrue(cli.err().contains(note) && cli.err().contains("the signature does NOT hold"), cli.err());
        assertEquals(1, cli.run(data, "audit", "verify"));
        assertTrue(cli.err().contains("(annotation.create of annotation " + note), cli.err());
    }

    @Test
    void workFromBeforeSignaturesListsAsUnsignedAndVerifies() throws Exception {
        sql("DELETE FROM work_signature");
        JsonNode listed = listed();
        assertTrue(listed.get("signedBy").isNull(), listed.toString());
        assertTrue(listed.get("signatureValid").isNull(), listed.toString());
        assertEquals(0, cli.run(data, "annotations", "show", note), cli::err);
        assertTrue(cli.out().contains("signature          unsigned, made before signatures"), cli.out());
        assertEquals(0, cli.run(data, "verify"), cli::out);
        assertTrue(cli.out().contains("2 made before signatures"), cli.out());
    }
}
