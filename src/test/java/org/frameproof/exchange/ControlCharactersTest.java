package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.CommandLineRun;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that tries to steer a terminal or reorder a line (an escape sequence that clears the
 * screen, a bell, NUL, a C1 control, bidirectional overrides and isolates) is kept as given, and
 * every place that shows it shows the characters instead of obeying them.
 */
@NativeTier
class ControlCharactersTest {
    /** Clears the screen, rings, hides text behind NUL and CSI (C1), and flips "gnirts" to "string" on screen. */
    private static final String HOSTILE = "wound\u001b[2J\u0007 \u0000hidden\u009b31m \u202egnirts\u202c \u2066x\u2069 end";
    @TempDir Path work;
    private final CommandLineRun cli = new CommandLineRun();

    @Test
    void controlCharactersAreStoredAsGivenAndNeverReachATerminalReportOrSubtitleRaw() throws Exception {
        Path data = work.resolve("data");
        Footage clip;
        try (EvidenceStore store = TestStores.create(data)) {
            Case investigation = store.cases().createCase("Checkpoint\u001b]0;owned\u0007", "");
            clip = AnnotatedStores.importClip(store, investigation, Clip.MJPEG);
        }
        String footage = Long.toString(clip.id());
        assertEquals(0, cli.run(data, "annotations", "add", "--footage", footage, "--frame", "3", "--kind", "note",
                "--observation", HOSTILE, "--interpretation", "a\u202eb"), cli::err);
        String id = cli.out().strip();
        try (EvidenceStore store = TestStores.unlock(data)) {
            Annotation stored = store.annotations().require(id);
            assertEquals(HOSTILE, stored.observation(), "stored as given");
            assertEquals("a\u202eb", stored.interpretation());
        }

        for (String[] command : new String[][] {{"annotations", "show", id}, {"annotations", "show", id, "--json"},
                {"annotations", "list", "--footage", footage}, {"annotations", "list", "--footage", footage, "--json"},
                {"cases", "list"}, {"cases", "list", "--json"}, {"search", "wound"}}) {
            assertEquals(0, cli.run(data, command), cli::err);
            assertNoControls(String.join(" ", command), cli.out());
        }
        assertEquals(0, cli.run(data, "annotations", "show", id));
        assertTrue(cli.out().contains("wound\\u001b[2J\\u0007 \\u0000hidden\\u009b31m \\u202egnirts\\u202c \\u2066x\\u2069 end"),
                cli.out());
        assertEquals(0, cli.run(data, "annotations", "show", id, "--json"));
        assertEquals(HOSTILE, new ObjectMapper().readTree(cli.out()).get("observation").asText(), "JSON reads back the same text");
        assertEquals(1, cli.run(data, "annotations", "show", "no\u001b[2Jsuch"));
        assertNoControls("an error", cli.err());

        for (String format : new String[] {"vtt", "srt", "pdf"}) {
            Path out = work.resolve("out." + format);
            assertEquals(0, cli.run(data, "export", "--footage", footage, "--format", format, "--out", out.toString()), cli::err);
            String text;
            if (format.equals("pdf")) {
                try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
                    text = new PDFTextStripper().getText(pdf);
                }
            } else {
                text = Files.readString(out);
            }
            assertNoControls(format, text.replace("\n", "").replace("\r", ""));
            assertTrue(text.contains("\\u202egnirts\\u202c"), format + " shows the override, in reading order: " + text);
        }
    }

    private static void assertNoControls(String where, String printed) {
        String withoutLines = printed.replace("\n", "").replace("\r", "");
        assertFalse(withoutLines.codePoints().anyMatch(VisibleText::isControl), where + " printed a control character: "
                + VisibleText.escape(printed));
    }
}
