package dev.iicsctl.cli.output;

/** The text of one run's progress line, shared by both progress displays. */
final class ProgressLine {
    private ProgressLine() {}

    static String key(RunReport run) {
        return run.task().label() + "#" + run.runId();
    }

    static String describe(RunReport run) {
        StringBuilder line = new StringBuilder(run.task().label());
        if (run.runId() != null) {
            line.append(" run ").append(run.runId());
        }
        line.append(": ").append(run.state());
        if (!run.rows().isEmpty()) {
            line.append(", rows ").append(run.rows().successSource()).append(" read, ")
                    .append(run.rows().successTarget()).append(" written");
            if (run.rows().failedSource() + run.rows().failedTarget() > 0) {
                line.append(", ").append(run.rows().failedSource() + run.rows().failedTarget()).append(" failed");
            }
        }
        return line.toString();
    }
}
