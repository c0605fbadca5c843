package dev.iicsctl.emulator;

import dev.iicsctl.emulator.session.SessionType;
import dev.iicsctl.emulator.time.Durations;
import java.nio.file.Path;
import java.time.Duration;

/** The command-line options of {@link EmulatorMain}, parsed into a builder. */
final class MainOptions {
    static final String USAGE = String.join("\n",
            "Usage: java -jar iicsctl-emulator.jar [options]",
            "A local stand-in for the Informatica IICS REST API.",
            "",
            "  --port N                 login host port (default 8080; 0 = any free port)",
            "  --pod-port N             pod host port (default: any free port)",
            "  --catalog FILE           catalog YAML (default: the built-in demo catalog)",
            "  --session-timeout DUR    idle time before a session expires (default 30m)",
            "  --latency DUR            added to every API answer (default 0)",
            "  --login-latency DUR      added to login answers instead of --latency",
            "  --visibility-delay DUR   time after a start before a run shows in the monitor (default 500ms)",
            "  --session-type TYPE      opaque (default) or jwt: JWT session ids with a fixed lifetime",
            "  --jwt-lifetime DUR       lifetime of JWT session ids from login (default 30m)",
            "  --seed N                 makes generated ids reproducible",
            "  --no-utc-times           activity log entries without startTimeUtc/endTimeUtc (Eastern only)",
            "  --help                   show this help",
            "",
            "Durations: 500ms, 90s, 5m, 1h30m or ISO-8601 such as PT5M.");

    boolean help;
    final Emulator.Builder builder = Emulator.builder().port(8080);

    private MainOptions() {}

    /** Parses {@code args}. @throws IllegalArgumentException with a one-line message naming the bad option */
    static MainOptions parse(String[] args) {
        MainOptions o = new MainOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (arg.equals("--no-utc-times")) {
                o.builder.utcTimes(false);
                continue;
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; see --help");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value; see --help");
                }
                value = args[++i];
            }
            o.apply(name, value);
        }
        return o;
    }

    private void apply(String name, String value) {
        switch (name) {
            case "--port" -> builder.port(port(name, value));
            case "--pod-port" -> builder.podPort(port(name, value));
            case "--catalog" -> builder.catalogFile(Path.of(value));
            case "--session-timeout" -> builder.sessionTimeout(duration(name, value));
            case "--latency" -> builder.latency(duration(name, value));
            case "--login-latency" -> builder.loginLatency(duration(name, value));
            case "--visibility-delay" -> builder.visibilityDelay(duration(name, value));
            case "--session-type" -> builder.sessionType(SessionType.parse(value).orElseThrow(() ->
                    new IllegalArgumentException("option --session-type takes opaque or jwt, not '" + value + "'")));
            case "--jwt-lifetime" -> builder.jwtLifetime(duration(name, value));
            case "--seed" -> {
                try {
                    builder.seed(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option --seed needs a whole number, not '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("unknown option " + name + "; see --help");
        }
    }

    private static int port(String name, String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + name + " needs a port number 0-65535, not '" + value + "'");
    }

    private static Duration duration(String name, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + name + ": " + e.getMessage());
        }
    }
}
