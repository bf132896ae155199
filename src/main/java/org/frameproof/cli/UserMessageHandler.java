package org.frameproof.cli;

import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on standard error. Stack traces are for developers and appear
 * only with {@code FRAMEPROOF_DEBUG=1}.
 */
final class UserMessageHandler implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        String message = failure instanceof UserFacingException
                ? failure.getMessage()
                : "Unexpected failure (" + failure.getClass().getSimpleName() + "): " + failure.getMessage();
        commandLine.getErr().println("frameproof: " + VisibleText.escape(message));
        if ("1".equals(System.getenv("FRAMEPROOF_DEBUG"))) {
            failure.printStackTrace(commandLine.getErr());
        }
        return FAILED;
    }
}
