package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Footage;
import org.frameproof.domain.MediaFacts;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.ExportFormat;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.ExportOptions;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo case's store: made once beside the data folder, from generated clips, through the services. */
@NativeTier
class DemoStoreTest {
    @TempDir static Path shared;
    private static Path demoFolder;
    @TempDir Path folder;

    private static DemoStore demo() {
        return TestStores.composition().demo();
    }

    @BeforeAll
    static void makeTheDemoOnce() throws UserFacingException {
        demoFolder = DemoStore.folderBeside(shared.resolve("frameproof"));
        demo().open(demoFolder, DemoStore.RESEARCHER, Progress.NONE).close();
    }

    private static EvidenceStore openDemo() throws UserFacingException {
        return demo().open(demoFolder, DemoStore.RESEARCHER, Progress.NONE);
    }

    @Test
    void theDemoLivesBesideTheDataFolderMarkedByTheStoreItself() throws UserFacingException {
        assertEquals(shared.resolve("frameproof-demo"), demoFolder);
        assertTrue(Files.isRegularFile(demoFolder.resolve(DemoStore.NOTE_FILE)));
        assertFalse(Files.exists(shared.resolve("frameproof-demo.making")), "nothing half made is left");
        try (EvidenceStore store = openDemo()) {
            assertTrue(store.isDemo());
            assertEquals(DemoStore.RESEARCHER.name(), store.reviewer().name());
            assertEquals(DemoMarker.ACTION, TestStores.auditEntries(store).get(1).action());
        }
        try (EvidenceStore real = TestStores.create(folder.resolve("real"))) {
            assertFalse(real.isDemo());
        }
        try (EvidenceStore real = TestStores.unlock(folder.resolve("real"))) {
            assertFalse(real.isDemo(), "read back at unlock");
        }
    }

    @Test
    void theClipsHaveThePhonesTheLandscapeAndTheTwoAnglesSizesAndRates() throws UserFacingException {
        try (EvidenceStore store = openDemo()) {
            Map<String, MediaFacts> facts = store.footage().listAll().stream()
                    .collect(Collectors.toMap(Footage::originalName, Footage::mediaFacts));
            assertEquals(4, facts.size(), facts.keySet().toString());
            assertFacts(facts.get("phone-portrait.mp4"), 720, 1280, 30);
            assertFacts(facts.get("street-landscape.mp4"), 1280, 720, 25);
            assertFacts(facts.get("moment-angle-a.mp4"), 1280, 720, 25);
            assertFacts(facts.get("moment-angle-b.mp4"), 960, 720, 25);
        }
    }

    private static void assertFacts(MediaFacts facts, int width, int height, int frameRate) {
        assertEquals(width, facts.width());
        assertEquals(height, facts.height());
        assertEquals(frameRate, facts.avgFrameRate(), 0.01);
        assertEquals(4 * frameRate, facts.frameCount());
        assertEquals("h264", facts.codec());
    }

