package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.output.Rows;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.output.SessionInfo;
import dev.iicsctl.cli.output.TaskInfo;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.SubtaskResult;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import java.util.List;

/** Turns the client's values into what iicsctl reports (never a secret), and run states into exit codes. */
public final class RunReports {
    private RunReports() {}

    /** The exit code of a run in a given state (product contract 2.5); running runs give 0. */
    public static int exitCode(RunState state, boolean warningOk) {
        return switch (state) {
            case FAILED -> ExitCode.RUN_FAILED;
            case WARNING -> warningOk ? ExitCode.OK : ExitCode.WARNING;
            case STOPPED -> ExitCode.STOPPED;
            case SUSPENDED -> ExitCode.SUSPENDED;
            default -> ExitCode.OK;
        };
    }

    /** The state name of the JSON contract; a run not visible yet counts as queued. */
    public static String state(RunState state) {
        return state == RunState.NOT_YET_VISIBLE ? "QUEUED" : state.name();
    }

    public static TaskInfo task(TaskRef task) {
        return new TaskInfo(task.id(), task.federatedId(), task.name(), task.path(), task.type().code());
    }

    /** A run as observed, with the exit code its state gives. */
    public static RunReport of(RunResult result, boolean warningOk) {
        return of(result, exitCode(result.state(), warningOk));
    }

    /** A run as observed, with a given exit code. */
    public static RunReport of(RunResult result, int exitCode) {
        return new RunReport(task(result.task()), result.runId(), state(result.state()), result.startTime(),
                result.endTime(), rows(result.rows()), result.errorMessage(), exitCode, null);
    }

    /** A run just started with {@code --no-wait}. */
    public static RunReport started(RunHandle run) {
        return new RunReport(task(run.task()), run.runId(), "STARTED", run.startTime(), null, Rows.NONE, null,
                ExitCode.OK, null);
    }

    /** A taskflow run as observed, its steps as subtasks. */
    public static RunReport of(TaskflowResult result, boolean warningOk) {
        int exitCode = exitCode(result.state(), warningOk);
        List<RunReport> subtasks = result.subtasks().stream().map(step -> of(step, warningOk)).toList();
        return new RunReport(task(result.taskflow()), result.runId(), state(result.state()), result.startTime(),
                result.endTime(), Rows.NONE, result.errorMessage(), exitCode, subtasks);
    }

    /** A taskflow run just started with {@code --no-wait}. */
    public static RunReport started(TaskflowRun run) {
        return new RunReport(task(run.taskflow()), run.runId(), "STARTED", run.startTime(), null, Rows.NONE, null,
                ExitCode.OK, List.of());
    }

    /**
     * A step of a taskflow. The status resource gives rows processed and rows in error only: they are reported
     * as target rows.
     */
    private static RunReport of(SubtaskResult step, boolean warningOk) {
        String path = step.location() == null || step.location().isEmpty() ? step.name()
                : step.location() + "/" + step.name();
        TaskInfo task = new TaskInfo(null, null, step.name(), path, step.type());
        Object runId = step.runId() != null && step.runId().matches("\\d{1,18}") ? (Object) Long.valueOf(step.runId())
                : step.runId();
        return new RunReport(task, runId, state(step.state()), step.startTime(), step.endTime(),
                new Rows(0, 0, step.rowsProcessed(), step.erroredRows()), step.errorMessage(),
                exitCode(step.state(), warningOk), null);
    }

    /** An entry of the activity monitor. */
    public static RunReport of(ActiveRun run) {
        TaskInfo task = new TaskInfo(run.taskId(), null, run.taskName(), null, run.typeCode());
        return new RunReport(task, run.runId(), state(run.state()), run.startTime(), null, rows(run.rows()),
                null, ExitCode.OK, null);
    }

    /** Several runs, each with the exit code its state gives. */
    public static List<RunReport> of(List<RunResult> results) {
        return results.stream().map(r -> of(r, false)).toList();
    }

    /** What may be shown of a cached session: never its id. */
    public static SessionInfo session(Session session) {
        return new SessionInfo(session.loginUrl().toString(), session.username(), session.serverUrl().toString(),
                session.lastUsedAt(), true);
    }

    private static Rows rows(dev.iicsctl.client.job.Rows rows) {
        return new Rows(rows.successSource(), rows.failedSource(), rows.successTarget(), rows.failedTarget());
    }
}
