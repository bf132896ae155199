package org.frameproof.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameproof.store.PrivateFiles;

/**
 * The log file: {@code frameproof.log}, rolled over to {@code frameproof.1.log} …
 * {@code frameproof.4.log} when it passes its size, so the log never takes more than five files'
 * worth. Every file is created readable by its owner alone, like the rest of the data folder.
 * Two processes on one folder (the window and a command) append to the same file.
 */
final class PrivateLogFile extends RollingFileAppender<ILoggingEvent> {
    static final String NAME = "frameproof.log";
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("5MB");
    static final int KEPT_ROLLED_FILES = 4;

    /** A started appender writing {@code folder/frameproof.log}; check {@link #isStarted()}. */
    static PrivateLogFile in(Path folder, LoggerContext context, Encoder<ILoggingEvent> encoder) {
        return in(folder, context, encoder, MAX_FILE_SIZE);
    }

    static PrivateLogFile in(Path folder, LoggerContext context, Encoder<ILoggingEvent> encoder, FileSize maxFileSize) {
        PrivateLogFile file = new PrivateLogFile();
        file.setContext(context);
        file.setName("file");
        file.setFile(folder.resolve(NAME).toString());
        file.setEncoder(encoder);
        FixedWindowRollingPolicy rolled = new FixedWindowRollingPolicy();
        rolled.setContext(context);
        rolled.setParent(file);
        rolled.setFileNamePattern(folder.resolve("frameproof.%i.log").toString());
        rolled.setMinIndex(1);
        rolled.setMaxIndex(KEPT_ROLLED_FILES);
        rolled.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(maxFileSize);
        size.start();
        file.setRollingPolicy(rolled);
        file.setTriggeringPolicy(size);
        file.start();
        return file;
    }

    /** Logback opens the file at the start and after each roll-over: it is made owner-only first. */
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName);
        if (Files.exists(file)) {
            PrivateFiles.restrict(file);
        } else {
            Files.createFile(file, PrivateFiles.ownerOnly());
        }
        super.openFile(fileName);
    }
}
