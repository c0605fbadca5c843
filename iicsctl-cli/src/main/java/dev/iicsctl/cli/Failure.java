package dev.iicsctl.cli;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.TaskAlreadyRunningException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.WaitTimeoutException;
import java.util.List;
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

    /** The exit code of a client exception (product contract 2.5). */
    public static int exitCode(IicsException ex) {
        if (ex instanceof IicsAuthException) {
            return ExitCode.AUTH_FAILED;
        }
        if (ex instanceof TaskNotFoundException || ex instanceof TaskAlreadyRunningException) {
            return ExitCode.TASK_PROBLEM;
        }
        if (ex instanceof WaitTimeoutException) {
            return ExitCode.TIMED_OUT;
        }
        return ExitCode.API_FAILED;
    }

    /** The one-line message; an ambiguous name lists the tasks it matches, with their paths. */
    private static String message(IicsException ex) {
        if (ex instanceof TaskAlreadyRunningException running && running.running() != null) {
            // The library names its policy; a command line user needs the option as it is typed.
            return running.running().task().displayName() + " is already running (run " + running.running().runId()
                    + "): nothing was started; use --if-running attach, wait or start";
        }
        String message = ex.getMessage();
        if (ex instanceof TaskNotFoundException notFound && !notFound.matches().isEmpty()) {
            List<String> candidates = notFound.matches().stream()
                    .map(t -> t.displayName() + " (" + t.type().code() + ")")
                    .toList();
            if (!candidates.stream().allMatch(message::contains)) {
                message += "; matches: " + String.join(", ", candidates);
            }
        }
        return message;
    }

    /** Maps any exception to what the user sees. */
    public static Failure of(Throwable ex) {
        Throwable cause = ex;
        while (cause instanceof picocli.CommandLine.ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CliException cli) {
            return new Failure(cli.exitCode(), cli.getMessage(), Optional.empty(), false);
        }
        if (cause instanceof IicsException iics) {
            return new Failure(exitCode(iics), message(iics), Optional.of(iics.detail()), false);
        }
        return new Failure(ExitCode.RUN_FAILED, "unexpected error: " + cause, Optional.empty(), true);
    }
}
