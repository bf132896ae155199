package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Footage is verified with its basis (source, date, place), then disputed, rejected or withdrawn; each step signed. */
@NativeTier
class FootageStatusCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path data;
    private final CommandLineRun cli = new CommandLineRun();

    private JsonNode listed() throws Exception {
        assertEquals(0, cli.run(data, "footage", "list", "--case", "Checkpoint 4", "--json"), cli::err);
        return JSON.readTree(cli.out()).get(0);
    }

    @Test
    void verifiedFootageStatesItsBasisAndEachStepIsSigned() throws Exception {
        String id;
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            Footage clip = AnnotatedStores.importClip(store, investigation, Clip.MPEG2_TS_LATE_START);
            id = Long.toString(clip.id());
        }
        String before = listed().toString();
        assertEquals(1, cli.run(data, "footage", "status", id, "verified", "--source", "the uploader's channel",
                "--date", "first post"));
        assertEquals("frameproof: Say how the footage's place was established: verified footage states its source, date"
                + " and place.", cli.err().strip());
        assertEquals(before, listed().toString(), "nothing changed");
        assertEquals(1, cli.run(data, "footage", "status", id, "disputed"));
        assertTrue(cli.err().contains("a reason is required"), cli.err());

        assertEquals(0, cli.run(data, "footage", "status", id, "verified", "--source", "the uploader's channel",
                "--date", "first post and the shadows", "--place", "geolocated from the water tower"), cli::err);
        JsonNode verified = listed();
        assertEquals("verified", verified.get("status").asText());
        assertEquals("geolocated from the water tower", verified.get("basis").get("place").asText());
        assertEquals(0, cli.run(data, "footage", "status", id, "disputed", "--reason", "another channel posted it earlier"),
                cli::err);
        JsonNode disputed = listed();
        assertEquals("disputed", disputed.get("status").asText());
        assertEquals("the uploader's channel", disputed.get("basis").get("source").asText(), "the basis it was verified on");

        assertEquals(0, cli.run(data, "audit", "list", "--json"), cli::err);
        long statusSteps = 0;
        for (JsonNode entry : JSON.readTree(cli.out())) {
            statusSteps += entry.get("action").asText().equals("footage.status") ? 1 : 0;
        }
        assertEquals(2, statusSteps);
        assertEquals(0, cli.run(data, "audit", "verify"), cli::err);
        assertTrue(cli.out().contains("Signatures: 3 hold"), cli.out());
    }
}
