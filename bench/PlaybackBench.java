import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.frameproof.domain.MediaFacts;
import org.frameproof.media.FileBytes;
import org.frameproof.media.MediaProbe;
import org.frameproof.media.MediaSource;
import org.frameproof.media.Playback;
import org.frameproof.media.VideoSurface;
import org.frameproof.media.VlcPlayback;
import org.frameproof.ui.player.FrameView;

/**
 * Real-time playback at 1x beside mpv (bench/playback.sh): the player's libVLC callback surface in
 * a real JavaFX window, counting frames at each stage, then mpv with a real video output on the same
 * file in the same run. Not a test: a main, run from source by the script, that prints Markdown.
 *
 * <p>Arguments: CLIP FRAME_COUNT WINDOW_WIDTH WINDOW_HEIGHT
 */
public final class PlaybackBench {
    private PlaybackBench() {
    }

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        List<String> report = new ArrayList<>();
        report.add("| measure | Frameproof (libVLC callback surface, JavaFX) | mpv |");
        report.add("|---|---|---|");

        String loadBefore = loadAverage();
        Frameproof ours = playInJavaFx(clip, width, height);
        String loadBetween = loadAverage();
        Mpv mpv = playInMpv(clip, width, height);
        String loadAfter = loadAverage();

        report.add(row("frames in the file", frames, frames));
        report.add(row("decoded (libVLC stats / mpv: frames - decoder drops)", ours.decoded, frames - mpv.decoderDrops));
        report.add(row("displayed by the video output (libVLC stats / mpv: frames - all drops)", ours.displayed, frames - mpv.drops - mpv.decoderDrops));
        report.add(row("lost pictures (libVLC stats) / dropped frames (mpv frame-drop-count)", ours.lost, mpv.drops));
        report.add(row("decoder drops (mpv decoder-frame-drop-count)", -1, mpv.decoderDrops));
        report.add(row("delivered to the surface (display callback)", ours.delivered, -1));
        report.add(row("drawn into the PixelBuffer (FX thread, one per pulse, oldest first)", ours.drawn, -1));
        report.add(row("new frames rendered by a JavaFX pulse", ours.pulsesWithNewFrame, -1));
        report.add(String.format(Locale.ROOT, "| on screen / frames in the file | %.3f | %.3f |",
                (double) ours.pulsesWithNewFrame / frames, (double) (frames - mpv.drops - mpv.decoderDrops) / frames));
        report.add(String.format(Locale.ROOT, "| wall time of the playback | %.1f s | %.1f s |", ours.seconds, mpv.seconds));
        report.add(String.format(Locale.ROOT, "| CPU time during the playback (user + system, all threads) | %.1f s | %.1f s |",
                ours.cpuSeconds, mpv.cpuSeconds));
        report.add(String.format(Locale.ROOT, "| peak RSS (VmHWM) | %d MB (whole JVM) | %d MB |", ours.peakRssMb, mpv.peakRssMb));
        report.add("");
        report.add("Load average (1, 5, 15 min): before " + loadBefore + ", between " + loadBetween + ", after " + loadAfter);
        report.add("JavaFX pipeline: " + ours.pipeline);
        System.out.println(String.join("\n", report));
        Platform.exit();
        System.exit(0);
    }

    private record Frameproof(int decoded, int displayed, int lost, long delivered, long drawn, long pulsesWithNewFrame,
            double seconds, double cpuSeconds, long peakRssMb, String pipeline) {
    }

    private record Mpv(long drops, long decoderDrops, double seconds, double cpuSeconds, long peakRssMb) {
    }

    /** Plays the clip once at 1x into the player's surface in a window of the given size. */
    private static Frameproof playInJavaFx(Path clip, int width, int height) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        VideoSurface surface = new VideoSurface();
        VlcPlayback playback = new VlcPlayback(surface, VlcPlayback.AudioOutput.NONE);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong pulses = new AtomicLong();
        VlcPlayback.PictureCounts[] lastCounts = {new VlcPlayback.PictureCounts(0, 0, 0)};
        playback.setListener(new Playback.Listener() {
            @Override
            public void playbackTime(long micros) {
            }

            @Override
            public void playbackFinished() {
                finished.countDown();
            }

            @Override
            public void playbackFailed(String message) {
                System.err.println(message);
                finished.countDown();
            }
        });
        AnimationTimer pulseCounter = new AnimationTimer() {
            private long seen;

            @Override
            public void handle(long now) {
                long drawn = surface.playbackFramesDrawn();
                if (drawn != seen) {
                    seen = drawn;
                    pulses.incrementAndGet();
                }
            }
        };
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            FrameView view = new FrameView();
            view.imageProperty().bind(surface.imageProperty());
            Stage stage = new Stage();
            stage.setScene(new Scene(view, width, height));
            stage.setTitle("PlaybackBench");
            stage.show();
            // As the player does (PlayerViewModel.setPictureArea): libVLC draws at the size the picture takes on screen.
            if (!Boolean.getBoolean("bench.fullSize")) {
                playback.limitPictureSize((int) Math.ceil(view.getWidth()), (int) Math.ceil(view.getHeight()));
            }
            view.frameSizeProperty().set(new javafx.geometry.Dimension2D(1920, 1080));
            pulseCounter.start();
            shown.countDown();
        });
        shown.await();
        Thread.sleep(1000);
        long start = System.nanoTime();
        double cpuBefore = cpuSeconds("self");
        MediaFacts facts = MediaProbe.analyze(clip, fraction -> { }, () -> false).facts();
        Platform.runLater(() -> {
            // -Dbench.source=bytes: libVLC reads through its media callbacks, as it reads a vault copy.
            playback.load("bytes".equals(System.getProperty("bench.source"))
                    ? MediaSource.ofBytes(clip.getFileName().toString(), "bench", () -> FileBytes.open(clip))
                    : MediaSource.of(clip), facts);
            playback.play(0);
        });
        // libVLC's statistics end with the input: read them while it plays, keep the last.
        while (!finished.await(500, TimeUnit.MILLISECONDS)) {
            lastCounts[0] = playback.pictureCounts();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds("self") - cpuBefore;
        Thread.sleep(300);
        pulseCounter.stop();
        VlcPlayback.PictureCounts counts = lastCounts[0];
        String pipeline = System.getProperty("bench.pipeline", "see -Dprism.verbose output");
        Frameproof result = new Frameproof(counts.decoded(), counts.displayed(), counts.lost(), surface.playbackFramesDelivered(),
                surface.playbackFramesDrawn(), pulses.get(), seconds, cpu, peakRssMb("self"), pipeline);
        playback.close();
        return result;
    }

    /**
     * mpv with a real video output in a window of the same size, its drop counters read over IPC at
     * the end. The smoke test, which has no X server, names another output (bench.mpvOutput=null).
     */
    private static Mpv playInMpv(Path clip, int width, int height) throws Exception {
        Path socket = Files.createTempDirectory("mpv-bench").resolve("ipc");
        String output = System.getProperty("bench.mpvOutput", "x11");
        Process mpv = new ProcessBuilder("mpv", "--no-config", "--vo=" + output, "--ao=null", "--keep-open=yes",
                "--untimed=no", "--really-quiet", "--geometry=" + width + "x" + height, "--autofit=" + width + "x" + height,
                "--input-ipc-server=" + socket, clip.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long start = System.nanoTime();
        while (!Files.exists(socket)) {
            Thread.sleep(20);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            var out = Channels.newOutputStream(channel);
            while (!"true".equals(property(in, out, "eof-reached"))) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long drops = Long.parseLong(property(in, out, "frame-drop-count"));
            long decoderDrops = Long.parseLong(property(in, out, "decoder-frame-drop-count"));
            long rss = peakRssMb(String.valueOf(mpv.pid()));
            double cpu = cpuSeconds(String.valueOf(mpv.pid()));
            out.write("{\"command\":[\"quit\"]}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            mpv.waitFor(10, TimeUnit.SECONDS);
            return new Mpv(drops, decoderDrops, seconds, cpu, rss);
        } finally {
            mpv.destroy();
        }
    }

    private static String property(BufferedReader in, java.io.OutputStream out, String name) throws IOException {
        out.write(("{\"command\":[\"get_property\",\"" + name + "\"],\"request_id\":1}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("mpv closed its IPC socket");
            }
            if (line.contains("\"request_id\":1")) {
                int at = line.indexOf("\"data\":");
                if (at < 0) {
                    return "";
                }
                String rest = line.substring(at + 7);
                return rest.substring(0, rest.indexOf(',')).replace("\"", "");
            }
        }
    }

    private static long peakRssMb(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** User + system CPU seconds of a process so far (/proc/PID/stat, clock ticks of 1/100 s). */
    private static double cpuSeconds(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static String row(String measure, long ours, long theirs) {
        return "| " + measure + " | " + (ours < 0 ? "-" : String.valueOf(ours)) + " | " + (theirs < 0 ? "-" : String.valueOf(theirs)) + " |";
    }
}
