package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunLookup;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskResolver;
import dev.iicsctl.cli.run.TaskflowRuns;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.log.LogFile;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logs TASK [--run-id N] [--out FILE]}: the session log of a finished run and of its child runs; for a
 * taskflow, the session logs of its steps (IICS keeps none for the taskflow itself).
 */
@Command(name = "logs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the session log of a finished run.", "",
            "The logs of its child runs follow. For a taskflow: the session logs of its steps found in the "
                    + "activity log (IICS keeps no session log of the taskflow itself); stderr says so, and says "
                    + "when there are none (exit 0)."},
        footer = {"  iicsctl logs \"Sales/Load Orders\"",
            "  iicsctl logs \"Sales/Load Orders\" --run-id 12 --out run-12.log"})
public final class LogsCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--run-id", paramLabel = "ID", description = "This run instead of the latest finished one.")
    String runId;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the log to FILE instead of stdout.")
    Path out;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskName name = named.name();
        try (Connection connection = connect(this.connection)) {
            IicsClient client = connection.client();
            TaskRef task = new TaskResolver(client).resolve(name);
            RunReport report;
            String text;
            if (task.type() == TaskType.TASKFLOW) {
                TaskflowResult run = finishedTaskflowRun(client, task);
                report = RunReports.of(run, false);
                List<LogFile> logs = new ArrayList<>();
                for (RunResult step : client.taskflows().subtaskRuns(run)) {
                    logs.addAll(client.logs().sessionLogs(step));
                }
                String what = task.displayName() + " run " + run.runId();
                if (logs.isEmpty()) {
                    err().println("iicsctl: IICS offers no session log for " + what + ": a taskflow has none of its "
                            + "own, and the activity log holds no entries of its steps");
                    return ExitCode.OK;
                }
                err().println("iicsctl: a taskflow has no session log of its own: these are the session logs of the "
                        + "steps of " + what + " from the activity log");
                text = join(logs);
            } else {
                RunResult run = finishedRun(client, task);
                text = join(client.logs().sessionLogs(run));
                report = RunReports.of(run, false);
            }
            if (out == null) {
                reporter().log(report, text);
                return ExitCode.OK;
            }
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("cannot write " + out + ": " + e.getMessage());
            }
            reporter().logSaved(report, out.toString());
            return ExitCode.OK;
        }
    }

    private RunResult finishedRun(IicsClient client, TaskRef task) {
        if (runId == null) {
            List<RunResult> latest = client.jobs().history(task, 1);
            if (latest.isEmpty()) {
                throw CliException.usage(task.displayName() + " has no finished runs yet: nothing to show");
            }
            return latest.get(0);
        }
        RunResult run = RunLookup.existing(client, task, TaskflowRuns.jobRunId(runId));
        if (!run.isFinished()) {
            throw CliException.usage("run " + runId + " of " + task.displayName() + " has not finished yet: "
                    + "logs exist once it ends");
        }
        return run;
    }

    private TaskflowResult finishedTaskflowRun(IicsClient client, TaskRef task) {
        if (runId == null) {
            return client.taskflows().runs(task, 50).stream()
                    .filter(r -> r.state().isTerminal()).findFirst()
                    .orElseThrow(() -> CliException.usage(task.displayName() + " has no ended runs in the taskflow "
                            + "status resource: nothing to show"));
        }
        TaskflowResult run = TaskflowRuns.existing(client, task, runId);
        if (!run.state().isTerminal()) {
            throw CliException.usage("run " + runId + " of " + task.displayName() + " has not ended yet: "
                    + "logs exist once it ends");
        }
        return run;
    }

    /** One log as it is; several with a header line each, like {@code tail} does. */
    private static String join(List<LogFile> logs) {
        if (logs.size() == 1) {
            return logs.get(0).text();
        }
        StringBuilder text = new StringBuilder();
        for (LogFile log : logs) {
            text.append("==> ").append(log.fileName()).append(" <==\n").append(log.text());
            if (!log.text().endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
