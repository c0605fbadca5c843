package dev.iicsctl.client.monitor;

import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import java.util.concurrent.CompletableFuture;

/**
 * Follows any number of runs on one background thread. Each interval it makes <b>one</b> activity monitor
 * call for all runs, plus one activity log call per run that is not in the monitor (a run this client has just
 * started is looked for in the log only from its second interval on: it is rarely visible yet). Create one with
 * {@link MonitorService#watcher()}; close it to stop polling (pending futures are then cancelled).
 */
public interface RunWatcher extends AutoCloseable {

    /**
     * @param run the run to follow
     * @return completes with the final result, or exceptionally with an
     *     {@link dev.iicsctl.client.IicsException} when following failed for good
     */
    default CompletableFuture<RunResult> watch(RunHandle run) {
        return watch(run, RunListener.NONE);
    }

    /**
     * @param run the run to follow
     * @param listener called on the watcher thread on state and row count changes
     * @return completes with the final result
     */
    CompletableFuture<RunResult> watch(RunHandle run, RunListener listener);

    /** @return the number of runs not finished yet */
    int pending();

    /** Stops polling and cancels the futures of unfinished runs. Safe to call twice. */
    @Override
    void close();
}
