package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunById;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.cli.run.TaskflowRuns;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.log.LogFile;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
            TaskRef task = taskFinder(connection, this.connection, java.util.List.of()).resolve(name);
            RunReport report;
            List<RunResult> runs;
            if (task.type() == TaskType.TASKFLOW) {
                TaskflowResult run = finishedTaskflowRun(client, task);
                report = RunReports.of(run, false);
                runs = client.taskflows().subtaskRuns(run);
            } else {
                RunResult run = finishedRun(client, task);
                report = RunReports.of(run, false);
                runs = List.of(run);
            }
            if (out != null) {
                return saveToFile(client, task, report, runs);
            }
            List<LogFile> logs = new ArrayList<>();
            for (RunResult run : runs) {
                logs.addAll(client.logs().sessionLogs(run));
            }
            if (!hasLogs(task, report, !logs.isEmpty())) {
                return ExitCode.OK;
            }
            reporter().log(report, join(logs));
            return ExitCode.OK;
        }
    }

    /** For a taskflow, says on stderr whose logs these are, or that there are none. */
    private boolean hasLogs(TaskRef task, RunReport report, boolean any) {
        if (task.type() != TaskType.TASKFLOW) {
            return true;
        }
        String what = task.displayName() + " run " + report.runId();
        if (!any) {
            err().println("iicsctl: IICS offers no session log for " + what + ": a taskflow has none of its "
                    + "own, and the activity log holds no entries of its steps");
            return false;
        }
        err().println("iicsctl: a taskflow has no session log of its own: these are the session logs of the "
                + "steps of " + what + " from the activity log");
        return true;
    }

    /**
     * Streams the logs into {@code --out} through a temporary directory beside it, so that a large log is never
     * held in memory (the client writes each log to disk as it comes).
     */
    private int saveToFile(IicsClient client, TaskRef task, RunReport report, List<RunResult> runs) {
        Path parent = out.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, ".iicsctl-logs-");
        } catch (IOException e) {
            throw CliException.usage("cannot write " + out + ": " + e.getMessage());
        }
        try {
            List<Path> files = new ArrayList<>();
            for (RunResult run : runs) {
                files.addAll(client.logs().saveSessionLogs(run, tmp));
            }
            if (!hasLogs(task, report, !files.isEmpty())) {
                return ExitCode.OK;
            }
            concatenate(files);
        } finally {
            deleteTree(tmp);
        }
        reporter().logSaved(report, out.toString());
        return ExitCode.OK;
    }

    /** One log as it is; several with a header line each, like {@code tail} does (as {@link #join}). */
    private void concatenate(List<Path> files) {
        try (OutputStream target = Files.newOutputStream(out)) {
            for (Path file : files) {
                if (files.size() > 1) {
                    target.write(("==> " + file.getFileName() + " <==\n").getBytes(StandardCharsets.UTF_8));
                }
                Files.copy(file, target);
                if (files.size() > 1 && !endsWithNewline(file)) {
                    target.write('\n');
                }
            }
        } catch (IOException e) {
            throw CliException.usage("cannot write " + out + ": " + e.getMessage());
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind holds logs only, no secret
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
        RunResult run = RunById.existing(client, task, TaskflowRuns.jobRunId(runId));
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
