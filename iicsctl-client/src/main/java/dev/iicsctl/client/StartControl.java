package dev.iicsctl.client;

import dev.iicsctl.client.internal.start.StartGate;

/**
 * A caller's hold on one start (of a job or a taskflow) that it may have to abandon at any instant, e.g. from a
 * SIGTERM handler: pass it to {@link dev.iicsctl.client.job.JobService#start(dev.iicsctl.client.task.TaskRef,
 * dev.iicsctl.client.job.StartOptions, StartControl)} or {@link dev.iicsctl.client.taskflow.TaskflowService#start(
 * dev.iicsctl.client.task.TaskRef, String, java.util.Map, StartControl)}, and call {@link #cancel()} from any
 * thread to learn what the start became.
 *
 * <p>A start request may be in flight when the caller must stop: its answer may never come, yet the run may
 * exist. {@link #cancel()} settles that the way a lost answer is settled (it waits for the answer and looks for
 * the run meanwhile, for at most the client's reconcile window), and from then on the start sends nothing more.
 * Obtain one with {@link #create()}; use each for one start.
 */
public interface StartControl {

    /** @return a new control, not yet used by any start */
    static StartControl create() {
        return new StartGate();
    }

    /**
     * Closes the start: nothing is sent for it after this returns (a start not yet sent, or about to be sent
     * again, fails with {@link StartCancelledException}). When a request was in flight, this blocks until its
     * outcome is known, or until a look for the run it may have created has ended (at most about the client's
     * reconcile window, plus the time IICS takes to answer those looks).
     *
     * @return what the start became
     */
    StartSettlement cancel();
}
