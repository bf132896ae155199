package org.frameproof.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Region;
import org.frameproof.domain.Review;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.media.SyntheticClips;
import org.frameproof.media.SyntheticClips.Clip;
import org.frameproof.media.SyntheticClips.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo case: a store of its own, made once on this machine with generated clips and findings
 * of every kind, so that a newcomer can try every key without real footage and without touching
 * their own store. It lives in a folder beside the data folder ({@link #folderBeside}), never in
 * it; the store itself is marked as a demo ({@link DemoMarker}), and its passphrases are printed
 * for anyone to read: it holds no secret. Everything in it is made through the same services as
 * real work, so it is signed, audited and verified like real work.
 */
public final class DemoStore {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStore.class);

    /** The demo's folder is the data folder's name with this added, beside it. */
    public static final String FOLDER_SUFFIX = "-demo";
    /** A note in the demo's folder saying what it is; the demo passphrase is tried only where it is. */
    public static final String NOTE_FILE = "DEMO-CASE.txt";
    /** The case the demo's footage and findings are in. */
    public static final String CASE_TITLE = "Demo case";

    /** A reviewer of the demo store and the passphrase that opens it as them. */
    public record Login(String name, Role role, String passphrase) {
        public Reviewer reviewer() {
            return new Reviewer(name, role);
        }
    }

    public static final String RESEARCHER_PASSPHRASE = "demo-researcher";
    public static final String MEDICAL_EXPERT_PASSPHRASE = "demo-medical-expert";
    public static final Login RESEARCHER = new Login("Rosa Demo", Role.RESEARCHER, RESEARCHER_PASSPHRASE);
    public static final Login MEDICAL_EXPERT = new Login("Dr Idris Demo", Role.MEDICAL_EXPERT, MEDICAL_EXPERT_PASSPHRASE);

    /** The clips, by file name: what each is, as the case's footage lists it. */
    static final List<Named> CLIPS = List.of(
            new Named("phone-portrait.mp4", Clip.whole(720, 1280, 30, 4, 440, Scene.TEST_CARD)),
            new Named("street-landscape.mp4", Clip.whole(1280, 720, 25, 4, 0, Scene.GRADIENTS)),
            new Named("moment-angle-a.mp4", new Clip(1280, 720, 25, 4, 0, Scene.TEST_CARD, 1920, 1080, 0, 0, 0)),
            new Named("moment-angle-b.mp4", new Clip(960, 720, 25, 4, 0, Scene.TEST_CARD, 1920, 1080, 800, 300, 1)));

    record Named(String fileName, Clip clip) {
    }

    /** Making steps, for progress: the clips, the store, their imports, the findings, the reviews. */
    private static final int STEPS = CLIPS.size() + 1 + CLIPS.size() + 2;

    private final EvidenceStores stores;
    private final SyntheticClips clips;

    public DemoStore(EvidenceStores stores, SyntheticClips clips) {
        this.stores = stores;
        this.clips = clips;
    }

    /** Where the demo of the data folder {@code dataFolder} lives: its sibling named with {@value #FOLDER_SUFFIX}. */
    public static Path folderBeside(Path dataFolder) {
        Path absolute = dataFolder.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return absolute.resolveSibling((name == null ? "frameproof" : name.toString()) + FOLDER_SUFFIX);
    }

    /** The demo passphrases, in a sentence for people. */
    public static String passphrases() {
        return "The demo's passphrases are '" + RESEARCHER.passphrase() + "' (" + RESEARCHER.name() + ", "
                + RESEARCHER.role().label() + ") and '" + MEDICAL_EXPERT.passphrase() + "' (" + MEDICAL_EXPERT.name()
                + ", " + MEDICAL_EXPERT.role().label() + "); it holds no secret.";
    }

    /** Whether the demo store has been made in {@code folder}. */
    public boolean exists(Path folder) {
        return stores.exists(folder);
    }

    /**
     * Opens the demo store in {@code folder} as {@code login}, making it first when it is not there.
     * A folder holding any other store is refused without trying a passphrase on it, and a store
     * that opens but is not marked as a demo is closed again and refused.
     *
     * @param progress hears each step while the demo is made, and can cancel it: then nothing is left
     */
    public EvidenceStore open(Path folder, Login login, Progress progress) throws UserFacingException {
        prepare(folder, progress);
        EvidenceStore store = stores.unlock(folder, login.name(), login.passphrase().toCharArray(), false, Progress.NONE);
        if (!store.isDemo()) {
            store.close();
            throw notADemo(folder);
        }
        return store;
    }

    /**
     * Makes the demo store in {@code folder} when it is not there yet; a folder holding any other
     * store is refused (see {@link #open}).
     */
    public void prepare(Path folder, Progress progress) throws UserFacingException {
        if (!stores.exists(folder)) {
            make(folder, progress);
        } else if (!Files.isRegularFile(folder.resolve(NOTE_FILE))) {
            throw notADemo(folder);
        }
    }

    private static UserFacingException notADemo(Path folder) {
        return new UserFacingException(folder + " holds a store that is not Frameproof's demo case; the demo is made"
                + " only in a folder of its own. Move that store elsewhere, or give another --data.");
    }

    /**
     * Makes the demo store in {@code folder}, which must not exist: in a folder beside it, moved
     * into place only once complete, so a cancel, a failure or a crash never leaves half a demo
     * where the demo is looked for.
     */
    void make(Path folder, Progress progress) throws UserFacingException {
        if (Files.exists(folder)) {
            throw new UserFacingException(folder + " exists already; the demo case is made only in a new folder.");
        }
        Path making = folder.resolveSibling(folder.getFileName() + ".making");
        Path clipFolder = null;
        try {
            // A folder by this name is only ever a demo that a crash stopped half made.
            deleteTree(making);
            clipFolder = Files.createTempDirectory("frameproof-demo-clips");
            List<Path> files = makeClips(clipFolder, progress);
            fill(making, files, progress);
            Files.writeString(making.resolve(NOTE_FILE), "This folder holds Frameproof's demo case: generated clips and"
                    + " made-up findings, for learning Frameproof. It is not evidence.\n" + passphrases() + "\n");
            Files.move(making, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (CancelledException e) {
            throw cancelled();
        } catch (IOException e) {
            LOG.warn("The demo case could not be written", e);
            throw new UserFacingException("The demo case could not be made: " + e.getMessage(), e);
        } finally {
            deleteTree(making);
            if (clipFolder != null) {
                deleteTree(clipFolder);
            }
        }
    }

    private List<Path> makeClips(Path clipFolder, Progress progress) throws UserFacingException {
        List<Path> files = new ArrayList<>();
        for (Named named : CLIPS) {
            progress.update("Making the clip " + named.fileName(), files.size(), STEPS);
            Path file = clipFolder.resolve(named.fileName());
            if (progress.cancelled() || !clips.make(named.clip(), file, progress::cancelled)) {
                throw cancelled();
            }
            files.add(file);
        }
        return files;
    }

    /** The store, its second reviewer, the case, the footage and the findings, in {@code making}. */
    private void fill(Path making, List<Path> files, Progress progress) throws UserFacingException {
        int step = CLIPS.size();
        progress.update("Making the demo store", step++, STEPS);
        List<Annotation> injuries;
        try (EvidenceStore store = stores.createDemo(making, RESEARCHER.passphrase().toCharArray(), RESEARCHER.reviewer())) {
            stores.addReviewer(store, RESEARCHER.passphrase().toCharArray(), MEDICAL_EXPERT.reviewer(),
                    MEDICAL_EXPERT.passphrase().toCharArray());
            Case demo = store.cases().createCase(CASE_TITLE, "Generated clips and made-up findings for trying Frameproof:"
                    + " nothing here happened.");
            List<Long> footage = new ArrayList<>();
            for (Path file : files) {
                progress.update("Importing " + file.getFileName(), step++, STEPS);
                ImportResult result = store.footage().importFiles(demo, List.of(file), new Provenance(null,
                        "generated by Frameproof", null, null, null, false, false), cancelOnly(progress)).get(0);
                if (progress.cancelled()) {
                    throw cancelled();
                }
                if (result.footage() == null) {
                    throw new UserFacingException("The demo clip " + file.getFileName() + " was not imported: "
                            + result.reason());
                }
                footage.add(result.footage().id());
            }
            progress.update("Adding findings", step++, STEPS);
            injuries = addFindings(store.annotations(), footage);
        }
        if (progress.cancelled()) {
            throw cancelled();
        }
        progress.update("Reviewing the injuries as the medical expert", step, STEPS);
        try (EvidenceStore store = stores.unlock(making, MEDICAL_EXPERT.name(), MEDICAL_EXPERT.passphrase().toCharArray(),
                false, Progress.NONE)) {
            store.annotations().review(injuries.get(0).id(), Review.Verdict.CONFIRMED,
                    "Consistent with a cut made shortly before filming.");
            store.annotations().review(injuries.get(1).id(), Review.Verdict.REJECTED,
                    "Not an injury: the mark moves with the picture, it is part of the test card.");
        }
        progress.update("Done", STEPS, STEPS);
    }

    /**
     * A finding of each kind, submitted for review (but the note, left a draft for the newcomer
     * to submit): an injury with a region, one over a range, a location over a range, a uniform on
     * the first angle, a note on the second. Returns the two injuries.
     */
    private static List<Annotation> addFindings(AnnotationService annotations, List<Long> footage) throws UserFacingException {
        long portrait = footage.get(0);
        long landscape = footage.get(1);
        Annotation cut = annotations.create(portrait, 30, 30, new AnnotationContent("A cut on the left forearm, bleeding.",
                "Recent injury.", Confidence.MEDIUM, List.of("demo"), new Region(Region.Shape.RECTANGLE, 220, 520, 240, 160),
                new Finding.Injury("left forearm", "laceration", 1, "ante-mortem", "a blade")));
        Annotation burn = annotations.create(portrait, 60, 89, new AnnotationContent("A dark patch on the face, as if burnt.",
                null, Confidence.LOW, List.of("demo"), null, new Finding.Injury("face", "burn", 1, "unknown", null)));
        Annotation place = annotations.create(landscape, 0, 74, new AnnotationContent("An open square at dusk.",
                "Filmed from the north side.", Confidence.LOW, List.of("demo"), null, new Finding.Location(
                        "An invented square", null, null, "region", "terrain", List.of("open ground"))));
        Annotation uniform = annotations.create(footage.get(2), 50, 50, new AnnotationContent("Two people in woodland"
                + " camouflage with white armbands.", null, Confidence.MEDIUM, List.of("demo"), null, new Finding.Uniform(
                        "woodland", null, "white armband on the left arm", "white", "helmet", null, null, null, null)));
        annotations.create(footage.get(3), 0, 24, new AnnotationContent("The same moment seen from the second angle.",
                null, null, List.of("demo"), null, new Finding.Note("event")));
        for (Annotation finding : List.of(cut, burn, place, uniform)) {
            annotations.submit(finding.id());
        }
        return List.of(cut, burn);
    }

    /** Hands the import only the reviewer's cancel: its byte counts are not the demo's steps. */
    private static Progress cancelOnly(Progress progress) {
        return new Progress() {
            @Override
            public void update(String item, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    private static CancelledException cancelled() {
        return new CancelledException("The demo case was not made: cancelled. Nothing was kept.");
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            LOG.warn("A half-made demo case could not be removed completely", e);
        }
    }
}
