package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameproof.domain.Case;
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
 * A region is whole pixels of the displayed frame, at least 1 x 1, inside it, whichever way it
 * comes in: a fraction where pixels were meant is refused with what was expected, and nothing is saved.
 */
@NativeTier
class RegionInWholePixelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path work;
    private final CommandLineRun cli = new CommandLineRun();
    private Path data;
    private Footage clip;

    @BeforeEach
    void storeWithClip() throws Exception {
        data = work.resolve("data");
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            clip = AnnotatedStores.importClip(store, investigation, Clip.H264_BFRAMES_LONGGOP);
        }
    }

    private int add(String region) {
        return cli.run(data, "annotations", "add", "--footage", Long.toString(clip.id()), "--frame", "5", "--kind", "note",
                "--observation", "a man at the gate", "--region", region);
    }

    @Test
    void fractionsTooSmallAndOutsideAreRefusedNamingTheFrameSize() throws Exception {
        int width = clip.mediaFacts().width();
        int height = clip.mediaFacts().height();
        String frame = " (" + width + "x" + height + " pixels: x+w at most " + width + ", y+h at most " + height + ").";
        assertEquals(1, add("0.4,0.2,0.2,0.2"));
        assertEquals("frameproof: The region 0.4,0.2,0.2,0.2 is refused: a region is x,y,w,h in whole pixels of the frame"
                + " as displayed, w and h at least 1, inside the frame" + frame, cli.err().strip());
        assertEquals(1, add("10,10,0.5,20"), "less than a pixel wide");
        assertEquals(1, add((width - 10) + ",0,11,10"), "one pixel past the right edge");
        assertEquals(1, add("0," + (height - 5) + ",10,6"), "one pixel past the bottom");
        assertEquals(1, add("-1,0,10,10"), "left of the frame");
        assertEquals(0, count(), "nothing refused was saved");

        assertEquals(0, add((width - 10) + "," + (height - 1) + ",10,1"), cli::err);
        assertEquals(0, cli.run(data, "annotations", "list", "--footage", Long.toString(clip.id()), "--json"));
        JsonNode region = JSON.readTree(cli.out()).get(0).get("region");
        assertEquals(width - 10, region.get("x").asDouble());
        assertEquals(1, region.get("height").asDouble());
    }

    @Test
    void anImportedFileWithAFractionalRegionIsRefusedWhole() throws Exception {
        assertEquals(0, add("100,50,64,48"), cli::err);
        Path exported = work.resolve("annotations.json");
        assertEquals(0, cli.run(data, "export", "--footage", Long.toString(clip.id()), "--format", "json", "--out",
                exported.toString()), cli::err);
        JsonNode file = JSON.readTree(exported.toFile());
        ArrayNode annotations = (ArrayNode) (file.isArray() ? file : file.get("annotations"));
        ObjectNode second = annotations.get(0).deepCopy();
        second.put("id", java.util.UUID.randomUUID().toString());
        ((ObjectNode) second.get("region")).put("width", 0.2);
        annotations.add(second);
        Path hostile = work.resolve("hostile.json");
        JSON.writeValue(hostile.toFile(), file);
        assertEquals(0, cli.run(data, "cases", "create", "Empty case"));
        assertEquals(0, cli.run(data, "import", "--case", "Empty case", Clip.H264_BFRAMES_LONGGOP.path().toString()), cli::err);
        assertEquals(0, cli.run(data, "footage", "list", "--case", "Empty case", "--json"));
        String copy = JSON.readTree(cli.out()).get(0).get("id").asText();

        assertEquals(1, cli.run(data, "annotations", "import", "--footage", copy, hostile.toString()));
        assertTrue(cli.err().contains("The region 100,50,0.2,48 is refused"), cli.err());
        assertEquals(0, cli.run(data, "annotations", "list", "--footage", copy, "--json"));
        assertEquals(0, JSON.readTree(cli.out()).size(), "nothing of the file was imported");
    }

    private int count() throws Exception {
        assertEquals(0, cli.run(data, "annotations", "list", "--footage", Long.toString(clip.id()), "--json"), cli::err);
        return JSON.readTree(cli.out()).size();
    }
}
