package dev.iicsctl.client.job;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts, follows and stops jobs (tasks and linear taskflows run through the v2 job resource).
 * Obtain it with {@link dev.iicsctl.client.IicsClient#jobs()}.
 *
 * <p><b>At most once.</b> The start request is never retried blindly. When its outcome is unknown (the
 * connection dropped or timed out after sending, or an ambiguous 5xx or garbled answer), the client looks for
 * a run of the task that began after the request, in the activity monitor and the activity log, for the
 * reconcile window. It attaches to such a run; only if none appeared does it send the request again.
 */
public interface JobService {

    /**
     * Starts a task with default options ({@link IfRunning#FAIL}).
     *
     * @param task the task
     * @return the new run
     */
    default RunHandle start(TaskRef task) {
        return start(task, StartOptions.defaults());
    }

    /**
     * Starts a task, at most once.
     *
     * @param task the task (identity used: federated id, else v2 id, else name; plus type)
     * @param options policy for an already-running task, parameter file, callback URL
     * @return the new run, or with {@link IfRunning#ATTACH} the running one
     * @throws dev.iicsctl.client.TaskAlreadyRunningException with {@link IfRunning#FAIL} when a run is going
     * @throws dev.iicsctl.client.TaskNotFoundException when the service does not know the task
     * @throws dev.iicsctl.client.IicsConnectionException with {@code outcomeUnknown()} when the start could be
     *     neither confirmed nor ruled out
     */
    default RunHandle start(TaskRef task, StartOptions options) {
        return start(task, options, StartControl.create());
    }

    /**
     * Starts a task, at most once, under a control the caller may close at any instant (from another thread,
     * e.g. a signal handler): {@link StartControl#cancel()} then says whether the start created a run, settling
     * a request in flight as a lost answer is settled, and nothing more is sent.
     *
     * @param task the task (identity used: federated id, else v2 id, else name; plus type)
     * @param options policy for an already-running task, parameter file, callback URL
     * @param control the caller's hold on this start, from {@link StartControl#create()}
     * @return the new run, or with {@link IfRunning#ATTACH} the running one
     * @throws dev.iicsctl.client.StartCancelledException when the control was closed before a request was sent
     *     (or before one that did not happen could be sent again)
     * @see #start(TaskRef, StartOptions)
     */
    default RunHandle start(TaskRef task, StartOptions options, StartControl control) {
        return start(task, options, control, RunListener.NONE);
    }

    /**
     * Starts a task, at most once, under a control, and tells the caller when {@link IfRunning#WAIT} finds the
     * task running and waits: {@code waiting} hears the running run at the first look and at each change of its
     * state or rows until it has ended (so the first call says that the start waits, and for which run), then
     * the start goes on. It hears nothing when nothing was running.
     *
     * @param task the task (identity used: federated id, else v2 id, else name; plus type)
     * @param options policy for an already-running task, parameter file, callback URL
     * @param control the caller's hold on this start, from {@link StartControl#create()}
     * @param waiting told of the running run's progress while the start waits for it
     * @return the new run, or with {@link IfRunning#ATTACH} the running one
     * @see #start(TaskRef, StartOptions, StartControl)
     */
    RunHandle start(TaskRef task, StartOptions options, StartControl control, RunListener waiting);

    /**
     * Tells this client of a run that another client of the same user started moments ago (another process on
     * this host, say): until IICS shows it, a run is in neither the activity monitor nor the log, so only its
     * starter knows it. The if-running check of the next {@link #start} then counts it as running while it has
     * no activity log entry, as it counts this client's own starts, for at most the reconcile window (plus the
     * clocks' uncertainty) after its start: shown nowhere for longer, it is lost, not running. A start whose
     * answer is lost is never taken for it. A run that has ended changes nothing; this makes no request.
     *
     * @param run a run of this user, as its starter knows it (task and run id)
     */
    void noteStartedElsewhere(RunHandle run);

    /**
     * Stops the task's running job (IICS stops per task, not per run).
     *
     * @param task the task
     * @param clean {@code true} for a clean stop ({@code ?cleanStop=true})
     */
    void stop(TaskRef task, boolean clean);

    /**
     * Waits for a run to finish, polling with the client's poll policy.
     *
     * @param run the run
     * @param timeout how long to wait at most, or {@code null} for no limit
     * @return the final result
     * @throws dev.iicsctl.client.RunTimeoutException when the timeout passes first (the job is left running)
     */
    default RunResult await(RunHandle run, Duration timeout) {
        return await(run, timeout, RunListener.NONE);
    }

    /**
     * Waits for a run to finish, reporting progress.
     *
     * @param run the run
     * @param timeout how long to wait at most, or {@code null} for no limit
     * @param listener called on state changes and row count changes
     * @return the final result
     * @throws dev.iicsctl.client.RunTimeoutException when the timeout passes first (the job is left running)
     */
    RunResult await(RunHandle run, Duration timeout, RunListener listener);

    /**
     * Waits for a run to finish with a given poll policy (e.g. {@code PollPolicy.fixed(...)} for {@code --poll}).
     *
     * @param run the run
     * @param timeout how long to wait at most, or {@code null} for no limit
     * @param poll the poll policy
     * @param listener called on state changes and row count changes
     * @return the final result
     * @throws dev.iicsctl.client.RunTimeoutException when the timeout passes first (the job is left running)
     */
    RunResult await(RunHandle run, Duration timeout, PollPolicy poll, RunListener listener);

    /**
     * Looks at a run once: the activity monitor, then the activity log.
     *
     * @param run the run
     * @return its current state; {@link RunState#NOT_YET_VISIBLE} when it is in neither
     */
    RunResult status(RunHandle run);

    /**
     * @param task the task
     * @return the task's running run, if the activity monitor shows one
     */
    Optional<RunHandle> running(TaskRef task);

    /**
     * @param task the task
     * @return the task's latest run: the running one if any, else the newest activity log entry
     */
    Optional<RunResult> latest(TaskRef task);

    /**
     * @param task the task
     * @param limit how many runs at most (1..1000)
     * @return the task's finished runs from the activity log, newest first
     */
    List<RunResult> history(TaskRef task, int limit);
}
