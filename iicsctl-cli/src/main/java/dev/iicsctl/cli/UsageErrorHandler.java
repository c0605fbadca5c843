package dev.iicsctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A bad option or argument: one line naming it, a hint where to read the usage, exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("iicsctl: " + message(ex, cli));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Usage: " + usageLine(cli).trim());
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String message(ParameterException ex, CommandLine cli) {
        if (ex instanceof UnmatchedArgumentException unmatched && unmatched.getUnmatched().stream()
                .anyMatch(a -> a.equals("--password") || a.startsWith("--password="))) {
            // picocli would echo the unmatched arguments, and the one after --password is a password.
            return "there is no --password option: a password on a command line is visible to every user of the "
                    + "machine; use --password-stdin, IICS_PASSWORD, or password-env / password-command in a profile";
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !cli.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "': see the commands in 'iicsctl --help'";
        }
        return ex.getMessage();
    }

    private static String usageLine(CommandLine cli) {
        String synopsis = cli.getHelp().synopsis(0);
        int newline = synopsis.indexOf('\n');
        return newline < 0 ? synopsis : synopsis.substring(0, newline) + " ...";
    }
}
