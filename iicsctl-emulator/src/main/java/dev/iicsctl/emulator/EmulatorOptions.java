package dev.iicsctl.emulator;

import dev.iicsctl.emulator.session.SessionType;
import dev.iicsctl.emulator.time.Durations;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's command-line options, declared once: {@code java -jar iicsctl-emulator.jar} parses them with
 * {@link MainOptions}, {@code iicsctl emulator} turns them into picocli options. Names, defaults and help are
 * therefore the same in both, and so is what a value means (one duration grammar, {@link Durations}).
 */
public final class EmulatorOptions {
    /** The login host's port when none is given on the command line (the builder's own default is ephemeral). */
    public static final int DEFAULT_PORT = 8080;

    /** Every option, in the order help lists them. */
    public static final List<EmulatorOption<?>> ALL = List.of(
            new EmulatorOption<>("--port", "N", "Login host port (default: " + DEFAULT_PORT + "; 0 = any free port).",
                    EmulatorOptions::port, Emulator.Builder::port),
            new EmulatorOption<>("--pod-port", "N", "Pod host port (default: any free port).",
                    EmulatorOptions::port, Emulator.Builder::podPort),
            new EmulatorOption<>("--catalog", "FILE",
                    "Catalog YAML of users, tasks and taskflows (default: the built-in demo catalog).",
                    Path::of, Emulator.Builder::catalogFile),
            new EmulatorOption<>("--session-timeout", "DURATION", "Idle time after which a session ends (default: 30m).",
                    Durations::parse, Emulator.Builder::sessionTimeout),
            new EmulatorOption<>("--latency", "DURATION", "Added to every API answer.",
                    Durations::parse, Emulator.Builder::latency),
            new EmulatorOption<>("--login-latency", "DURATION", "Added to login answers instead of --latency.",
                    Durations::parse, Emulator.Builder::loginLatency),
            new EmulatorOption<>("--visibility-delay", "DURATION",
                    "Window after a start in which a run is in neither monitor nor log (default: 500ms).",
                    Durations::parse, Emulator.Builder::visibilityDelay),
            new EmulatorOption<>("--session-type", "TYPE", "opaque (default) or jwt: JWT session ids with a fixed "
                    + "lifetime, as in an org whose authentication type is JWT.",
                    EmulatorOptions::sessionType, Emulator.Builder::sessionType),
            new EmulatorOption<>("--jwt-lifetime", "DURATION", "Lifetime of JWT session ids from login (default: 30m).",
                    Durations::parse, Emulator.Builder::jwtLifetime),
            new EmulatorOption<>("--seed", "N", "Makes generated ids reproducible.",
                    EmulatorOptions::seed, Emulator.Builder::seed),
            EmulatorOption.flag("--no-utc-times",
                    "Activity log entries without startTimeUtc/endTimeUtc: Eastern times only.",
                    (builder, on) -> builder.utcTimes(!on)));

    /** The forms a duration option takes, for help. */
    public static final String DURATION_FORMS = "Durations: 500ms, 90s, 5m, 1h30m, 2d, 0 or ISO-8601 such as PT5M.";

    private EmulatorOptions() {}

    /** A builder with the command line's defaults, before any option is applied. */
    public static Emulator.Builder defaults() {
        return Emulator.builder().port(DEFAULT_PORT);
    }

    /** The option with this long name. */
    public static Optional<EmulatorOption<?>> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("needs a port number 0-65535, not '" + value + "'");
    }

    private static SessionType sessionType(String value) {
        return SessionType.parse(value).orElseThrow(() ->
                new IllegalArgumentException("takes opaque or jwt, not '" + value + "'"));
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("needs a whole number, not '" + value + "'");
        }
    }
}
