package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunLookup;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskResolver;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.task.TaskRef;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status TASK [--run-id N]}: the state of the task's latest (or given) run. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"State of the latest (or given) run of a task: running or finished.",
            "The exit code is that of the run's outcome (0 while it runs).", "",
            "  iicsctl status \"Sales/Load Orders\"",
            "  iicsctl status \"Sales/Load Orders\" --run-id 12 -o json", ""})
public final class StatusCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--run-id", paramLabel = "N", description = "This run instead of the latest.")
    Long runId;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskName name = named.name();
        try (Connection connection = connect(this.connection)) {
            TaskRef task = new TaskResolver(connection.client()).resolveJob(name, "status");
            Optional<RunResult> result = runId == null ? connection.client().jobs().latest(task)
                    : Optional.of(RunLookup.existing(connection.client(), task, runId));
            if (result.isEmpty()) {
                err().println("iicsctl: " + task.displayName() + " has no runs yet");
                return ExitCode.OK;
            }
            RunReport report = RunReports.of(result.get(), false);
            reporter().run(report);
            return report.exitCode();
        }
    }
}
