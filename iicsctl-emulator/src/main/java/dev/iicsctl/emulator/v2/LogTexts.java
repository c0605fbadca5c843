package dev.iicsctl.emulator.v2;

import dev.iicsctl.emulator.run.JobSnapshot;
import dev.iicsctl.emulator.run.StepSnapshot;
import dev.iicsctl.emulator.time.WireTime;

/** Plausible session-log and error-log texts for an ended run. */
final class LogTexts {
    private LogTexts() {}

    static String sessionLog(JobSnapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Session log of ").append(s.run().task().type()).append(" task '").append(s.run().task().name())
                .append("', run ").append(s.run().runId()).append('\n');
        sb.append(WireTime.utcMillis(s.run().startedAt())).append(" : INFO : [TM_6014] Initializing session [")
                .append(s.run().task().name()).append("]\n");
        for (StepSnapshot step : s.steps()) {
            sb.append(WireTime.utcMillis(step.start())).append(" : INFO : [TM_6683] Starting task [")
                    .append(step.task().name()).append("]\n");
            sb.append(WireTime.utcMillis(step.end())).append(" : INFO : [WRT_8036] Target rows: ")
                    .append(step.rows().successTarget()).append(" loaded, ").append(step.rows().failedTarget())
                    .append(" rejected\n");
            if (step.errorMessage() != null) {
                sb.append(WireTime.utcMillis(step.end())).append(step.phase().logState() == 3 ? " : ERROR : " : " : WARNING : ")
                        .append(step.errorMessage()).append('\n');
            }
        }
        sb.append(WireTime.utcMillis(s.end())).append(" : INFO : [TM_6020] Session [").append(s.run().task().name())
                .append("] completed with state ").append(s.phase().controlState()).append('\n');
        return sb.toString();
    }

    static String errorLog(JobSnapshot s) {
        StringBuilder sb = new StringBuilder("Transformation,Row,Error\n");
        long n = Math.min(50, s.rows().failedTarget() + s.rows().failedSource());
        for (long i = 1; i <= n; i++) {
            sb.append("Target,").append(i).append(',')
                    .append(s.errorMessage() == null ? "Row rejected by the target." : s.errorMessage().replace(',', ';'))
                    .append('\n');
        }
        return sb.toString();
    }
}
