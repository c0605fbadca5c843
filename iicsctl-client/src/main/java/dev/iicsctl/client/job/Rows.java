package dev.iicsctl.client.job;

/**
 * Row counts of a run (live while running, final once finished).
 *
 * @param successSource rows read successfully
 * @param failedSource rows that failed to read
 * @param successTarget rows written successfully
 * @param failedTarget rows rejected by the target
 */
public record Rows(long successSource, long failedSource, long successTarget, long failedTarget) {

    /** No rows. */
    public static final Rows NONE = new Rows(0, 0, 0, 0);

    /** @return whether nothing was counted */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * @param other more counts
     * @return the sums of these counts and {@code other}'s (the rows of a taskflow are the sums of its steps')
     */
    public Rows plus(Rows other) {
        return new Rows(successSource + other.successSource, failedSource + other.failedSource,
                successTarget + other.successTarget, failedTarget + other.failedTarget);
    }
}
