package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrowableWithoutMessagesTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private String written(Throwable thrown) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(getClass()), Level.WARN,
                "Something failed", thrown, null);
        return new String(Logging.encoder(context).encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theStackTraceKeepsEveryClassAndFrameButNoMessage() {
        IOException cause = new IOException("/home/ana/Cases/Checkpoint 4/clip.mp4: no such file");
        cause.addSuppressed(new IllegalStateException("passphrase hunter2"));
        String written = written(new UncheckedIOException("Could not read Checkpoint 4", cause));
        assertTrue(written.contains("WARN  [main] ThrowableWithoutMessagesTest: Something failed"), written);
        assertTrue(written.contains("java.io.UncheckedIOException (message not logged)"), written);
        assertTrue(written.contains("Caused by: java.io.IOException (message not logged)"), written);
        assertTrue(written.contains("\tSuppressed: java.lang.IllegalStateException (message not logged)"), written);
        assertTrue(written.contains("\tat org.frameproof.app.ThrowableWithoutMessagesTest.theStackTraceKeepsEveryClassAndFrameButNoMessage"),
                written);
        assertTrue(written.contains("common frames omitted"), written);
        for (String secret : new String[] {"Checkpoint", "clip.mp4", "/home/ana", "hunter2"}) {
            assertFalse(written.contains(secret), written);
        }
    }

    @Test
    void aLineWithoutAnExceptionEndsWithTheMessage() {
        String written = written(null);
        assertTrue(written.endsWith("Something failed" + System.lineSeparator()), written);
        assertEquals(1, written.lines().count());
    }

    @Test
    void aCauseThatLoopsBackIsNamedOnce() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalArgumentException second = new IllegalArgumentException("b", first);
        first.initCause(second);
        String written = written(first);
        assertTrue(written.contains("Caused by: java.lang.IllegalStateException (seen above)"), written);
    }
}