    @Test
    void everyKindOfFindingWithARegionARangeAndAConfirmedAndARejectedInjury() throws UserFacingException {
        try (EvidenceStore store = openDemo()) {
            List<Annotation> findings = store.footage().listAll().stream().flatMap(item -> {
                try {
                    return store.annotations().list(AnnotationQuery.footage(item.id())).stream();
                } catch (UserFacingException e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertEquals(List.of(AnnotationKind.values()).stream().sorted().toList(),
                    findings.stream().map(Annotation::kind).distinct().sorted().toList());
            assertTrue(findings.stream().anyMatch(finding -> finding.region() != null), "a region");
            assertTrue(findings.stream().anyMatch(finding -> !finding.span().isPoint()), "a range");
            Map<ReviewState, Annotation> injuries = findings.stream().filter(finding -> finding.kind() == AnnotationKind.INJURY)
                    .collect(Collectors.toMap(finding -> finding.status().state(), Function.identity()));
            assertEquals(DemoStore.MEDICAL_EXPERT.name(), injuries.get(ReviewState.CONFIRMED).review().reviewer());
            Annotation rejected = injuries.get(ReviewState.REJECTED);
            assertEquals(DemoStore.MEDICAL_EXPERT.name(), rejected.review().reviewer());
            assertFalse(rejected.review().comment().isBlank(), "a rejection says why");
            assertTrue(findings.stream().anyMatch(finding -> finding.status().state() == ReviewState.DRAFT),
                    "something left for the newcomer to submit");
            for (Annotation finding : findings) {
                assertEquals(DemoStore.RESEARCHER.name(), finding.author());
                assertEquals(WorkSignatures.State.VALID, store.annotations().signatures(finding).latest().orElseThrow().state(),
                        "signed: " + finding.id());
            }
            assertTrue(store.reviewers().list().stream().anyMatch(listed -> listed.reviewer().role() == Role.MEDICAL_EXPERT));
        }
    }

    @Test
    void theAuditChainTheSignaturesAndTheVaultVerify() throws UserFacingException {
        try (EvidenceStore store = openDemo()) {
            VerificationReport report = store.verify(null, Progress.NONE);
            assertTrue(report.ok(), report.problems() + " " + report.audit().describe());
            assertEquals(4, report.itemsChecked());
        }
    }

    @Test
    void openingAgainOpensTheSameDemoAsEitherReviewer() throws UserFacingException {
        String head;
        try (EvidenceStore store = openDemo()) {
            head = store.audit().head().printed();
        }
        try (EvidenceStore store = demo().open(demoFolder, DemoStore.MEDICAL_EXPERT, Progress.NONE)) {
            assertEquals(Role.MEDICAL_EXPERT, store.reviewer().role());
            assertEquals(head, store.audit().head().printed(), "not made again");
        }
    }

    @Test
    void aDemoExportSaysDemoAndBundlesAreRefused() throws Exception {
        try (EvidenceStore store = openDemo()) {
            Path out = folder.resolve("demo.json");
            store.exports().export(ExportService.Scope.ofCase(DemoStore.CASE_TITLE), ExportFormat.JSON, out,
                    TestStores.vaultFrames(store), ExportOptions.GraphicStills.BLUR, false, ExportMonitor.NONE);
            assertEquals(ExportOptions.DEMO_NOTICE, new ObjectMapper().readTree(out.toFile()).get("demo").asText());
            UserFacingException send = assertThrows(UserFacingException.class, () -> store.bundles().export(
                    new BundleService.Scope(DemoStore.CASE_TITLE, null), List.of("anyone"), true, null,
                    folder.resolve("out.bundle"), Progress.NONE));
            assertTrue(send.getMessage().contains("demo store"), send.getMessage());
            assertThrows(UserFacingException.class, () -> store.bundles().importBundle(folder.resolve("in.bundle"), true,
                    Progress.NONE));
            assertFalse(Files.exists(folder.resolve("out.bundle")));
        }
        try (EvidenceStore real = TestStores.create(folder.resolve("real"))) {
            Path out = folder.resolve("real.json");
            real.cases().createCase("Real", "");
            real.exports().export(ExportService.Scope.ofCase("Real"), ExportFormat.JSON, out, TestStores.vaultFrames(real),
                    ExportOptions.GraphicStills.BLUR, false, ExportMonitor.NONE);
            assertFalse(new ObjectMapper().readTree(out.toFile()).has("demo"));
        }
    }

    @Test
    void aRealStoreWhereTheDemoWouldBeIsRefusedWithoutTryingAPassphrase() throws UserFacingException {
        Path occupied = DemoStore.folderBeside(folder.resolve("data"));
        TestStores.create(occupied).close();
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> demo().open(occupied, DemoStore.RESEARCHER, Progress.NONE));
        assertTrue(refused.getMessage().contains("not Frameproof's demo case"), refused.getMessage());
        try (EvidenceStore real = TestStores.unlock(occupied)) {
            assertTrue(real.unlockReport().isEmpty(), real.unlockReport());
        }
    }

    @Test
    void aStoreThatOpensWithTheDemoPassphraseButIsNotMarkedIsRefused() throws Exception {
        Path planted = DemoStore.folderBeside(folder.resolve("data"));
        TestStores.stores().create(planted, DemoStore.RESEARCHER_PASSPHRASE.toCharArray(), DemoStore.RESEARCHER.reviewer())
                .close();
        Files.writeString(planted.resolve(DemoStore.NOTE_FILE), "not really");
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> demo().open(planted, DemoStore.RESEARCHER, Progress.NONE));
        assertTrue(refused.getMessage().contains("not Frameproof's demo case"), refused.getMessage());
    }

    /** Cancelled before the first clip, while the clips are imported, and after the findings: nothing is left. */
    @ParameterizedTest
    @ValueSource(ints = {1, 6, 10})
    void cancellingLeavesNothing(int afterUpdates) throws Exception {
        Path cancelled = DemoStore.folderBeside(folder.resolve("data"));
        CancelledException thrown = assertThrows(CancelledException.class,
                () -> demo().open(cancelled, DemoStore.RESEARCHER, CancellingProgress.afterUpdates(afterUpdates)));
        assertTrue(thrown.getMessage().contains("Nothing was kept"), thrown.getMessage());
        assertFalse(Files.exists(cancelled), "no demo");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing half made beside it");
        }
    }
}
