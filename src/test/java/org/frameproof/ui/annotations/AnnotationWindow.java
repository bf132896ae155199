package org.frameproof.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.testing.AnnotatedStores;
import org.frameproof.testing.FramePattern;
import org.frameproof.testing.TestFootage;
import org.frameproof.testing.TestStores;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.player.PlayerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on a real encrypted store in a test folder, with real libVLC (no sound) and
 * FFmpeg, as the app builds it; reopened on the same folder as a new store instance.
 */
final class AnnotationWindow implements AutoCloseable {
    final EvidenceStore store;
    final AnnotationSession session;
    final PlayerViewModel player;
    private final VlcPlayback playback;
    private final FxRobot robot;

    /** @param reads where the list and search read the store; they show what they read on the same thread */
    private AnnotationWindow(FxRobot robot, Stage stage, EvidenceStore store, Executor reads) {
        this.robot = robot;
        this.store = store;
        VideoSurface surface = new VideoSurface();
        playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        // The session reads as it shows, so tests see the open footage's annotations at once.
        MainWindowParts parts = new MainWindowParts(TestStores.composition(), store, playback, surface,
                MainWindowParts.Threads.immediate().withListReads(reads), "test");
        player = parts.player();
        session = parts.session();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            parts.show(stage);
        });
    }

    /** A new store in {@code dataFolder} owned by {@code reviewer}, with the clip imported into a case. */
    static Footage createWithClip(Path dataFolder, Reviewer reviewer, TestFootage.Clip clip) throws UserFacingException {
        try (EvidenceStore store = TestStores.stores().create(dataFolder, TestStores.PASSPHRASE.toCharArray(), reviewer)) {
            Case investigation = store.cases().createCase("Case A", "");
            return AnnotatedStores.importClip(store, investigation, clip);
        }
    }

    /** Unlocks the store in {@code dataFolder} (a new instance) and shows the main window on {@code stage}. */
    static AnnotationWindow open(FxRobot robot, Stage stage, Path dataFolder) throws UserFacingException {
        return open(robot, stage, dataFolder, Runnable::run);
    }

    /**
     * As {@link #open(FxRobot, Stage, Path)}, with the list and search reading the store when the
     * test runs {@code reads}, on the FX thread.
     */
    static AnnotationWindow open(FxRobot robot, Stage stage, Path dataFolder, Executor reads) throws UserFacingException {
        return new AnnotationWindow(robot, stage, TestStores.unlock(dataFolder), reads);
    }

    /** As {@link #open(FxRobot, Stage, Path)}, unlocked by the reviewer whose passphrase this is. */
    static AnnotationWindow openAs(FxRobot robot, Stage stage, Path dataFolder, String passphrase) throws UserFacingException {
        return new AnnotationWindow(robot, stage, TestStores.stores().unlock(dataFolder, passphrase.toCharArray()), Runnable::run);
    }

    /**
     * Adds a second reviewer to the store in {@code dataFolder} (by its owner), with their own
     * passphrase, after {@code work} has run as the owner.
     */
    static void addReviewer(Path dataFolder, Reviewer reviewer, String passphrase, StoreWork work) throws Exception {
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            work.run(store);
            TestStores.stores().addReviewer(store, TestStores.PASSPHRASE.toCharArray(), reviewer, passphrase.toCharArray());
        }
    }

    /** What the store's owner does before another reviewer opens the window. */
    @FunctionalInterface
    interface StoreWork {
        void run(EvidenceStore store) throws Exception;
    }

    /** Opens the footage from its case, as the cases tree does, and waits for its first frame. */
    void openFootage(Footage item) {
        robot.interact(() -> session.openFootage(item));
        waitUntil(() -> session.enabledProperty().get() && player.currentFrameProperty().get() == 0);
    }

    void waitForFrame(int frame) {
        waitUntil(() -> player.currentFrameProperty().get() == frame);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The frame number read from the picture on screen. */
    int frameOnScreen() {
        return onFx(() -> {
            Image image = player.imageProperty().get();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return FramePattern.read(argb, width, height);
        });
    }

    List<Annotation> stored(long footageId) throws UserFacingException {
        return store.annotations().list(AnnotationQuery.footage(footageId));
    }

    Annotation only(long footageId) throws UserFacingException {
        List<Annotation> all = stored(footageId);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Override
    public void close() throws Exception {
        robot.interact(player::close);
        playback.close();
        store.close();
    }

    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
