package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.TaskflowResult;

/** Finds a taskflow run given by {@code --run-id} or {@code RUN_ID}. */
public final class TaskflowRuns {
    private TaskflowRuns() {}

    /**
     * A run of a known taskflow, as it is now, named as the taskflow was resolved (with its federated id).
     *
     * @throws CliException (exit 2) when the status resource knows no such run, or it is another taskflow's
     */
    public static TaskflowResult existing(IicsClient client, TaskRef taskflow, String runId) {
        TaskflowResult run = byId(client, runId);
        if (taskflow.name() != null && !taskflow.name().equals(run.taskflow().name())) {
            throw CliException.usage("run " + run.runId() + " is a run of " + run.taskflow().displayName()
                    + ", not of " + taskflow.displayName() + ": check the run id");
        }
        return new TaskflowResult(taskflow, run.runId(), run.state(), run.status(), run.startTime(), run.endTime(),
                run.duration(), run.errorMessage(), run.subtasks());
    }

    /**
     * A run known by its id alone.
     *
     * @throws CliException (exit 2) when the status resource knows no such run
     */
    public static TaskflowResult byId(IicsClient client, String runId) {
        return client.taskflows().find(runId).orElseThrow(() -> unknown(runId));
    }

    private static CliException unknown(String runId) {
        return CliException.usage("no taskflow run " + runId.trim() + " in IICS: check the id (IICS shows taskflow "
                + "runs of the last 24 hours unless asked for a time range), e.g. with 'iicsctl history TASKFLOW'");
    }

    /** A run id of a job: a number. */
    public static long jobRunId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage("--run-id of a task is a number, got '" + text + "'");
        }
    }
}
