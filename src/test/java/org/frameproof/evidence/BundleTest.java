package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.exchange.bundle.AgeEnvelope;
import org.frameproof.store.KeyFile;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.frameproof.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle written for a contact holds, opens only for its recipients, refuses any changed byte, and opens with the age tool. */
@NativeTier
class BundleTest {
    static final Reviewer EXPERT = new Reviewer("Dr. Mira Haddad", Role.MEDICAL_EXPERT);
    @TempDir Path work;
    private EvidenceStore researcher;
    private Footage clip;
    private Path bundle;

    @BeforeEach
    void researcherSendsACaseToTheExpert() throws Exception {
        try (EvidenceStore expert = TestStores.stores().create(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray(), EXPERT)) {
            IdentityFile.write(expert.reviewers().own().identity(), work.resolve("expert.json"));
        }
        researcher = TestStores.create(work.resolve("researcher"));
        IdentityFile.write(researcher.reviewers().own().identity(), work.resolve("researcher.json"));
        researcher.contacts().add(work.resolve("expert.json"), Role.MEDICAL_EXPERT);
        Case investigation = researcher.cases().createCase("Checkpoint 4", "");
        clip = AnnotatedStores.importClip(researcher, investigation, Clip.MPEG2_TS_LATE_START);
        Annotation injury = researcher.annotations().create(clip.id(), 10, 12, new AnnotationContent("wound on the left temple",
                null, Confidence.HIGH, List.of(), null,
                new Finding.Injury("left temple", "gunshot wound (entry)", 1, "peri-mortem", "close-range gunshot")));
        researcher.annotations().edit(injury.id(), new AnnotationContent("wound on the left temple, 2 cm", null,
                Confidence.HIGH, List.of(), null, injury.finding()));
        bundle = work.resolve("case.fpb");
        researcher.bundles().export(new BundleService.Scope("Checkpoint 4", null), List.of("dr. mira haddad"), true, null,
                bundle, Progress.NONE);
    }

    @AfterEach
    void close() throws Exception {
        researcher.close();
    }

    private EvidenceStore expert() throws UserFacingException {
        EvidenceStore expert = TestStores.stores().unlock(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray());
        if (expert.contacts().list().isEmpty()) {
            expert.contacts().add(work.resolve("researcher.json"), Role.RESEARCHER);
        }
        return expert;
    }

    @Test
    void theExpertVerifiesWhatTheBundleBrings() throws Exception {
        try (EvidenceStore expert = expert()) {
            BundleService.Contents contents = expert.bundles().verify(bundle);
            assertEquals(TestStores.REVIEWER.name(), contents.author());
            assertTrue(contents.authorKnown());
            assertEquals(1, contents.footage());
            assertEquals(1, contents.originals());
            assertEquals(3, contents.work(), "the footage import, the finding and its revision");
            assertEquals(0, contents.unverifiedWork());
        }
        assertTrue(researcher.audit().verify().intact());
        assertEquals("bundle.export", TestStores.auditEntries(researcher).get(TestStores.auditEntries(researcher).size() - 1).action());
    }

    @Test
    void aBundleSinceAnEarlierOneCarriesOnlyTheWorkAndFootageThatCameAfterIt() throws Exception {
        researcher.annotations().create(clip.id(), 20, 20, new AnnotationContent("man speaks", null, Confidence.HIGH,
                List.of(), null, new Finding.Note("speech")));
        Path next = work.resolve("next.fpb");
        researcher.bundles().export(new BundleService.Scope(null, clip.id()), List.of("Dr. Mira Haddad"), true, bundle, next,
                Progress.NONE);
        try (EvidenceStore expert = expert()) {
            BundleService.Contents first = expert.bundles().verify(bundle);
            BundleService.Contents contents = expert.bundles().verify(next);
            assertEquals(first.bundleId(), contents.since());
            assertEquals(1, contents.work(), "only the new note");
            assertEquals(0, contents.originals(), "the footage went with the earlier bundle");
            assertEquals("footage " + clip.sha256(), contents.scope());
        }
    }

    @Test
    void aBundleFromSomeoneWhoIsNotAContactVerifiesButSaysSo() throws Exception {
        try (EvidenceStore expert = TestStores.stores().unlock(work.resolve("expert"), TestStores.PASSPHRASE.toCharArray())) {
            BundleService.Contents contents = expert.bundles().verify(bundle);
            assertFalse(contents.authorKnown());
            assertEquals(3, contents.unverifiedWork());
        }
    }

    @Test
    void aFlippedByteAnywhereIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(bundle);
        List<Integer> places = new ArrayList<>(List.of(5, 40, 120, good.length / 2, good.length - 20, good.length - 1));
        try (EvidenceStore expert = expert()) {
            int entries = TestStores.auditEntries(expert).size();
            for (int place : places) {
                byte[] bad = good.clone();
                bad[place] ^= 0x01;
                Path flipped = Files.write(work.resolve("flipped-" + place + ".fpb"), bad);
                UserFacingException refused = assertThrows(UserFacingException.class, () -> expert.bundles().verify(flipped),
                        "a byte flipped at " + place);
                assertTrue(refused.getMessage().contains("was refused"), refused.getMessage());
            }
            Path cut = Files.write(work.resolve("cut.fpb"), java.util.Arrays.copyOf(good, good.length - 100));
            assertThrows(UserFacingException.class, () -> expert.bundles().verify(cut));
            assertEquals(entries, TestStores.auditEntries(expert).size(), "nothing was recorded");
        }
    }

    @Test
    void aBundleForSomeoneElseIsRefused() throws Exception {
        try (EvidenceStore outsider = TestStores.stores().create(work.resolve("outsider"), TestStores.PASSPHRASE.toCharArray(),
                new Reviewer("Sami Field", Role.FIELD_STAFF))) {
            UserFacingException refused = assertThrows(UserFacingException.class, () -> outsider.bundles().verify(bundle));
            assertTrue(refused.getMessage().contains("this bundle is not addressed to you"), refused.getMessage());
        }
    }

    @Test
    void anUnknownOrAmbiguousContactIsRefusedClearly() throws Exception {
        UserFacingException unknown = assertThrows(UserFacingException.class, () -> researcher.bundles().export(
                new BundleService.Scope("Checkpoint 4", null), List.of("Nobody"), true, null, work.resolve("x.fpb"), Progress.NONE));
        assertTrue(unknown.getMessage().contains("No contact is called Nobody"), unknown.getMessage());
        assertFalse(Files.exists(work.resolve("x.fpb")));
    }

    @Test
    void theAgeToolDecryptsABundleIntoATarThatTarLists() throws Exception {
        Tools.require("age", "age");
        Tools.require("tar", "tar");
        byte[] privateKey;
        try (KeyFile.Unlocked unlocked = new KeyFile(work.resolve("expert"), Clock.systemUTC())
                .unlock(EXPERT.name(), TestStores.PASSPHRASE.toCharArray())) {
            privateKey = unlocked.reviewer().orElseThrow().encryptionPrivateKey();
        }
        Path identity = Files.writeString(work.resolve("expert.agekey"), AgeEnvelope.identity(privateKey) + "\n");
        Process process = new ProcessBuilder("sh", "-c", "age -d -i \"$1\" \"$2\" | tar t", "sh", identity.toString(),
                bundle.toString()).redirectErrorStream(true).start();
        String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), listing);
        assertTrue(listing.contains("footage/" + clip.sha256()), listing);
        assertTrue(listing.contains("work.jsonl"), listing);
        assertTrue(listing.strip().endsWith("manifest.json"), listing);
    }
}
