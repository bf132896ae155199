package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.util.FileSize;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);

    @TempDir Path work;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aSessionWritesItsDataFoldersLogReadableByItsOwnerAloneAndNothingAfterItCloses() throws Exception {
        Path data = work.resolve("data");
        try (Logging.Session session = Logging.start(data, false)) {
            LOG.info("info line {}", 1);
            LOG.debug("debug line");
        }
        LOG.info("after the session");
        Path log = data.resolve("logs").resolve("frameproof.log");
        String written = Files.readString(log);
        assertTrue(written.contains("INFO  [main] LoggingTest: info line 1"), written);
        assertFalse(written.contains("debug line"), written);
        assertFalse(written.contains("after the session"), written);
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.resolve("logs")));
        assertEquals("rw-------", mode(log));
    }

    @Test
    void verboseAlsoWritesOnStandardErrorWithTheDebugLines() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Logging.Session session = Logging.start(work, true)) {
            LOG.debug("debug line");
        } finally {
            System.setErr(stderr);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("DEBUG [main] LoggingTest: debug line"), captured.toString());
        assertTrue(Files.readString(work.resolve("logs/frameproof.log")).contains("debug line"));
        assertFalse(LOG.isDebugEnabled(), "closing the session sets the levels back");
    }

    @Test
    void anUncaughtExceptionIsLoggedAndStillPrintedAsJavaPrintsIt() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Logging.Session session = Logging.start(work, false)) {
            Logging.uncaught(new Thread("JavaFX Application Thread"), new IllegalStateException("Checkpoint 4"));
        } finally {
            System.setErr(stderr);
        }
        String log = Files.readString(work.resolve("logs/frameproof.log"));
        assertTrue(log.contains("ERROR [main] Logging: An exception was not caught on thread JavaFX Application Thread"), log);
        assertTrue(log.contains("java.lang.IllegalStateException (message not logged)"), log);
        assertFalse(log.contains("Checkpoint 4"), log);
        assertTrue(captured.toString(StandardCharsets.UTF_8)
                .startsWith("Exception in thread \"JavaFX Application Thread\" java.lang.IllegalStateException: Checkpoint 4"),
                captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rolledOverFilesStayOwnerOnlyAndTheirNumberIsCapped() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrivateLogFile file = PrivateLogFile.in(work, context, Logging.encoder(context), FileSize.valueOf("1KB"));
        assertTrue(file.isStarted());
        for (int roll = 0; roll < PrivateLogFile.KEPT_ROLLED_FILES + 3; roll++) {
            file.doAppend(event("line before roll-over " + roll));
            file.rollover();
        }
        file.doAppend(event("last line"));
        file.stop();
        List<Path> files;
        try (Stream<Path> listed = Files.list(work)) {
            files = listed.sorted().toList();
        }
        assertEquals(List.of("frameproof.1.log", "frameproof.2.log", "frameproof.3.log", "frameproof.4.log", "frameproof.log"),
                files.stream().map(path -> path.getFileName().toString()).toList());
        for (Path path : files) {
            assertEquals("rw-------", mode(path), path.toString());
        }
        assertTrue(Files.readString(work.resolve("frameproof.log")).contains("last line"));
    }

    private static ILoggingEvent event(String message) {
        ch.qos.logback.classic.Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(LoggingTest.class);
        return new ch.qos.logback.classic.spi.LoggingEvent(LoggingTest.class.getName(), logger,
                ch.qos.logback.classic.Level.INFO, message, null, null);
    }
}
