package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;

/** The run a {@code --run-id} names, checked to exist. */
public final class RunById {
    private RunById() {}

    /**
     * The run's current state.
     *
     * @throws CliException (exit 2) when the service knows no such run
     */
    public static RunResult existing(IicsClient client, TaskRef task, long runId) {
        RunResult run = client.jobs().status(RunHandle.of(task, runId));
        if (run.state() == RunState.NOT_YET_VISIBLE) {
            throw CliException.usage("run " + runId + " of " + task.displayName() + " not found: see the runs with "
                    + "'iicsctl history'");
        }
        return run;
    }
}
