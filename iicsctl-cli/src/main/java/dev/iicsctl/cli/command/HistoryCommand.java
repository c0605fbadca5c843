package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history TASK [--limit N]}: the task's recent runs, newest first, with a chart of their durations. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List a task's recent runs, newest first, with a duration chart.", "",
            "The runs come from the activity log; the chart shows a slow-down at a glance. For a taskflow: its "
                    + "runs in the taskflow status resource (IICS shows the last 24 hours there), running ones "
                    + "included."},
        footer = {"  iicsctl history \"Sales/Load Orders\" --limit 20"})
public final class HistoryCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--limit", paramLabel = "N", description = "How many runs (1 to 1000, default: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw CliException.usage("--limit must be between 1 and 1000, got " + limit);
        }
        TaskName name = named.name();
        try (Connection connection = connect(this.connection)) {
            TaskRef task = taskFinder(connection, this.connection, java.util.List.of()).resolve(name);
            reporter().history(RunReports.task(task), task.type() == TaskType.TASKFLOW
                    ? RunReports.ofTaskflowRuns(connection.client().taskflows().runs(task, limit))
                    : RunReports.of(connection.client().jobs().history(task, limit)));
            return ExitCode.OK;
        }
    }
}
