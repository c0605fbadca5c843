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
        RunReport step = currentStep(run);
        if (step != null) {
            line.append("; step ").append(run.subtasks().size()).append(' ').append(step.task().label())
                    .append(": ").append(step.state());
        }
        return ControlChars.escape(line.toString());
    }

    /** What a line-per-change display reports a change of: the state, and a taskflow's current step. */
    static String milestone(RunReport run) {
        RunReport step = currentStep(run);
        return step == null ? run.state() : run.state() + " " + run.subtasks().size() + " " + step.state();
    }

    private static RunReport currentStep(RunReport run) {
        return run.subtasks() == null || run.subtasks().isEmpty() ? null
                : run.subtasks().get(run.subtasks().size() - 1);
    }
}
