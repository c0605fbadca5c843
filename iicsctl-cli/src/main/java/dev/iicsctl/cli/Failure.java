package dev.iicsctl.cli;

import java.util.Optional;

/**
 * What the user is told about an exception: the exit code, one line, and an optional redacted detail for
 * {@code --verbose}. This is the single place where exception types map to exit codes.
 *
 * @param exitCode the documented exit code
 * @param message one line naming the problem and the fix
 * @param detail more, for {@code --verbose}
 * @param unexpected whether this is a bug rather than a user-facing condition
 */
public record Failure(int exitCode, String message, Optional<String> detail, boolean unexpected) {

    /** Maps any exception to what the user sees. */
    public static Failure of(Throwable ex) {
        Throwable cause = ex;
        while (cause instanceof picocli.CommandLine.ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CliException cli) {
            return new Failure(cli.exitCode(), cli.getMessage(), Optional.empty(), false);
        }
        return new Failure(ExitCode.RUN_FAILED, "unexpected error: " + cause, Optional.empty(), true);
    }
}
