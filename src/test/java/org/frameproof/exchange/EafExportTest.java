package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.testing.Standards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class EafExportTest {
    @TempDir
    Path folder;

    private Path export() throws Exception {
        Path file = folder.resolve("case.eaf");
        new Exporter((footage, frame) -> null).export(ExportFormat.EAF, ExportFixtures.evidence(), file,
                ExportFixtures.options(), ExportMonitor.NONE);
        return file;
    }

    private static void validate(Path eaf) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(Standards.file("elan/EAFv3.0.xsd").toFile()).newValidator();
        validator.validate(new StreamSource(eaf.toFile()));
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The fixture clip's frame index: 29.97 fps in a 1/30000 time base, starting at 1.5 s. */
    private static FrameIndex fixtureIndex() {
        long[] pts = new long[2400];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = 45_000 + i * 1001L;
        }
        BitSet keys = new BitSet();
        keys.set(0);
        return new FrameIndex(pts, keys, 1, 30_000);
    }

    @Test
    void exportIsValidAgainstTheEaf30Schema() throws Exception {
        validate(Standards.file("elan/sample_3.0.eaf"));
        validate(export());
    }

    @Test
    void oneTierPerKindWithMillisecondSlotsAndTheLinkedMedia() throws Exception {
        Document eaf = parse(export());
        Element root = eaf.getDocumentElement();
        assertEquals("3.0", root.getAttribute("FORMAT"));
        List<String> order = new ArrayList<>();
        for (org.w3c.dom.Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && !order.contains(element.getTagName())) {
                order.add(element.getTagName());
            }
        }
        assertEquals(List.of("HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE"), order, "the sample's order of parts");
        Element media = (Element) eaf.getElementsByTagName("MEDIA_DESCRIPTOR").item(0);
        assertEquals("file:///vault/9f/" + ExportFixtures.SHA256 + ".mp4", media.getAttribute("MEDIA_URL"));
        assertEquals("video/mp4", media.getAttribute("MIME_TYPE"));
        assertEquals("milliseconds", ((Element) eaf.getElementsByTagName("HEADER").item(0)).getAttribute("TIME_UNITS"));
        NodeList tiers = eaf.getElementsByTagName("TIER");
        List<String> tierIds = new ArrayList<>();
        for (int i = 0; i < tiers.getLength(); i++) {
            tierIds.add(((Element) tiers.item(i)).getAttribute("TIER_ID"));
            assertEquals(1, ((Element) tiers.item(i)).getElementsByTagName("ALIGNABLE_ANNOTATION").getLength());
        }
        assertEquals(List.of("injury", "location", "uniform", "note"), tierIds);
        NodeList slots = eaf.getElementsByTagName("TIME_SLOT");
        // The note on frame 0 comes first: from 0 ms for one frame (33.367 ms, rounded down).
        assertEquals("0", ((Element) slots.item(0)).getAttribute("TIME_VALUE"));
        assertEquals("33", ((Element) slots.item(1)).getAttribute("TIME_VALUE"));
        String note = eaf.getElementsByTagName("ANNOTATION_VALUE").item(3).getTextContent();
        assertTrue(note.startsWith("صوت إطلاق نار | Frame 0 | Category: sound"), note);
    }

    @Test
    void ourEafImportsBackAsNotesOnTheSameFrames() throws Exception {
        EafImport.EafDocument document = EafImport.read(export());
        assertEquals(4, document.segments().size());
        assertEquals(0, document.skipped());
        Instant now = Instant.parse("2024-04-01T00:00:00Z");
        List<Annotation> notes = EafImport.toNotes(document, 9, ExportFixtures.SHA256, fixtureIndex(), "Importer",
                Role.RESEARCHER, now);
        List<Annotation> originals = ExportFixtures.evidence().annotations();
        for (int i = 0; i < originals.size(); i++) {
            Annotation note = notes.get(i);
            Annotation original = originals.stream().filter(a -> a.kind().code().equals(((Finding.Note) note.finding()).category()))
                    .findFirst().orElseThrow();
            assertEquals(original.span().startFrame(), note.span().startFrame(), note.observation());
            assertEquals(original.span().endFrame(), note.span().endFrame(), note.observation());
            assertEquals(ExportFixtures.ptsMs(original.span().startFrame()), note.span().startPtsMs(), 1e-6);
            assertTrue(note.observation().startsWith(original.observation()));
            assertEquals(9, note.footageId());
            assertEquals(now, note.createdAt());
        }
    }

    @Test
    void elansOwnSampleImportsWithSymbolicAnnotationsOnTheirParentsTimes() throws Exception {
        EafImport.EafDocument sample = EafImport.read(Standards.file("elan/sample_3.0.eaf"));
        assertTrue(sample.segments().size() > 100, "segments: " + sample.segments().size());
        EafImport.Segment first = sample.segments().get(0);
        assertEquals(new EafImport.Segment("text", 2000, 5000, "The quick brown fox 001"), first);
        assertTrue(sample.segments().stream().anyMatch(s -> s.tier().equals("words-pos")), "symbolic tier read");
    }

    @Test
    void hostileOrWrongFilesGetAClearMessage() throws Exception {
        Path hostile = folder.resolve("hostile.eaf");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<ANNOTATION_DOCUMENT>&secret;</ANNOTATION_DOCUMENT>");
        assertTrue(assertThrows(UserFacingException.class, () -> EafImport.read(hostile)).getMessage()
                .startsWith("hostile.eaf declares a DOCTYPE"));
        Path other = folder.resolve("other.eaf");
        Files.writeString(other, "<html/>");
        assertEquals("other.eaf is not an ELAN document (its root is <html>).",
                assertThrows(UserFacingException.class, () -> EafImport.read(other)).getMessage());
    }

    @Test
    void aCaseWithTwoVideosIsRefused() {
        ExportedFootage first = ExportFixtures.footage();
        ExportedFootage second = new ExportedFootage(8, "other.mp4", ExportFixtures.SHA256, null, Path.of("/vault/o.mp4"),
                "video/mp4", 0, 1000, 25, 25, 640, 360, "", Instant.EPOCH, "x", false, new Verification(true, null, null));
        EvidenceExport two = new EvidenceExport(new ExportedCase("Two", ""), List.of(first, second),
                ExportFixtures.annotations(), AuditSummary.none());
        UserFacingException refused = assertThrows(UserFacingException.class, () -> new Exporter((f, n) -> null)
                .export(ExportFormat.EAF, two, folder.resolve("two.eaf"), ExportFixtures.options(), ExportMonitor.NONE));
        assertEquals("ELAN follows one video, and this export holds 2 footage items: export one footage item at a time (--footage ID).",
                refused.getMessage());
        assertTrue(!Files.exists(folder.resolve("two.eaf")));
    }
}
