package dev.iicsctl.emulator.catalog;

/** Row counts of a run, as the activity monitor and log report them. */
public record RowCounts(long successSource, long failedSource, long successTarget, long failedTarget) {
    /** No rows at all. */
    public static final RowCounts ZERO = new RowCounts(0, 0, 0, 0);

    /** These counts scaled by {@code fraction} (0..1), rounded down: rows grow linearly while a run works. */
    public RowCounts scaled(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return new RowCounts((long) (successSource * f), (long) (failedSource * f),
                (long) (successTarget * f), (long) (failedTarget * f));
    }

    /** The element-wise sum. */
    public RowCounts plus(RowCounts other) {
        return new RowCounts(successSource + other.successSource, failedSource + other.failedSource,
                successTarget + other.successTarget, failedTarget + other.failedTarget);
    }

    /** The default counts of a run that has no {@code rows} in the catalog. */
    static RowCounts defaultFor(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> new RowCounts(1000, 0, 1000, 0);
            case WARNING -> new RowCounts(1000, 0, 950, 50);
            case NOT_STARTED -> new RowCounts(0, 0, 0, 0);
            default -> new RowCounts(100, 0, 0, 100);
        };
    }
}
