package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.util.Map;

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
    TaskflowRun start(TaskRef taskflow, String apiName, Map<String, ?> inputs);

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
     * @throws dev.iicsctl.client.RunTimeoutException (a {@link TaskflowTimeoutException}) when the timeout passes
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
     * @throws dev.iicsctl.client.RunTimeoutException (a {@link TaskflowTimeoutException}) when the timeout passes
     */
    TaskflowResult await(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener);

    /**
     * Resumes a suspended run.
     *
     * @param run the run
     * @param skipFaultedStep {@code false} to retry the faulted step, {@code true} to skip it
     */
    void resume(TaskflowRun run, boolean skipFaultedStep);

    /**
     * Ends a running or suspended run (it ends as failed).
     *
     * @param run the run
     */
    void terminate(TaskflowRun run);
}
