package dev.iicsctl.client.job;

import java.util.Locale;

/** What {@link JobService#start} does when the task already has a running job. */
public enum IfRunning {
    /** Start nothing; throw {@link dev.iicsctl.client.TaskAlreadyRunningException}. */
    FAIL,
    /** Start nothing; return a handle to the running run (not started by this client). */
    ATTACH,
    /** Wait for the running run to end, then start. */
    WAIT,
    /** Start anyway, without checking (IICS may refuse or fail the second run). */
    START;

    /**
     * @param text {@code fail}, {@code attach}, {@code wait} or {@code start}, any case
     * @return the policy
     * @throws IllegalArgumentException for anything else
     */
    public static IfRunning parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown if-running policy '" + text + "': use fail, attach, wait or start");
        }
    }
}
