package dev.iicsctl.client;

import dev.iicsctl.client.task.TaskRef;

/**
 * What a start became, as {@link StartControl#cancel()} settles it.
 *
 * @param outcome what happened
 * @param task the task (with the id IICS revealed, when it did), or {@code null} when no start used the control
 * @param runId the run it started: a job's run id or a taskflow's run id; {@code null} unless
 *     {@link Outcome#STARTED}
 */
public record StartSettlement(Outcome outcome, TaskRef task, String runId) {

    /** What happened to the start. */
    public enum Outcome {
        /** No request had been sent (or every one sent so far was refused before IICS acted): nothing runs. */
        NOT_SENT,
        /** A request was sent, and IICS was checked: no run was created. */
        NOT_STARTED,
        /** The start created the run {@link #runId()}. */
        STARTED,
        /** A request was sent and IICS could not be checked in time: a run may exist. */
        UNKNOWN
    }

    /**
     * @param task the task
     * @return nothing was sent
     */
    public static StartSettlement notSent(TaskRef task) {
        return new StartSettlement(Outcome.NOT_SENT, task, null);
    }

    /**
     * @param task the task
     * @param runId the run
     * @return the start created the run
     */
    public static StartSettlement started(TaskRef task, String runId) {
        return new StartSettlement(Outcome.STARTED, task, runId);
    }
}
