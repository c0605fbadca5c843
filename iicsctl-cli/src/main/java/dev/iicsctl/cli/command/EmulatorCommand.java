package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.compare.ComparisonReport;
import dev.iicsctl.emulator.compare.HarComparison;
import dev.iicsctl.emulator.compare.HarReader;
import dev.iicsctl.emulator.compare.TracedExchange;
import dev.iicsctl.emulator.session.SessionType;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emulator}: run the IICS emulator in the foreground until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the IICS emulator in the foreground until Ctrl-C.", "",
            "The emulator is a local stand-in for the IICS REST API, for trying iicsctl and for testing "
                    + "pipelines with no Informatica account."},
        footer = {"  iicsctl emulator --port 8080",
            "  iicsctl emulator --port 8080 --catalog my-catalog.yaml --latency 200ms",
            "  iicsctl emulator --compare trace.har --catalog my-org.yaml"})
public final class EmulatorCommand extends BaseCommand {

    @Option(names = "--port", paramLabel = "N",
            description = "Login host port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8080;

    @Option(names = "--pod-port", paramLabel = "N", description = "Pod host port (default: any free port).")
    int podPort;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Catalog YAML of users, tasks and taskflows (default: the built-in demo catalog).")
    Path catalog;

    @Option(names = "--session-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Idle time after which a session ends (default: 30m).")
    Duration sessionTimeout;

    @Option(names = "--latency", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Added to every API answer.")
    Duration latency;

    @Option(names = "--login-latency", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Added to login answers instead of --latency.")
    Duration loginLatency;

    @Option(names = "--visibility-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Window after a start in which a run is in neither monitor nor log (default: 500ms).")
    Duration visibilityDelay;

    @Option(names = "--session-type", paramLabel = "TYPE",
            description = "opaque (default) or jwt: JWT session ids with a fixed lifetime, as in an org whose "
                    + "authentication type is JWT.")
    String sessionType;

    @Option(names = "--jwt-lifetime", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Lifetime of JWT session ids from login (default: 30m).")
    Duration jwtLifetime;

    @Option(names = "--seed", paramLabel = "N", description = "Makes generated ids reproducible.")
    Long seed;

    @Option(names = "--compare", paramLabel = "FILE.har",
            description = "Replay the requests of a trace (--trace-file) against the emulator, report where its "
                    + "answers differ from the org's (fields, types, id and time formats), and exit: 0 no "
                    + "difference, 1 differences, 2 unreadable trace.")
    Path compare;
    @Option(names = "--no-utc-times",
            description = "Activity log entries without startTimeUtc/endTimeUtc: Eastern times only.")
    boolean noUtcTimes;

    @Override
    public Integer call() {
        if (compare != null) {
            return compareTrace();
        }
        Emulator emulator = start();
        Thread hook = null;
        if (env().installSignalHandlers()) {
            hook = new Thread(emulator::close, "iicsctl-emulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        banner(emulator, out());
        try {
            new CountDownLatch(1).await();
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.SIGINT;
        } finally {
            emulator.close();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    /** {@code --compare}: an emulator on free ports, the trace replayed against it, the report on stdout. */
    private int compareTrace() {
        List<TracedExchange> trace;
        try {
            trace = HarReader.read(compare);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + ": give a HAR file written with --trace-file");
        }
        port = 0;
        podPort = 0;
        try (Emulator emulator = start()) {
            CatalogUser user = emulator.catalog().users().get(0);
            ComparisonReport report = new HarComparison(emulator.loginUrl(), emulator.podUrl(), user).compare(trace);
            report.print(out());
            return report.same() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }

    private Emulator start() {
        Emulator.Builder builder = Emulator.builder().port(port).podPort(podPort);
        if (catalog != null) {
            if (!Files.isReadable(catalog)) {
                throw CliException.usage("cannot read catalog " + catalog + ": give a readable YAML file");
            }
            builder.catalogFile(catalog);
        }
        if (sessionTimeout != null) {
            builder.sessionTimeout(sessionTimeout);
        }
        if (latency != null) {
            builder.latency(latency);
        }
        if (loginLatency != null) {
            builder.loginLatency(loginLatency);
        }
        if (visibilityDelay != null) {
            builder.visibilityDelay(visibilityDelay);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        if (sessionType != null) {
            builder.sessionType(SessionType.parse(sessionType).orElseThrow(() -> CliException.usage(
                    "--session-type takes opaque or jwt, not '" + sessionType + "'")));
        }
        if (jwtLifetime != null) {
            builder.jwtLifetime(jwtLifetime);
        }
        builder.utcTimes(!noUtcTimes);
        try {
            return builder.build().start();
        } catch (IllegalArgumentException e) {
            // includes CatalogException: the message names the file, the place and the fix
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            String ports = podPort == 0 ? "port " + port : "port " + port + " or pod port " + podPort;
            throw CliException.usage("cannot listen on " + ports + " (" + (e.getCause() == null ? e.getMessage()
                    : e.getCause().getMessage()) + "): choose "
                    + "another with " + (podPort == 0 ? "--port" : "--port and --pod-port") + ", or 0 for any free port");
        }
    }

    /** How to use the emulator: its URL, the credentials of the demo user, the commands to try. */
    static void banner(Emulator emulator, PrintWriter out) {
        out.println("IICS emulator " + Emulator.VERSION + " serving " + emulator.catalog().tasks().size()
                + " tasks and " + emulator.catalog().taskflows().size() + " taskflows");
        out.println("  login URL: " + emulator.loginUrl());
        for (CatalogUser user : emulator.catalog().users()) {
            boolean demo = user.username().equals(Emulator.DEMO_USERNAME)
                    && user.password().equals(Emulator.DEMO_PASSWORD);
            // Only the public demo password is printed, never one from a user's own catalog.
            out.println("  user:      " + user.username() + (demo ? "  password: " + user.password() : ""));
        }
        out.println();
        boolean hasDemoUser = emulator.catalog().users().stream()
                .anyMatch(u -> u.username().equals(Emulator.DEMO_USERNAME) && u.password().equals(Emulator.DEMO_PASSWORD));
        out.println("In another shell:");
        out.println("  export IICS_LOGIN_URL=" + emulator.loginUrl() + (hasDemoUser ? " IICS_USERNAME="
                + Emulator.DEMO_USERNAME + " IICS_PASSWORD=" + Emulator.DEMO_PASSWORD : ""));
        out.println("  iicsctl tasks");
        emulator.catalog().tasks().stream().findFirst()
                .ifPresent(task -> out.println("  iicsctl run \"" + task.path() + "\""));
        out.println();
        out.println("Serving until Ctrl-C.");
        out.flush();
    }
}
