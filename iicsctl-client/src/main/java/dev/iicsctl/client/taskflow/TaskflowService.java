package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import dev.iicsctl.client.job.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and follows taskflows through the Application Integration resources on the pod host root
 * ({@code /active-bpel/...}, with the session in {@code INFA-SESSION-ID}). Obtain it with
 * {@link dev.iicsctl.client.IicsClient#taskflows()}.
 *
 * <p>The run request is sent at most once, like a job start: when its outcome is unknown, the client looks
 * for a new run of the taskflow in the status resource before it may send again.
 */
public interface TaskflowService {

    /**
     * Runs a published taskflow under its default API name: the taskflow name with every character other
     * than letters, digits, {@code _} and {@code -} replaced by {@code _}.
     *
     * @param taskflow the taskflow
     * @param inputs input fields, sent as a flat JSON object (may be empty)
     * @return the new run
     */
    default TaskflowRun start(TaskRef taskflow, Map<String, ?> inputs) {
        return start(taskflow, null, inputs);
    }

    /**
     * Runs a published taskflow.
     *
     * @param taskflow the taskflow
     * @param apiName its published API name, or {@code null} for the default (see {@link #start(TaskRef, Map)})
     * @param inputs input fields, sent as a flat JSON object (may be empty)
     * @return the new run
     * @throws dev.iicsctl.client.TaskNotFoundException when no published taskflow answers under that API name
     */
    default TaskflowRun start(TaskRef taskflow, String apiName, Map<String, ?> inputs) {
        return start(taskflow, apiName, inputs, StartControl.create());
    }

    /**
     * As {@link #start(TaskRef, String, String, Map, StartControl)} without a custom run name.
     *
     * @param taskflow the taskflow
     * @param apiName its published API name, or {@code null} for the default
     * @param inputs input fields
     * @param control the caller's hold on the start
     * @return the run
     */
    default TaskflowRun start(TaskRef taskflow, String apiName, Map<String, ?> inputs, StartControl control) {
        return start(taskflow, apiName, null, inputs, control);
    }

    /**
     * Runs a published taskflow under a control the caller may close at any instant (see
     * {@link dev.iicsctl.client.job.JobService#start(TaskRef, dev.iicsctl.client.job.StartOptions, StartControl)}).
     *
     * @param taskflow the taskflow
     * @param apiName its published API name, or {@code null} for the default (see {@link #start(TaskRef, Map)})
     * @param runName a custom name for the run ({@code TF-INSTANCE-NAME}: IICS names the run
     *     {@code <taskflow>-<runName>-<runId>}), or {@code null}
     * @param inputs input fields, sent as a flat JSON object (may be empty)
     * @param control the caller's hold on this start, from {@link StartControl#create()}
     * @return the new run
     * @throws dev.iicsctl.client.StartCancelledException when the control was closed before a request was sent
     */
    TaskflowRun start(TaskRef taskflow, String apiName, String runName, Map<String, ?> inputs,
            StartControl control);

    /**
     * @param run the run
     * @return its state now
     */
    TaskflowResult status(TaskflowRun run);

    /**
     * Waits until the run is no longer running (succeeded, failed or suspended), with the client's poll policy.
     *
     * @param run the run
     * @param timeout limit, or {@code null} for none
     * @param listener progress listener
     * @return the final (or suspended) state
     * @throws TaskflowTimeoutException when the timeout passes
     */
    default TaskflowResult await(TaskflowRun run, Duration timeout, TaskflowListener listener) {
        return await(run, timeout, null, listener);
    }

    /**
     * @param run the run
     * @param timeout limit, or {@code null} for none
     * @param poll poll policy, or {@code null} for the client's
     * @param listener progress listener
     * @return the final (or suspended) state
     * @throws TaskflowTimeoutException when the timeout passes
     */
    TaskflowResult await(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener);

    /**
     * Like {@link #await(TaskflowRun, Duration, PollPolicy, TaskflowListener)}, for a run just resumed: a
     * {@code SUSPENDED} state seen right after the resume is not taken as the end (IICS may apply a resume a
     * moment after answering it) until the run has shown another state, or 30 seconds have passed.
     *
     * @param run the resumed run
     * @param timeout limit, or {@code null} for none
     * @param poll poll policy, or {@code null} for the client's
     * @param listener progress listener
     * @return the final (or again suspended) state
     * @throws TaskflowTimeoutException when the timeout passes
     */
    TaskflowResult awaitResumed(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener);

    /**
     * Finds a run by its id alone (e.g. to resume it). Its {@link TaskflowResult#taskflow()} is named as the
     * status resource names it ({@code assetName}, {@code location}); it has no federated id.
     *
     * @param runId the run id
     * @return the run as it is now, or empty when IICS knows no such run
     */
    Optional<TaskflowResult> find(String runId);

    /**
     * The taskflow's runs that the status resource shows (without a time range IICS shows the last 24 hours),
     * newest first.
     *
     * @param taskflow the taskflow
     * @param limit at most this many (1 to 1000)
     * @return the runs, running ones included
     */
    List<TaskflowResult> runs(TaskRef taskflow, int limit);

    /**
     * @param taskflow the taskflow
     * @return its runs that have not ended (running, or suspended waiting for a resume), newest first
     */
    List<TaskflowResult> unfinished(TaskRef taskflow);

    /**
     * The steps of a taskflow run as the v2 activity log records them: entries whose
     * {@code parentTaskFederatedId} is the taskflow's federated id and whose start falls within the run. They
     * carry the log entry ids that {@link dev.iicsctl.client.log.LogService#sessionLogs(RunResult)} needs.
     *
     * @param run a run of a taskflow whose federated id is known (resolved by path, name or federated id)
     * @return the entries, oldest first; empty when there are none or the federated id is unknown
     */
    List<RunResult> subtaskRuns(TaskflowResult run);

    /**
     * Resumes a suspended run.
     *
     * @param run the run
     * @param skipFaultedStep {@code false} to retry the faulted step, {@code true} to skip it
     */
    void resume(TaskflowRun run, boolean skipFaultedStep);

    /**
     * Ends a running or suspended run. IICS records it as failed with a "terminated by" message, which this
     * client reports as {@link dev.iicsctl.client.job.RunState#STOPPED}.
     *
     * @param run the run
     */
    default void terminate(TaskflowRun run) {
        terminate(List.of(run));
    }

    /**
     * Ends several running or suspended runs with as few calls as IICS allows (one per 200 runs).
     *
     * @param runs the runs
     */
    void terminate(List<TaskflowRun> runs);
}
