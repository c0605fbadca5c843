package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.OutputFormat;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.time.DurationFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor [--watch]}: the org's running jobs from the activity monitor. */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the org's running jobs from the activity monitor.", "",
            "With --watch the list is refreshed until Ctrl-C."},
        footer = {"  iicsctl monitor",
            "  iicsctl monitor --watch --interval 10s"})
public final class MonitorCommand extends BaseCommand {
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Option(names = "--watch", description = "Refresh in place (on a terminal) until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", converter = PollIntervalConverter.class,
            description = "Refresh interval of --watch (default: 5s, at least 100ms).")
    Duration interval = Duration.ofSeconds(5);

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        try (Connection connection = connect(this.connection)) {
            do {
                List<RunReport> running = connection.client().monitor().running().stream()
                        .map(RunReports::of)
                        .toList();
                if (watch) {
                    header();
                }
                reporter().monitor(running);
                if (out().checkError()) {
                    // The reader has gone (e.g. 'monitor --watch | head -1'): nobody is left to watch for.
                    return ExitCode.OK;
                }
                if (watch && !pause()) {
                    return ExitCode.SIGINT;
                }
            } while (watch);
            return ExitCode.OK;
        }
    }

    private void header() {
        if (output().format() == OutputFormat.json) {
            return;
        }
        String title = "every " + DurationFormat.brief(interval) + ": iicsctl monitor    "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // In place on a terminal; in a log, one block after another.
        out().print(env().stdoutIsTerminal() ? CLEAR_SCREEN + title + "\n\n" : "\n" + title + "\n");
    }

    /** Waits one interval; false when interrupted. */
    private boolean pause() {
        try {
            Thread.sleep(interval.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
