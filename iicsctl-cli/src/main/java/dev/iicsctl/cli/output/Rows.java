package dev.iicsctl.cli.output;

/** Row counts of a run, as in the activity log. */
public record Rows(long successSource, long failedSource, long successTarget, long failedTarget) {
    /** No rows yet. */
    public static final Rows NONE = new Rows(0, 0, 0, 0);

    /** True when nothing was counted. */
    public boolean isEmpty() {
        return successSource == 0 && failedSource == 0 && successTarget == 0 && failedTarget == 0;
    }
}
