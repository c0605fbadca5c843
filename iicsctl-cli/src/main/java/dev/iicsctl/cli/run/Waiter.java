package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.monitor.RunWatcher;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** How {@code run} waits for a run: alone, or with others through one shared watcher. */
public interface Waiter {

    /**
     * Waits for the run to end.
     *
     * @throws RunTimeoutException when the timeout passes first (the job is left as it is)
     */
    RunResult await(RunHandle run, Optional<Duration> timeout, RunListener listener);

    /** Polls for this run alone ({@code jobs().await}). */
    static Waiter alone(IicsClient client) {
        return (run, timeout, listener) -> client.jobs().await(run, timeout.orElse(null), listener);
    }

    /**
     * Follows every run through one watcher: one activity monitor call per interval for all of them, however
     * many run at once.
     */
    static Waiter shared(RunWatcher watcher) {
        return (run, timeout, listener) -> {
            AtomicReference<RunResult> last = new AtomicReference<>();
            CompletableFuture<RunResult> result = watcher.watch(run, snapshot -> {
                last.set(snapshot);
                listener.onProgress(snapshot);
            });
            try {
                return timeout.isPresent() ? result.get(timeout.get().toMillis(), TimeUnit.MILLISECONDS) : result.get();
            } catch (TimeoutException e) {
                result.cancel(false);
                throw new RunTimeoutException("run " + run.runId() + " of " + run.task().displayName()
                        + " has not ended after " + DurationFormat.brief(timeout.get()), run, last.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IicsException iics) {
                    throw iics;
                }
                throw new IllegalStateException("following run " + run.runId() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.SIGINT, "interrupted while waiting for " + run.task().displayName());
            }
        };
    }
}
