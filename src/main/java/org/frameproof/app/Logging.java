package org.frameproof.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.DataFolder;
import org.frameproof.store.PrivateFiles;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Frameproof's log, configured here in code so that nothing depends on the working folder. Until a
 * command or the workstation opens a {@link Session}, log lines go nowhere: tests and the probe's
 * child process write no log. A session writes {@code logs/frameproof.log} in the data folder
 * (owner-only, rolled over by size with a cap) and, with {@code --verbose}, standard error too.
 *
 * <p>The log must never hold evidence: our own lines name ids, counts, durations and error classes,
 * never case names, observations, file names, paths or secrets; exception messages (which often
 * name a path) are left out by {@link ThrowableWithoutMessages}, their classes and stack frames kept.
 */
public final class Logging {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{0}: %msg%n%"
            + ThrowableWithoutMessages.WORD;
    private static final String OURS = "org.frameproof";

    private Logging() {
    }

    /** Where the log of the data folder {@code dataFolder} is kept. */
    public static Path folder(Path dataFolder) {
        return dataFolder.resolve(DataFolder.LOGS);
    }

    /**
     * The levels every run starts with: our own lines from INFO; of the libraries only warnings and
     * errors, and of those that repeat what a reviewer typed or where the data folder is, errors alone.
     */
    static void setDefaultLevels(LoggerContext context) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        context.getLogger(OURS).setLevel(Level.INFO);
        // JavaFX warns that it runs from the class path; that is how Frameproof is packaged.
        context.getLogger("javafx").setLevel(Level.ERROR);
        // Flyway names the database file and warns that H2 2.5 is newer than it was verified with;
        // the migration tests cover that.
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
        // PDFBox's warnings about fonts and glyphs can quote the text of a report.
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
    }

    /**
     * Hands the lines of libraries that log through java.util.logging (JavaFX among them) to this
     * log, and keeps java.util.logging's levels in step with it so that dropped lines cost nothing.
     * Once per process, before any window opens.
     */
    static void takeOverJavaUtilLogging() {
        LoggerContext context = context();
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /**
     * Logs an exception no code caught (one thrown by a window's event handler, say) before it is
     * printed on standard error as Java prints it without a handler.
     */
    static void logUncaughtExceptions() {
        Thread.setDefaultUncaughtExceptionHandler(Logging::uncaught);
    }

    static void uncaught(Thread thread, Throwable thrown) {
        LoggerFactory.getLogger(Logging.class).error("An exception was not caught on thread {}", thread.getName(), thrown);
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        thrown.printStackTrace(System.err);
    }

    /**
     * Starts logging into the data folder's log (and on standard error when {@code verbose}) until
     * the session is closed. A log file that cannot be opened leaves the run without one: the work
     * itself says what is wrong with the folder, if it needs it.
     */
    public static Session start(Path dataFolder, boolean verbose) {
        LoggerContext context = context();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        if (verbose) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("console");
            console.setTarget("System.err");
            console.setEncoder(encoder(context));
            console.start();
            root.addAppender(console);
            appenders.add(console);
            context.getLogger(OURS).setLevel(Level.DEBUG);
        }
        try {
            Path folder = folder(dataFolder);
            PrivateFiles.createFolder(dataFolder);
            PrivateFiles.createFolder(folder);
            PrivateLogFile file = PrivateLogFile.in(folder, context, encoder(context));
            if (file.isStarted()) {
                root.addAppender(file);
                appenders.add(file);
            } else {
                LoggerFactory.getLogger(Logging.class).warn("The log file could not be opened; this run keeps no log");
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Logging.class).warn("The log folder could not be made; this run keeps no log", e);
        }
        return new Session(root, appenders);
    }

    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put(ThrowableWithoutMessages.WORD, ThrowableWithoutMessages::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** One run's log; closing it flushes and closes the file and sets the levels back. */
    public static final class Session implements AutoCloseable {
        private final Logger root;
        private final List<Appender<ILoggingEvent>> appenders;

        private Session(Logger root, List<Appender<ILoggingEvent>> appenders) {
            this.root = root;
            this.appenders = appenders;
        }

        @Override
        public void close() {
            for (Appender<ILoggingEvent> appender : appenders) {
                root.detachAppender(appender);
                appender.stop();
            }
            setDefaultLevels(root.getLoggerContext());
        }
    }
}
