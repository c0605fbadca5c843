package dev.iicsctl.cli.run;

import dev.iicsctl.client.job.StartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code run} treats each task.
 *
 * @param start start options (already-running policy, parameter file)
 * @param waitForEnd whether to wait for the end ({@code --no-wait} turns it off)
 * @param timeout how long to wait at most
 * @param stopOnTimeout whether to stop the job when the timeout hits ({@code --on-timeout stop})
 * @param warningOk whether a run with warnings exits 0
 * @param logsOnFailure where to save the logs of a failed run
 * @param inputs taskflow input fields ({@code --input}, {@code --input-json})
 * @param apiName the published API name of the taskflow ({@code --api-name}), when not the default
 * @param runName a custom name for the taskflow run ({@code --run-name}), if any
 */
public record RunSettings(
        StartOptions start,
        boolean waitForEnd,
        Optional<Duration> timeout,
        boolean stopOnTimeout,
        boolean warningOk,
        Optional<Path> logsOnFailure,
        Map<String, Object> inputs,
        Optional<String> apiName,
        Optional<String> runName) {

    public RunSettings {
        inputs = Map.copyOf(inputs);
    }

    /** Settings without taskflow inputs or API name. */
    public RunSettings(StartOptions start, boolean waitForEnd, Optional<Duration> timeout, boolean stopOnTimeout,
            boolean warningOk, Optional<Path> logsOnFailure) {
        this(start, waitForEnd, timeout, stopOnTimeout, warningOk, logsOnFailure, Map.of(), Optional.empty(),
                Optional.empty());
    }
}
