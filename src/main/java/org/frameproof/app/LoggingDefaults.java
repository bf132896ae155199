package org.frameproof.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration at its first use (found through {@code META-INF/services}): the levels
 * of {@link Logging#setDefaultLevels} and no appender, so nothing is written until a run opens its
 * log. Without it Logback would print every debug line on standard output.
 */
public final class LoggingDefaults extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.setDefaultLevels(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
