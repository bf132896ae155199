package org.frameproof.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.frameproof.cli.StoreAccess;
import org.frameproof.cli.Workstation;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.IsolatedProber;
import org.frameproof.media.LibVlcInstallation;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.export.ExportWorkspace;
import org.frameproof.ui.main.MainWindow;
import org.frameproof.ui.main.MainWindowViewModel;
import org.frameproof.ui.player.PlayerThreads;
import org.frameproof.ui.player.PlayerViewModel;

/** The composition root of the desktop app: builds the services and hands them to the main window. */
final class DesktopWorkstation implements Workstation {
    private final StoreAccess storeAccess;

    DesktopWorkstation(StoreAccess storeAccess) {
        this.storeAccess = storeAccess;
    }

    @Override
    public void run(Path dataFolder, Path video) throws UserFacingException {
        LibVlcInstallation.Status libVlc = LibVlcInstallation.check();
        if (!libVlc.available()) {
            throw new UserFacingException(libVlc.problem());
        }
        try (EvidenceStore store = storeAccess.open(dataFolder)) {
            MainWindowViewModel mainWindow = new MainWindowViewModel(
                    store.cases(),
                    "Data: " + dataFolder + " · libVLC " + libVlc.version());
            IsolatedProber prober = Main.prober(dataFolder);
            showUntilClosed(mainWindow, store, prober, video);
        }
    }

    private static void showUntilClosed(MainWindowViewModel viewModel, EvidenceStore store, IsolatedProber prober,
            Path video)
            throws UserFacingException {
        CountDownLatch closed = new CountDownLatch(1);
        VideoSurface surface = new VideoSurface();
        // One libVLC instance for the whole session, released when the window closes.
        VlcPlayback playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.detect());
        PlayerViewModel player = new PlayerViewModel(prober::analyze, playback, surface, PlayerThreads.background(),
                FrameDecoder.DEFAULT_CACHE_BYTES);
        viewModel.exportsProperty().set(new ExportWorkspace(store, folder -> new VaultFrames(prober),
                TaskExecutor.background("frameproof-export"), player, Path.of(System.getProperty("user.home"))));
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setOnHidden(event -> closed.countDown());
                MainWindow.show(stage, viewModel, player, aboutText(), icon());
                if (video != null) {
                    player.open(video);
                }
            });
        } catch (UnsupportedOperationException e) {
            playback.close();
            // JavaFX says "Unable to open DISPLAY" when there is no graphical session.
            throw new UserFacingException("Frameproof's window needs a graphical desktop, and none was found ("
                    + e.getMessage() + "). Commands such as 'frameproof probe FILE' work without one.", e);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(player::close);
        playback.close();
        Platform.exit();
    }

    static Image icon() {
        return new Image(DesktopWorkstation.class.getResource("/org/frameproof/assets/frameproof.png").toExternalForm());
    }

    private static String aboutText() {
        return "Version " + AppInfo.version() + "\nFrame-exact review of evidence footage.\n"
                + "Licensed under the GNU GPL, version 3 or later.";
    }
}
