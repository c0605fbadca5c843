package dev.iicsctl.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad option or argument: one line naming it and the fix, then one hint where to read the usage, exit code 2.
 * Both lines speak as every other error does ({@code iicsctl: ...}), and enum values are spelled in lower case,
 * as they are typed.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("iicsctl: " + message(ex, cli, Arrays.asList(args)));
        err.println("iicsctl: see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String message(ParameterException ex, CommandLine cli, List<String> args) {
        if (ex instanceof UnmatchedArgumentException unmatched && unmatched.getUnmatched().stream()
                .anyMatch(a -> a.equals("--password") || a.startsWith("--password="))) {
            // picocli would echo the unmatched arguments, and the one after --password is a password.
            return "there is no --password option: a password on a command line is visible to every user of the "
                    + "machine; use --password-stdin, IICS_PASSWORD, or password-env / password-command in a profile";
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String suggestion = unmatched.getSuggestions().isEmpty() ? ""
                    : ": did you mean " + unmatched.getSuggestions().stream().limit(3)
                            .map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
            if (!cli.getSubcommands().isEmpty() && !first.startsWith("-")) {
                return "unknown command '" + first + "'" + (suggestion.isEmpty()
                        ? ": see the commands in 'iicsctl --help'" : suggestion);
            }
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'" + suggestion;
            }
            int at = args.indexOf(first);
            boolean takesTask = cli.getCommandSpec().positionalParameters().stream()
                    .anyMatch(p -> p.paramLabel().equals("TASK"));
            if (takesTask && at > 0 && !args.get(at - 1).startsWith("-")) {
                return "unexpected argument '" + first + "': a name with spaces must be quoted: \""
                        + args.get(at - 1) + " " + first + "\"";
            }
            return "unexpected argument '" + first + "'" + suggestion;
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && arg.type().isEnum() && ex.getValue() != null) {
            String values = Arrays.stream(arg.type().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.toList()).toString();
            return "invalid value '" + ex.getValue() + "' for " + name(arg) + ": use one of "
                    + values.substring(1, values.length() - 1);
        }
        String message = ex.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
