package org.frameproof.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.Workstation;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.LibVlcInstallation;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.ui.common.DemoCase;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.player.PlayerViewModel;
import org.frameproof.ui.unlock.UnlockViewModel;
import org.frameproof.ui.unlock.UnlockWindow;

/**
 * The desktop app: unlocks the store (with the unlock screen, or with {@code FRAMEPROOF_PASSPHRASE}
 * for scripts) and hands the services {@link Composition} builds to the main window.
 */
final class DesktopWorkstation implements Workstation {
    private final Composition composition;
    private final StoreAccess storeAccess;

    DesktopWorkstation(Composition composition, StoreAccess storeAccess) {
        this.composition = composition;
        this.storeAccess = storeAccess;
    }

    @Override
    public void run(Path dataFolder, Path video) throws UserFacingException {
        CompletableFuture<LibVlcInstallation.Status> libVlcCheck = checkLibVlc();
        // A script's passphrase opens the store before any window, so its errors print like a command's.
        EvidenceStore opened = null;
        if (storeAccess.passphraseFromEnvironment()) {
            requireAvailable(libVlcCheck);
            loadFfmpegInBackground();
            opened = storeAccess.open(dataFolder);
        }
        show(dataFolder, video, opened, libVlcCheck);
    }

    /** The main window on a store the command line unlocked (the demo case's), without the unlock window. */
    @Override
    public void run(EvidenceStore unlocked) throws UserFacingException {
        CompletableFuture<LibVlcInstallation.Status> libVlcCheck = checkLibVlc();
        try {
            requireAvailable(libVlcCheck);
        } catch (UserFacingException e) {
            unlocked.close();
            throw e;
        }
        loadFfmpegInBackground();
        show(unlocked.dataFolder(), null, unlocked, libVlcCheck);
    }

    /**
     * libVLC is found and bound while JavaFX starts, on the other core; both are needed only once
     * the store is unlocked, and neither delays the unlock window.
     */
    private static CompletableFuture<LibVlcInstallation.Status> checkLibVlc() {
        return CompletableFuture.supplyAsync(LibVlcInstallation::check, TaskExecutor.daemonThread("frameproof-libvlc-check"));
    }

    /** The unlock window, unless {@code openedFirst} is given, then the main window until it closes. */
    private void show(Path dataFolder, Path video, EvidenceStore openedFirst,
                      CompletableFuture<LibVlcInstallation.Status> libVlcCheck) throws UserFacingException {
        AtomicReference<EvidenceStore> store = new AtomicReference<>(openedFirst);
        AtomicReference<Session> session = new AtomicReference<>();
        AtomicReference<String> libVlcProblem = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                // The unlock stage closes before the main one opens; the app ends when this method says so.
                Platform.setImplicitExit(false);
                if (openedFirst != null) {
                    session.set(Session.show(composition, openedFirst, environment(dataFolder, libVlcCheck.join()), video,
                            finished));
                    return;
                }
                UnlockViewModel unlock = new UnlockViewModel(composition.stores(), dataFolder,
                        TaskExecutor.background("frameproof-unlock"), Clock.systemUTC());
                unlock.offerDemo(new DemoCase(DemoInstance.beside(composition.demo(), dataFolder),
                        TaskExecutor.daemonThread("frameproof-demo")));
                UnlockWindow.show(new Stage(), unlock, WindowSettings.ofThisUser().theme(), icon(), unlocked -> {
                    store.set(unlocked);
                    // The check ran while the reviewer typed: it is done by now.
                    LibVlcInstallation.Status libVlc = libVlcCheck.join();
                    if (!libVlc.available()) {
                        libVlcProblem.set(libVlc.problem());
                        Alert missing = new Alert(Alert.AlertType.ERROR, libVlc.problem());
                        missing.setTitle("Frameproof — libVLC");
                        missing.setHeaderText("Frameproof cannot play video on this computer");
                        missing.setOnHidden(event -> finished.countDown());
                        missing.show();
                        return;
                    }
                    session.set(Session.show(composition, unlocked, environment(dataFolder, libVlc), video, finished));
                }, finished::countDown);
                // While the reviewer types, so the first video opened does not wait for FFmpeg's libraries.
                loadFfmpegInBackground();
            });
        } catch (UnsupportedOperationException e) {
            if (openedFirst != null) {
                openedFirst.close();
            }
            requireAvailable(libVlcCheck);
            // JavaFX says "Unable to open DISPLAY" when there is no graphical session.
            throw new UserFacingException("Frameproof's window needs a graphical desktop, and none was found ("
                    + e.getMessage() + "). Commands such as 'frameproof probe FILE' work without one.", e);
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session.get() != null) {
            session.get().close();
        }
        Platform.exit();
        if (store.get() != null) {
            store.get().close();
        }
        if (libVlcProblem.get() != null) {
            throw new UserFacingException(libVlcProblem.get());
        }
    }

    private static void requireAvailable(CompletableFuture<LibVlcInstallation.Status> libVlcCheck) throws UserFacingException {
        LibVlcInstallation.Status libVlc = libVlcCheck.join();
        if (!libVlc.available()) {
            throw new UserFacingException(libVlc.problem());
        }
    }

    private static void loadFfmpegInBackground() {
        Thread ffmpegLoader = new Thread(FrameDecoder::loadLibraries, "frameproof-ffmpeg-load");
        ffmpegLoader.setDaemon(true);
        ffmpegLoader.start();
    }

    private static String environment(Path dataFolder, LibVlcInstallation.Status libVlc) {
        return "Data: " + dataFolder + " · libVLC " + libVlc.version();
    }

    /** The main window and the player it owns, for one unlocked store. */
    private record Session(PlayerViewModel player, VlcPlayback playback) {
        static Session show(Composition composition, EvidenceStore store, String environment, Path video,
                            CountDownLatch closed) {
            VideoSurface surface = new VideoSurface();
            // One libVLC instance for the whole session, released when the window closes.
            VlcPlayback playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.detect());
            MainWindowParts parts = new MainWindowParts(composition, store, playback, surface,
                    MainWindowParts.Threads.background(), environment);
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            WindowSettings.ofThisUser().keep(parts.mainWindow());
            parts.show(stage);
            if (video != null) {
                parts.player().open(video);
            }
            return new Session(parts.player(), playback);
        }

        void close() {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                player.close();
                done.countDown();
            });
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            playback.close();
        }
    }

    static Image icon() {
        return new Image(DesktopWorkstation.class.getResource("/org/frameproof/assets/frameproof.png").toExternalForm());
    }
}
