package org.frameproof.ui.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help > Open Log Folder: the data folder's log folder, shown in the desktop's file manager. When
 * no file manager opens it, the window shows its path instead, for the reviewer to copy.
 */
public final class LogFolder {
    private static final Logger LOG = LoggerFactory.getLogger(LogFolder.class);
    /** How long a launcher may take to say it failed; one still running then is taken as opening the folder. */
    private static final long LAUNCHER_SECONDS = 5;

    /** Shows a folder in a file manager; answers whether that worked. */
    @FunctionalInterface
    public interface FileManager {
        boolean show(Path folder);
    }

    private final Path folder;
    private final FileManager fileManager;
    private final Executor background;

    /**
     * @param background where the file manager is started and waited for, never the FX thread
     */
    public LogFolder(Path folder, FileManager fileManager, Executor background) {
        this.folder = folder;
        this.fileManager = fileManager;
        this.background = background;
    }

    public Path folder() {
        return folder;
    }

    /** Opens the folder in the background; completes with whether a file manager showed it. */
    public CompletableFuture<Boolean> open() {
        return CompletableFuture.supplyAsync(() -> fileManager.show(folder), background);
    }

    /** The desktop's own way of showing a folder: {@code xdg-open}, {@code open} on macOS, Explorer on Windows. */
    public static FileManager desktop() {
        String os = System.getProperty("os.name");
        return folder -> launch(command(os, folder), !os.toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    /** The command that shows {@code folder} on the system named {@code osName} (as Java names it). */
    static List<String> command(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of("explorer.exe", folder.toString());
        }
        if (os.startsWith("mac")) {
            return List.of("open", folder.toString());
        }
        return List.of("xdg-open", folder.toString());
    }

    /**
     * Runs {@code command}; it failed when it cannot start or, where {@code exitCodeCounts}
     * (Explorer answers 1 even when it opened the folder), ends with another code than 0.
     */
    static boolean launch(List<String> command, boolean exitCodeCounts) {
        try {
            Process launcher = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!launcher.waitFor(LAUNCHER_SECONDS, TimeUnit.SECONDS) || !exitCodeCounts) {
                return true;
            }
            if (launcher.exitValue() != 0) {
                LOG.warn("The file manager launcher {} ended with exit code {}", command.get(0), launcher.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("The file manager launcher {} could not be started", command.get(0), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
