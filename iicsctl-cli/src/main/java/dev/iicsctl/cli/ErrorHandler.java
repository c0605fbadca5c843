package dev.iicsctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on stderr and the documented exit code. The stack trace is
 * shown only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final Iicsctl root;

    ErrorHandler(Iicsctl root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        Failure failure = Failure.of(ex);
        // The message may quote IICS (an error body): shown escaped, it cannot drive the terminal.
        err.println("iicsctl: " + dev.iicsctl.cli.output.ControlChars.escape(failure.message()));
        if (root.output().verbose()) {
            failure.detail().ifPresent(err::println);
            ex.printStackTrace(err);
        } else if (failure.unexpected()) {
            err.println("iicsctl: rerun with --verbose for the details");
        }
        err.flush();
        return failure.exitCode();
    }

    /** Exit code for exceptions that escape the handler (picocli's exit-code mapper). */
    static int exitCodeOf(Throwable ex) {
        return Failure.of(ex).exitCode();
    }
}
