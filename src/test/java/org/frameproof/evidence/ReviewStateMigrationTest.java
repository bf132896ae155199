package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Review;
import org.frameproof.domain.ReviewState;
import org.frameproof.store.KeyFile;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made before review states (by Frameproof at fa5f157, see the resource's README) opens
 * with its findings in the states migration V8 gives them, and still verifies: its earlier audit
 * entries read in the current names, so no row looks changed outside Frameproof.
 */
class ReviewStateMigrationTest {
    private static final String RESOURCE = "/org/frameproof/evidence/store-before-review-states/";
    private static final String VAULT_FILE = "vault/f75e9910ca6fdb11a6fc1d8be8627b40b1a1dc2d40ec7b84479b9d38053b998f";
    private static final char[] RESEARCHER = "store before review states".toCharArray();
    private static final char[] EXPERT = "expert before review states".toCharArray();
    @TempDir Path dataFolder;

    @BeforeEach
    void copyTheOldStore() throws Exception {
        Files.createDirectory(dataFolder.resolve("vault"));
        for (String name : List.of(KeyFile.FILE_NAME, "frameproof.mv.db", "unlock-attempts", VAULT_FILE)) {
            try (InputStream in = ReviewStateMigrationTest.class.getResourceAsStream(RESOURCE + name)) {
                Files.copy(in, dataFolder.resolve(name));
            }
        }
    }

    private static Map<String, Annotation> byObservation(EvidenceStore store) throws Exception {
        return store.annotations().list(AnnotationQuery.footage(1)).stream()
                .collect(Collectors.toMap(Annotation::observation, Function.identity()));
    }

    @Test
    void reviewsBecomeConfirmedOrRejectedAndEverythingElseSubmittedAndTheStoreStillVerifies() throws Exception {
        try (EvidenceStore store = TestStores.stores().unlock(dataFolder, RESEARCHER)) {
            Map<String, Annotation> findings = byObservation(store);
            Annotation burn = findings.get("burn on the hand");
            assertEquals(ReviewState.CONFIRMED, burn.status().state());
            assertEquals("Dr Elena Expert", burn.review().reviewer());
            assertEquals("consistent with a burn", burn.review().comment());
            assertNull(burn.review().reviewerFingerprint(), "a review of the time named no fingerprint");
            Annotation cut = findings.get("cut on the arm");
            assertEquals(ReviewState.REJECTED, cut.status().state());
            assertEquals(Review.Verdict.REJECTED, cut.review().verdict());
            assertEquals(ReviewState.SUBMITTED, findings.get("bruise").status().state());
            assertEquals(ReviewState.SUBMITTED, findings.get("church on the ridge").status().state());

            VerificationReport report = store.verify(null, Progress.NONE);
            assertTrue(report.ok(), report.problems().toString());
            Map<String, WorkSignatures.ReviewWeight> weights = store.signatures().reviewsOf(List.of(burn, cut));
            assertTrue(weights.get(burn.id()).counts(), "signed by the store's medical expert when it was made");
            assertEquals("Dr Elena Expert", weights.get(burn.id()).signature().signerName().orElseThrow());

            // The migrated states work on: the researcher seals nothing of a medical expert's, the expert does.
            assertTrue(store.annotations().waitingForMe(AnnotationQuery.footage(1)).stream()
                    .map(Annotation::observation).toList().isEmpty(), "the researcher's own location waits for another");
        }
        try (EvidenceStore expert = TestStores.stores().unlock(dataFolder, EXPERT)) {
            assertEquals(List.of("bruise"), expert.annotations().waitingForMe(AnnotationQuery.footage(1)).stream()
                    .map(Annotation::observation).toList());
            Annotation burn = byObservation(expert).get("burn on the hand");
            assertEquals(ReviewState.SEALED, expert.annotations().seal(burn.id()).status().state());
            assertTrue(expert.verify(null, Progress.NONE).ok());
        }
    }
}
