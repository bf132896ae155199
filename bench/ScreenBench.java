import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.frameproof.app.Composition;
import org.frameproof.app.MainWindowParts;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Provenance;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ImportStamp;
import org.frameproof.evidence.Progress;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.player.PlayerViewModel;
import org.frameproof.ui.timeline.TimelineLanes;

/**
 * Screen benchmarks of issue 5, in a real JavaFX window (bench/screen-bench.sh runs them under
 * Xvfb). Not tests: mains that print Markdown. Modes:
 *   timeline WIDTH SECONDS   the timeline lanes of a one-hour clip (108 000 frames) with 10 000
 *                            annotations, zoomed from the whole clip down to single frames, panned and
 *                            zoomed out again by wheel events, one per pulse: pulses per second and
 *                            the time between pulses
 *   keytoform DATA CLIP N [EXISTING]
 *                            the main window as the app builds it, on a new store with CLIP imported
 *                            (and EXISTING annotations on it, default none): N times, key 1 pressed
 *                            through the OS (XTest) at the video, timed until the layout pulse that
 *                            shows the new annotation's form with the cursor in it (then Esc takes it back)
 */
public final class ScreenBench {
    private ScreenBench() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        switch (args[0]) {
            case "timeline" -> timeline(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "keytoform" -> keyToForm(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 0);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("(load average " + Files.readString(Path.of("/proc/loadavg")).substring(0, 14) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; JavaFX pipeline "
                + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName() + ")");
        Platform.exit();
        System.exit(0);
    }

    private static void timeline(int width, int seconds) throws Exception {
        int frames = 108_000;
        Random random = new Random(3);
        List<Annotation> annotations = new ArrayList<>();
        AnnotationKind[] kinds = AnnotationKind.values();
        for (int i = 0; i < 10_000; i++) {
            int start = random.nextInt(frames);
            int end = i % 10 < 7 ? start : Math.min(frames - 1, start + 1 + random.nextInt(3000));
            annotations.add(new Annotation(UUID.randomUUID().toString(), 1, "0".repeat(64),
                    new FrameSpan(start, end, start * 1000.0 / 30, end * 1000.0 / 30), "observation " + i, null,
                    Confidence.MEDIUM, List.of(), null, new Finding.Note(null), "Bench", Role.RESEARCHER, Instant.now(), null));
        }
        TimelineLanes lanes = new TimelineLanes();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(lanes), width, lanes.getMinHeight()));
            stage.show();
            lanes.setFrameCount(frames);
            lanes.setAnnotations(annotations);
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        Thread.sleep(1000);

