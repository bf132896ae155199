package org.frameproof.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.FrameDecoder;
import org.frameproof.media.MediaAnalyzer;
import org.frameproof.media.VaultSources;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.media.review.ReviewEngine;
import org.frameproof.ui.annotations.AnnotationWorkspace;
import org.frameproof.ui.cases.CasesView;
import org.frameproof.ui.cases.CasesViewModel;
import org.frameproof.ui.common.DemoCase;
import org.frameproof.ui.common.PictureLook;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.common.Thumbnails;
import org.frameproof.ui.export.DesktopFiles;
import org.frameproof.ui.export.ExportWorkspace;
import org.frameproof.ui.main.LogFolder;
import org.frameproof.ui.main.MainWindow;
import org.frameproof.ui.main.MainWindowViewModel;
import org.frameproof.ui.player.PlayerThreads;
import org.frameproof.ui.player.PlayerViewModel;
import org.frameproof.ui.receive.ReceiveViewModel;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;
import org.frameproof.ui.send.SendViewModel;
import org.frameproof.ui.team.TeamViewModel;
import org.frameproof.ui.unlock.ChangePassphraseViewModel;

/**
 * The main window's view models for one unlocked store, wired once: the desktop app, the screen
 * tests and the benchmarks all build the window through this class, so a new part of the window
 * is wired here alone. Only where the work runs differs between them ({@link Threads}).
 */
public final class MainWindowParts {
    /**
     * Where each part of the window does its work and shows its results. The app uses
     * {@link #background()}; screen tests run most of it on the calling thread, so that an outcome
     * is there when the call that caused it returns.
     *
     * @param player the player's analysis, decoding and display
     * @param thumbnails where thumbnails are decoded
     * @param thumbnailsShown where decoded thumbnails are shown
     * @param footageReads where the open footage's annotations are read
     * @param listReads where the annotation list and search read the store
     * @param annotationsShown where what the annotation screens read is shown
     * @param imports where footage is imported
     * @param verification where footage is verified
     * @param exports where reports and stills are exported, and bundles sent and received
     * @param passphraseChanges where a changed passphrase re-wraps the store key, and File > Team… adds reviewers and contacts
     * @param logFolder where the file manager showing the log folder (or an export's result) is started and waited for
     */
    public record Threads(ReviewEngine.Threads player, Executor thumbnails, Executor thumbnailsShown, Executor footageReads,
                          Executor listReads, Executor annotationsShown, TaskExecutor imports, TaskExecutor verification,
                          TaskExecutor exports, TaskExecutor passphraseChanges, Executor logFolder) {

        /** The app's: each part's work on daemon threads of its own, its results on the FX thread. */
        public static Threads background() {
            // The open footage and the list read the store on one thread, one read after another.
            Executor annotationReads = TaskExecutor.daemonThread("frameproof-annotation-reads");
            return new Threads(PlayerThreads.background(), TaskExecutor.daemonThread("frameproof-thumbnails"),
                    Platform::runLater, annotationReads, annotationReads, Platform::runLater,
                    TaskExecutor.background("frameproof-import"), TaskExecutor.background("frameproof-verify"),
                    TaskExecutor.background("frameproof-export"), TaskExecutor.background("frameproof-passphrase"),
                    TaskExecutor.daemonThread("frameproof-log-folder"));
        }

        /**
         * Everything on the calling thread (the FX thread, for a screen) except the player, whose
         * decoder needs a thread of its own: a test sees each outcome when its call returns.
         */
        public static Threads immediate() {
            return new Threads(PlayerThreads.background(), Runnable::run, Runnable::run, Runnable::run, Runnable::run,
                    Runnable::run, TaskExecutor.immediate(), TaskExecutor.immediate(), TaskExecutor.immediate(),
                    TaskExecutor.immediate(), Runnable::run);
        }

        /** These threads with the annotation list and search reading the store on {@code reads}. */
        public Threads withListReads(Executor reads) {
            return new Threads(player, thumbnails, thumbnailsShown, footageReads, reads, annotationsShown, imports,
                    verification, exports, passphraseChanges, logFolder);
        }
    }

    private final MainWindowViewModel mainWindow;
    private final PlayerViewModel player;
    private final Thumbnails thumbnails;
    private final AnnotationWorkspace.Parts annotations;
    private final CasesViewModel cases;
    private final Supplier<ChangePassphraseViewModel> changePassphrase;

