package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.EmulatorOption;
import dev.iicsctl.emulator.EmulatorOptions;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.compare.ComparisonReport;
import dev.iicsctl.emulator.compare.HarComparison;
import dev.iicsctl.emulator.compare.HarReader;
import dev.iicsctl.emulator.compare.TracedExchange;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code emulator}: run the IICS emulator in the foreground until Ctrl-C. Its options are the emulator jar's own
 * ({@link EmulatorOptions}), made into picocli options by {@link JarOptions}, so both take the same names, values
 * and help; only {@code --compare} is the command's own.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = EmulatorCommand.JarOptions.class,
        description = {"Run the IICS emulator in the foreground until Ctrl-C.", "",
            "The emulator is a local stand-in for the IICS REST API, for trying iicsctl and for testing "
                    + "pipelines with no Informatica account."},
        footer = {"  iicsctl emulator --port 8080",
            "  iicsctl emulator --port 8080 --catalog my-catalog.yaml --latency 200ms",
            "  iicsctl emulator --compare trace.har --catalog my-org.yaml"})
public final class EmulatorCommand extends BaseCommand {
    private static final String COMPARE = "--compare";

    /** Adds the emulator's options, then {@code --compare}, to the command's model. */
    public static final class JarOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (EmulatorOption<?> option : EmulatorOptions.ALL) {
                OptionSpec.Builder picocli = OptionSpec.builder(option.name()).description(option.description());
                if (option.isFlag()) {
                    picocli.arity("0").type(boolean.class);
                } else {
                    picocli.paramLabel(option.paramLabel()).type(Object.class).converters(text -> {
                        try {
                            return option.parse().apply(text);
                        } catch (IllegalArgumentException e) {
                            throw new TypeConversionException(e.getMessage());
                        }
                    });
                }
                command.addOption(picocli.build());
            }
            command.addOption(OptionSpec.builder(COMPARE).paramLabel("FILE.har").type(Path.class)
                    .description("Replay the requests of a trace (--trace-file) against the emulator, report where "
                            + "its answers differ from the org's (fields, types, id and time formats), and exit: 0 no "
                            + "difference, 1 differences, 2 unreadable trace.").build());
            return command;
        }
    }

    @Override
    public Integer call() {
        Path compare = matched(COMPARE);
        if (compare != null) {
            return compareTrace(compare);
        }
        Emulator emulator = start(configured());
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
    private int compareTrace(Path compare) {
        List<TracedExchange> trace;
        try {
            trace = HarReader.read(compare);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + ": give a HAR file written with --trace-file");
        }
        try (Emulator emulator = start(configured().port(0).podPort(0))) {
            CatalogUser user = emulator.catalog().users().get(0);
            ComparisonReport report = new HarComparison(emulator.loginUrl(), emulator.podUrl(), user).compare(trace);
            report.print(out());
            return report.same() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }

    /** A builder with the jar's defaults and every emulator option given on the command line. */
    private Emulator.Builder configured() {
        Path catalog = matched("--catalog");
        if (catalog != null && !Files.isReadable(catalog)) {
            throw CliException.usage("cannot read catalog " + catalog + ": give a readable YAML file");
        }
        Emulator.Builder builder = EmulatorOptions.defaults();
        ParseResult parsed = spec().commandLine().getParseResult();
        for (EmulatorOption<?> option : EmulatorOptions.ALL) {
            if (parsed.hasMatchedOption(option.name())) {
                option.applyParsed(builder, parsed.matchedOptionValue(option.name(), (Object) null));
            }
        }
        return builder;
    }

    private <T> T matched(String name) {
        return spec().commandLine().getParseResult().matchedOptionValue(name, null);
    }

    private Emulator start(Emulator.Builder builder) {
        try {
            return builder.build().start();
        } catch (IllegalArgumentException e) {
            // includes CatalogException: the message names the file, the place and the fix
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            Integer podPort = matched("--pod-port");
            Integer port = matched("--port");
            String ports = "port " + (port == null ? EmulatorOptions.DEFAULT_PORT : port)
                    + (podPort == null || podPort == 0 ? "" : " or pod port " + podPort);
            boolean both = podPort != null && podPort != 0;
            throw CliException.usage("cannot listen on " + ports + " (" + (e.getCause() == null ? e.getMessage()
                    : e.getCause().getMessage()) + "): choose "
                    + "another with " + (both ? "--port and --pod-port" : "--port") + ", or 0 for any free port");
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
