package org.frameproof.app;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Writes a logged exception as a stack trace without its messages: the class of each exception,
 * its causes and suppressed ones, and their frames. An exception's message often names a file, a
 * path or what a reviewer typed, and none of that may reach the log.
 */
public final class ThrowableWithoutMessages extends ThrowableHandlingConverter {
    /** The conversion word in {@link Logging#PATTERN}. */
    static final String WORD = "exWithoutMessages";

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        append(out, thrown, "", "");
        return out.toString();
    }

    private static void append(StringBuilder out, IThrowableProxy thrown, String heading, String indent) {
        out.append(indent).append(heading).append(thrown.getClassName());
        if (thrown.isCyclic()) {
            out.append(" (seen above)").append(CoreConstants.LINE_SEPARATOR);
            return;
        }
        out.append(" (message not logged)").append(CoreConstants.LINE_SEPARATOR);
        StackTraceElementProxy[] frames = thrown.getStackTraceElementProxyArray();
        int own = frames.length - thrown.getCommonFrames();
        for (int i = 0; i < own; i++) {
            out.append(indent).append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
        }
        if (thrown.getCommonFrames() > 0) {
            out.append(indent).append("\t... ").append(thrown.getCommonFrames()).append(" common frames omitted")
                    .append(CoreConstants.LINE_SEPARATOR);
        }
        for (IThrowableProxy suppressed : thrown.getSuppressed()) {
            append(out, suppressed, "Suppressed: ", indent + '\t');
        }
        if (thrown.getCause() != null) {
            append(out, thrown.getCause(), "Caused by: ", indent);
        }
    }
}