        // One wheel event per pulse: 40 zoom-in steps (whole clip to single frames), 200 pans, 40 zoom-out steps.
        List<Long> pulseNanos = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long[] handlerNanos = new long[1];
        AnimationTimer driver = new AnimationTimer() {
            private int step;
            private final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                pulseNanos.add(start);
                if (start > end) {
                    stop();
                    done.countDown();
                    return;
                }
                int phase = step++ % 280;
                boolean zoom = phase < 40 || phase >= 240;
                double delta = zoom ? (phase < 40 ? 40 : -40) : (phase < 140 ? -120 : 120);
                double x = lanes.getWidth() / 2 + 200 * Math.sin(step / 20.0);
                lanes.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, x, 30, x, 30, false, zoom, false, false, false, false,
                        0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, (PickResult) null));
                handlerNanos[0] += System.nanoTime() - start;
            }
        };
        Platform.runLater(driver::start);
        done.await();
        long[] gaps = new long[pulseNanos.size() - 1];
        for (int i = 1; i < pulseNanos.size(); i++) {
            gaps[i - 1] = pulseNanos.get(i) - pulseNanos.get(i - 1);
        }
        double elapsed = (pulseNanos.get(pulseNanos.size() - 1) - pulseNanos.get(0)) / 1e9;
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| timeline %d px wide, 108 000 frames, 10 000 annotations: pulses with a zoom or pan | %d in %.1f s |%n",
                width, gaps.length, elapsed);
        System.out.printf(Locale.ROOT, "| frames per second | %.1f |%n", gaps.length / elapsed);
        System.out.printf(Locale.ROOT, "| time between pulses | %s |%n", percentiles(gaps));
        System.out.printf(Locale.ROOT, "| event handling + redraw on the FX thread, mean per pulse | %.2f ms |%n",
                handlerNanos[0] / 1e6 / gaps.length);
    }

    private static void keyToForm(Path data, Path clip, int presses, int existing) throws Exception {
        Composition composition = new Composition(unlocked -> MediaProbe::analyze, new ImportStamp("bench", "bench"),
                Clock.systemUTC());
        EvidenceStore store = composition.stores().create(data, "bench passphrase".toCharArray(), new Reviewer("Bench", Role.RESEARCHER));
        Case investigation = store.cases().createCase("Bench", "");
        Footage item = store.footage().importFiles(investigation, List.of(clip), Provenance.UNKNOWN, Progress.NONE).get(0).footage();
        List<Annotation> earlier = new ArrayList<>();
        FrameIndex index = store.annotations().frameIndex(item.id());
        for (int i = 0; i < existing; i++) {
            int frame = i % index.frameCount();
            earlier.add(new Annotation(UUID.randomUUID().toString(), item.id(), item.sha256(), FrameSpan.of(index, frame, frame),
                    "earlier note " + i, null, Confidence.MEDIUM, List.of(), null, new Finding.Note("event"), "Bench",
                    Role.RESEARCHER, Instant.now(), null));
        }
        // As a file of its own: imported annotations take their ids from the file's hash.
        store.annotations().importInto(item.id(), "bench-fill.json", fillHash(), earlier);
        VideoSurface surface = new VideoSurface();
        VlcPlayback playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        MainWindowParts parts = new MainWindowParts(composition, store, playback, surface, MainWindowParts.Threads.background(),
                "bench");
        PlayerViewModel player = parts.player();
        AnnotationSession session = parts.session();
        Stage[] stage = new Stage[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            stage[0] = new Stage();
            parts.show(stage[0]);
            session.openFootage(item);
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        waitUntil(() -> session.enabledProperty().get() && player.currentFrameProperty().get() == 0);
        Thread.sleep(1500);
        Scene scene = stage[0].getScene();
        Node video = scene.lookup("#videoImage");
        long[] nanos = new long[presses];
        for (int i = 0; i < presses; i++) {
            CompletableFuture<Long> formShown = new CompletableFuture<>();
            long[] pressed = new long[1];
            Runnable check = () -> {
                Node focused = scene.getFocusOwner();
                if (session.selectedProperty().get() != null && focused != null && "observationArea".equals(focused.getId())
                        && focused.isVisible()) {
                    formShown.complete(System.nanoTime());
                }
            };
            Platform.runLater(() -> {
                scene.addPostLayoutPulseListener(check);
                Robot robot = new Robot();
                Point2D centre = video.localToScreen(video.getBoundsInLocal().getCenterX(), video.getBoundsInLocal().getCenterY());
                robot.mouseMove(centre);
                pressed[0] = System.nanoTime();
                robot.keyPress(KeyCode.DIGIT1);
                robot.keyRelease(KeyCode.DIGIT1);
            });
            long at = formShown.get(10, TimeUnit.SECONDS);
            nanos[i] = at - pressed[0];
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(check);
                Robot robot = new Robot();
                robot.keyPress(KeyCode.ESCAPE);
                robot.keyRelease(KeyCode.ESCAPE);
            });
            waitUntil(() -> session.selectedProperty().get() == null && session.annotations().size() == existing);
            Thread.sleep(300);
        }
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| key 1 (through the X server) to the new annotation's form laid out with the cursor in it,"
                + " %d presses, footage with %d annotations | %s |%n", presses, existing, percentiles(nanos));
        System.out.printf(Locale.ROOT, "| the first press (classes loaded and code compiled on the way) | %.1f ms |%n", nanos[0] / 1e6);
        System.out.printf(Locale.ROOT, "| presses 2 to %d | %s |%n", presses, percentiles(Arrays.copyOfRange(nanos, 1, presses)));
        Platform.runLater(player::close);
        Thread.sleep(500);
        playback.close();
        store.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            CompletableFuture<Boolean> met = new CompletableFuture<>();
            Platform.runLater(() -> met.complete(condition.getAsBoolean()));
            if (met.get(30, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** A random stand-in for the SHA-256 of a file the fill imports. */
    private static String fillHash() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }
}
