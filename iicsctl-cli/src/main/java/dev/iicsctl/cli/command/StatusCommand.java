package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunById;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.cli.run.TaskflowRuns;
import dev.iicsctl.cli.run.StartedHere;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status TASK [--run-id N]}: the state of the task's latest (or given) run. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the state of a task's latest (or given) run.", "",
            "The exit code is that of the run's outcome (0 while it runs). A taskflow run id also works without "
                    + "TASK."},
        footer = {"  iicsctl status \"Sales/Load Orders\"",
            "  iicsctl status --run-id 1256355937542115328 -o json"})
public final class StatusCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "This run instead of the latest (a taskflow run id also works without TASK).")
    String runId;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (runId != null && !named.isGiven()) {
            try (Connection connection = connect(this.connection)) {
                return report(RunReports.of(TaskflowRuns.byId(connection.client(), runId), false));
            }
        }
        TaskName name = named.name();
        try (Connection connection = connect(this.connection)) {
            TaskRef task = taskFinder(connection, this.connection, java.util.List.of()).resolve(name);
            Optional<RunReport> result = task.type() == TaskType.TASKFLOW ? taskflow(connection, task)
                    : (runId == null ? latest(connection, task)
                            : Optional.of(RunById.existing(connection.client(), task, TaskflowRuns.jobRunId(runId))))
                            .map(r -> RunReports.of(r, false));
            if (result.isEmpty()) {
                err().println("iicsctl: " + task.displayName() + " has no runs yet");
                return ExitCode.OK;
            }
            return report(result.get());
        }
    }

    /**
     * The newest run: what IICS shows, unless this machine started a newer one that IICS does not show yet (then
     * that one, as queued).
     */
    private Optional<RunResult> latest(Connection connection, TaskRef task) {
        Optional<RunResult> shown = connection.client().jobs().latest(task);
        StartedHere startedHere = startedHere(connection, err()::println);
        Optional<RunHandle> newer = startedHere.newerThan(task, shown.map(RunResult::runId).orElse(0L));
        if (newer.isEmpty()) {
            return shown;
        }
        RunResult unseen = connection.client().jobs().status(newer.get());
        startedHere.seen(unseen);
        return Optional.of(unseen);
    }

    /** The given run, or the newest one the status resource shows. */
    private Optional<RunReport> taskflow(Connection connection, TaskRef task) {
        Optional<TaskflowResult> run = runId != null
                ? Optional.of(TaskflowRuns.existing(connection.client(), task, runId))
                : connection.client().taskflows().runs(task, 1).stream().findFirst();
        return run.map(r -> RunReports.of(r, false));
    }

    private int report(RunReport report) {
        reporter().run(report);
        return report.exitCode();
    }
}