    /**
     * @param playback the session's libVLC player, drawing on {@code surface}; the caller closes it
     *     after the {@link #player()}
     * @param environment what the status bar says of the data folder and libVLC
     */
    public MainWindowParts(Composition composition, EvidenceStore store, VlcPlayback playback, VideoSurface surface,
                           Threads threads, String environment) {
        Path dataFolder = store.dataFolder();
        MediaAnalyzer analyzer = composition.analyzer(store.unlockedVault());
        VaultSources vault = VaultCopies.of(store.unlockedVault());
        mainWindow = new MainWindowViewModel(store.cases(), environment);
        mainWindow.showWorkingIn(dataFolder.getFileName() == null ? dataFolder.toString() : dataFolder.getFileName().toString(),
                store.reviewer());
        if (store.isDemo()) {
            mainWindow.showDemo(DemoStore.passphrases());
        } else {
            // Started like the desktop's file manager: a program of its own, on the same thread.
            mainWindow.demoCaseProperty().set(new DemoCase(DemoInstance.beside(composition.demo(), dataFolder),
                    threads.logFolder()));
        }
        player = new PlayerViewModel(analyzer, playback, surface, threads.player(), FrameDecoder.DEFAULT_CACHE_BYTES);
        DesktopFiles desktop = DesktopFiles.through(LogFolder.desktop()::show, threads.logFolder());
        mainWindow.exportsProperty().set(new ExportWorkspace(store, composition::vaultFrames, threads.exports(), player,
                Path.of(System.getProperty("user.home")), desktop));
        PictureLook look = new PictureLook();
        thumbnails = new Thumbnails(analyzer, vault, threads.thumbnails(), threads.thumbnailsShown(), look);
        AnnotationSession session = new AnnotationSession(store.annotations(), store.footage(), vault, store.reviewer(),
                player, look, threads.footageReads(), threads.annotationsShown());
        annotations = new AnnotationWorkspace.Parts(session, store.annotations(), store.vocabularies(), store.cases(),
                store.footage(), thumbnails, threads.listReads(), threads.annotationsShown(),
                new ConflictMarks(store.bundles(), session, threads.footageReads(), threads.annotationsShown()));
        cases = new CasesViewModel(store.cases(), store.footage(), threads.imports(), threads.verification(),
                session::openFootage);
        session.whenOpened(cases::recheck);
        mainWindow.logFolderProperty().set(new LogFolder(Logging.folder(dataFolder), LogFolder.desktop(),
                threads.logFolder()));
        changePassphrase = () -> new ChangePassphraseViewModel(composition.stores(), store, threads.passphraseChanges());
        mainWindow.teamProperty().set(new TeamViewModel(composition.stores(), store, threads.passphraseChanges()));
        mainWindow.sendProperty().set(() -> {
            SendViewModel send = new SendViewModel(store, threads.exports(), Path.of(System.getProperty("user.home")),
                    LocalDate.now(), desktop);
            send.load(player.factsProperty().get() == null ? null : player.factsProperty().get().sha256());
            return send;
        });
        // A merge changes the cases and the findings: the tree and the open footage's annotations read them again.
        mainWindow.receiveProperty().set(() -> new ReceiveViewModel(store, threads.exports(), () -> {
            cases.refresh();
            session.reload();
        }));
    }

    /** Shows the main window on {@code stage}; on the FX thread. */
    public void show(Stage stage) {
        MainWindow.show(stage, mainWindow, player, CasesView.load(cases, thumbnails), changePassphrase, annotations,
                aboutText(), DesktopWorkstation.icon());
    }

    public MainWindowViewModel mainWindow() {
        return mainWindow;
    }

    /** The player; close it on the FX thread before the playback it drives. */
    public PlayerViewModel player() {
        return player;
    }

    public CasesViewModel cases() {
        return cases;
    }

    /** The open footage, its annotations and the selection that the annotation screens share. */
    public AnnotationSession session() {
        return annotations.session();
    }

    private static String aboutText() {
        return "Version " + AppInfo.version() + "\nFrame-exact review of evidence footage.\n"
                + "Licensed under the GNU GPL, version 3 or later.";
    }
}
