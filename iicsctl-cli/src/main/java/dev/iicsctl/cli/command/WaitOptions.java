package dev.iicsctl.cli.command;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How long and how often to wait for a run. */
public final class WaitOptions {

    @Option(names = "--timeout", paramLabel = "DURATION", converter = PositiveDurationConverter.class,
            description = "Give up waiting after this long (90s, 5m, 2h, 1h30m, PT5M). Default: no limit.")
    Duration timeout;

    @Option(names = "--poll", paramLabel = "DURATION", converter = PollIntervalConverter.class,
            description = "Fixed poll interval instead of the adaptive one (at least 100ms).")
    Duration poll;

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public Optional<Duration> poll() {
        return Optional.ofNullable(poll);
    }
}
