package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.output.SessionInfo;
import dev.iicsctl.cli.output.TaskInfo;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
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
        return of(result, exitCode(result.state(), warningOk), warningOk);
    }

    /**
     * A run as observed, with a given exit code. A linear taskflow's child entries (its tasks) are its subtasks;
     * other tasks' child entries (their sessions) are not shown.
     */
    public static RunReport of(RunResult result, int exitCode) {
        return of(result, exitCode, false);
    }

    private static RunReport of(RunResult result, int exitCode, boolean warningOk) {
        List<RunReport> subtasks = result.task().type() != TaskType.WORKFLOW ? null
                : result.children().stream().map(child -> of(child, warningOk)).toList();
        return new RunReport(task(result.task()), result.runId(), state(result.state()), result.startTime(),
                result.endTime(), result.rows(), result.errorMessage(), exitCode, subtasks);
    }

    /** A taskflow run as observed, with the exit code its state gives. */
    public static RunReport of(TaskflowResult result, boolean warningOk) {
        return of(result, exitCode(result.state(), warningOk), warningOk);
    }

    /**
     * A taskflow run as observed, with a given exit code: its run id as text, its steps as subtasks, and as rows
     * the sums of its steps' rows.
     */
    public static RunReport of(TaskflowResult result, int exitCode) {
        return of(result, exitCode, false);
    }

    private static RunReport of(TaskflowResult result, int exitCode, boolean warningOk) {
        List<RunReport> subtasks = result.subtasks().stream().map(step -> of(step, warningOk)).toList();
        Rows total = subtasks.stream().map(RunReport::rows).reduce(Rows.NONE, Rows::plus);
        return new RunReport(task(result.taskflow()), result.runId(), state(result.state()), result.startTime(),
                result.endTime(), total, result.errorMessage(), exitCode, subtasks);
    }

    /**
     * One step of a taskflow run, its run id as text like the taskflow's. The status resource gives rows
     * processed and rows in error per step; they are reported as target rows written and failed.
     */
    private static RunReport of(SubtaskResult step, boolean warningOk) {
        String path = step.location() == null || step.location().isBlank() || step.name() == null ? null
                : step.location().replaceAll("/+$", "") + "/" + step.name();
        TaskInfo task = new TaskInfo(null, null, step.name(), path, step.type());
        return new RunReport(task, step.runId(), state(step.state()), step.startTime(), step.endTime(),
                new Rows(0, 0, step.rowsProcessed(), step.erroredRows()), step.errorMessage(),
                exitCode(step.state(), warningOk), null);
    }

    /** A taskflow run just started with {@code --no-wait} (or resumed without waiting). */
    public static RunReport started(TaskflowRun run) {
        return new RunReport(task(run.taskflow()), run.runId(), "STARTED", run.startTime(), null, Rows.NONE, null,
                ExitCode.OK, List.of());
    }

    /** A run just started with {@code --no-wait}. */
    public static RunReport started(RunHandle run) {
        return new RunReport(task(run.task()), run.runId(), "STARTED", run.startTime(), null, Rows.NONE, null,
                ExitCode.OK, run.task().type() == TaskType.WORKFLOW ? List.of() : null);
    }

    /** An entry of the activity monitor. */
    public static RunReport of(ActiveRun run) {
        TaskInfo task = new TaskInfo(run.taskId(), null, run.taskName(), null, run.typeCode());
        return new RunReport(task, run.runId(), state(run.state()), run.startTime(), null, run.rows(),
                null, ExitCode.OK, null);
    }

    /** Several runs, each with the exit code its state gives. */
    public static List<RunReport> of(List<RunResult> results) {
        return results.stream().map(r -> of(r, false)).toList();
    }

    /** Several taskflow runs, each with the exit code its state gives. */
    public static List<RunReport> ofTaskflowRuns(List<TaskflowResult> results) {
        return results.stream().map(r -> of(r, false)).toList();
    }

    /** What may be shown of a cached session: never its id. */
    public static SessionInfo session(Session session) {
        return new SessionInfo(session.loginUrl().toString(), session.username(), session.serverUrl().toString(),
                session.lastUsedAt(), true);
    }
}
