package org.frameproof.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Region;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;

/** A real encrypted store with one annotated clip, and the audit entries exports leave in it. */
final class ExportStores {
    static final String CASE_TITLE = "Checkpoint 4";
    static final Clip CLIP = Clip.H264_BFRAMES_LONGGOP;
    /** The frames annotated below, in frame order. */
    static final List<Integer> ANNOTATED_FRAMES = List.of(12, 37, 150);

    private ExportStores() {
    }

    /** Creates the store, the case, imports {@link #CLIP} and annotates it (an injury with a region, a note range, a location). */
    static Footage annotated(EvidenceStore store) throws Exception {
        Case investigation = store.cases().createCase(CASE_TITLE, "Footage from the checkpoint");
        Footage clip = AnnotatedStores.importClip(store, investigation, CLIP);
        store.annotations().create(clip.id(), 37, 37, new AnnotationContent("Wound on the left temple", "Close-range gunshot",
                Confidence.MEDIUM, List.of("head"), new Region(Region.Shape.RECTANGLE, 200, 100, 120, 90),
                new Finding.Injury("head, left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot")));
        store.annotations().create(clip.id(), 12, 60, new AnnotationContent("A man speaks", null, null, List.of(), null,
                new Finding.Note("speech")));
        store.annotations().create(clip.id(), 150, 150, new AnnotationContent("Church on the ridge", null, Confidence.LOW,
                List.of(), null, new Finding.Location("Ridge", 39.7586, 46.7489, "locality (±1 km)", "landmarks", List.of("church"))));
        return clip;
    }

    /** The audit entry with this sequence number, which must record an export. */
    static JsonNode exportRecord(EvidenceStore store, long sequence) throws Exception {
        AuditEntry entry = TestStores.auditEntries(store).stream().filter(e -> e.sequence() == sequence).findFirst().orElseThrow();
        if (!entry.action().equals("export")) {
            throw new AssertionError("audit entry " + sequence + " is " + entry.action() + ", not an export");
        }
        return new ObjectMapper().readTree(entry.afterJson());
    }

    static long exportCount(EvidenceStore store) throws Exception {
        return TestStores.auditEntries(store).stream().filter(entry -> entry.action().equals("export")).count();
    }

    /** SHA-256 of a file, computed here independently of the exporter. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static EvidenceStore create(Path dataFolder) throws Exception {
        return TestStores.create(dataFolder);
    }
}
