package dev.iicsctl.cli;

import dev.iicsctl.cli.command.CompletionCommand;
import dev.iicsctl.cli.command.DemoCommand;
import dev.iicsctl.cli.command.EmulatorCommand;
import dev.iicsctl.cli.command.HistoryCommand;
import dev.iicsctl.cli.command.LoginCommand;
import dev.iicsctl.cli.command.LogoutCommand;
import dev.iicsctl.cli.command.LogsCommand;
import dev.iicsctl.cli.command.MonitorCommand;
import dev.iicsctl.cli.command.ResumeCommand;
import dev.iicsctl.cli.command.RunCommand;
import dev.iicsctl.cli.command.StatusCommand;
import dev.iicsctl.cli.command.StopCommand;
import dev.iicsctl.cli.command.TasksCommand;
import dev.iicsctl.cli.command.WhoamiCommand;
import dev.iicsctl.cli.command.OutputOptions;
import dev.iicsctl.cli.help.CommandHelp;
import dev.iicsctl.cli.output.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command, and the one factory that wires a {@link CommandLine} for {@link Main} and for tests. */
@Command(
        name = "iicsctl",
        mixinStandardHelpOptions = true,
        versionProvider = Iicsctl.Version.class,
        sortOptions = false,
        description = {
            "Run Informatica Intelligent Cloud Services (IICS / IDMC) jobs from a scheduler, a CI pipeline or "
                    + "a shell. 'iicsctl help COMMAND' shows the options of a command.",
            ""
        },
        footer = {
            "  iicsctl demo                          try it on the built-in emulator",
            "  iicsctl run \"Sales/Load Orders\"      start a task, wait, exit with its outcome",
            "  iicsctl history \"Sales/Load Orders\"  recent runs and their durations"
        })
public final class Iicsctl implements Callable<Integer> {

    /** Every command, in the order of the usage help. */
    private static final List<Class<?>> COMMANDS = List.of(
            RunCommand.class,
            StatusCommand.class,
            StopCommand.class,
            ResumeCommand.class,
            LogsCommand.class,
            HistoryCommand.class,
            MonitorCommand.class,
            TasksCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            WhoamiCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    /** Commands wired alone when they come first; {@code completion} needs every command, so it is not here. */
    private static final Map<String, Class<?>> QUICK = Map.of(
            "run", RunCommand.class, "status", StatusCommand.class, "stop", StopCommand.class,
            "logs", LogsCommand.class, "history", HistoryCommand.class, "monitor", MonitorCommand.class,
            "tasks", TasksCommand.class, "login", LoginCommand.class, "logout", LogoutCommand.class,
            "whoami", WhoamiCommand.class);

    @Mixin
    private OutputOptions output;

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;

    Iicsctl(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The command line used by {@code main} and by tests: exit-code mapping, one-line errors, usage hints and the
     * writers all come from here.
     *
     * @param out where data goes (stdout)
     * @param err where progress, hints and errors go (stderr)
     * @param environment environment variables, stdin, terminal and signal facts
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment environment) {
        return commandLine(out, err, environment, COMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a command that schedulers run over and over,
     * only that command is wired. Picocli reflects over every command it is given, which was the largest part of
     * the start-up of {@code iicsctl run --no-wait} (docs/benchmarks.md); the answer to the arguments is the same.
     *
     * @param args the arguments that will be executed
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment environment,
                                          String... args) {
        Class<?> only = args.length == 0 ? null : QUICK.get(args[0]);
        return commandLine(out, err, environment, only == null ? COMMANDS : List.of(only));
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment environment,
                                           List<Class<?>> commands) {
        Iicsctl root = new Iicsctl(environment);
        CommandLine cli = new CommandLine(root);
        // Each command gets its own CommandLine first: only that constructor applies a command's model transformer
        // (the emulator's options are added to its command so).
        commands.forEach(command -> cli.addSubcommand(new CommandLine(command)));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler(root));
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        CommandHelp.apply(cli, environment);
        return cli;
    }

    /** No command given: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The process environment the commands read. */
    public CliEnvironment environment() {
        return environment;
    }

    /** The global options. */
    public OutputOptions output() {
        return output;
    }

    /** The style of stdout: colour only when stdout is a terminal, never with {@code NO_COLOR} or {@code --no-color}. */
    public Style style() {
        return styleFor(environment.stdoutIsTerminal());
    }

    /** The style of stderr (progress, hints), decided for stderr alone. */
    public Style errStyle() {
        return styleFor(environment.stderrIsTerminal());
    }

    private Style styleFor(boolean terminal) {
        boolean color = terminal && !output.noColor() && environment.get("NO_COLOR").isEmpty();
        return color ? Style.color() : Style.plain();
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return Version.projectVersion();
    }

    /** Prints the project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"iicsctl " + projectVersion()};
        }

        static String projectVersion() {
            Properties props = new Properties();
            try (InputStream in = Iicsctl.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return props.getProperty("version", "unknown");
        }
    }
}
