package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.Iicsctl;
import dev.iicsctl.cli.connect.ClientFactory;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.StartedHere;
import dev.iicsctl.cli.run.TaskFinder;
import dev.iicsctl.cli.session.ResolutionCache;
import dev.iicsctl.client.PollPolicy;
import java.time.Duration;
import java.util.Optional;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.output.Reporter;
import dev.iicsctl.cli.output.Style;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the writers of the command line, the environment given to the factory and the
 * global options. Commands print only through {@link #out()} and {@link #err()}.
 */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    private Iicsctl root;

    @Spec
    private CommandSpec spec;

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected final CliEnvironment env() {
        return root.environment();
    }

    protected final OutputOptions output() {
        return root.output();
    }

    protected final Style style() {
        return root.style();
    }

    /** The style of what goes to stderr. */
    protected final Style errStyle() {
        return root.errStyle();
    }

    protected final Reporter reporter() {
        return Reporter.create(output().format(), out(), err(), style());
    }

    protected final Progress progress() {
        return Progress.create(err(), env().stderrIsTerminal(), errStyle());
    }

    /** The client factory for this invocation's environment, stderr and verbosity. */
    protected final ClientFactory clients() {
        return new ClientFactory(env(), err(), output().verbose());
    }

    /** Connects with the connection options (the cache as they say, the default poll policy). */
    protected final Connection connect(ConnectionOptions options) {
        return connect(options, Optional.empty());
    }

    /** Connects with the connection options and a poll policy for waits. */
    protected final Connection connect(ConnectionOptions options, Optional<Duration> poll) {
        return clients().connect(options.flags(), options.sessionCache(), poll.map(PollPolicy::fixed));
    }

    /** The job runs this machine started through the connection's login and user. */
    protected final StartedHere startedHere(Connection connection, java.util.function.Consumer<String> warn) {
        return StartedHere.of(env().cacheHome(), connection, warn);
    }

    /**
     * Finds the tasks named on the command line, through the resolution cache unless {@code --no-session-cache}.
     *
     * @param positional the TASK arguments as given (for the hint about a name with spaces), or empty
     */
    protected final TaskFinder taskFinder(Connection connection, ConnectionOptions options,
            java.util.List<String> positional) {
        return new TaskFinder(connection.client(), positional,
                options.sessionCache() ? Optional.of(resolutionCache()) : Optional.empty());
    }

    /** The tasks resolved moments ago: {@code ${XDG_CACHE_HOME:-~/.cache}/iicsctl/resolutions.json}. */
    protected final ResolutionCache resolutionCache() {
        return new ResolutionCache(env().cacheHome().resolve("iicsctl").resolve("resolutions.json"),
                java.time.Clock.systemUTC());
    }

    protected final CommandSpec spec() {
        return spec;
    }

    protected final Iicsctl root() {
        return root;
    }
}
