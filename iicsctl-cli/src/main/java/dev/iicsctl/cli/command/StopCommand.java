package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskResolver;
import dev.iicsctl.cli.time.Durations;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stop TASK [--clean] [--wait]}: stop the task's running job. */
@Command(name = "stop", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Stop the task's running job (IICS stops per task, not per run).", "",
            "  iicsctl stop \"Sales/Load Orders\"",
            "  iicsctl stop \"Sales/Load Orders\" --clean --wait --timeout 5m", ""})
public final class StopCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--clean", description = "A clean stop (cleanStop=true).")
    boolean clean;

    @Option(names = "--wait", description = "Wait until the run has ended, then report it.")
    boolean waitForEnd;

    @Mixin
    WaitOptions wait;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskName name = named.name();
        try (Connection connection = connect(this.connection, wait.poll())) {
            TaskRef task = new TaskResolver(connection.client()).resolveJob(name, "stop");
            Optional<RunHandle> running = connection.client().jobs().running(task);
            if (running.isEmpty()) {
                err().println("iicsctl: " + task.displayName() + " has no running job: nothing to stop");
                return ExitCode.OK;
            }
            RunHandle run = running.get();
            connection.client().jobs().stop(task, clean);
            err().println("iicsctl: asked IICS to " + (clean ? "cleanly " : "") + "stop " + task.displayName()
                    + " run " + run.runId());
            if (!waitForEnd) {
                reporter().run(RunReports.of(connection.client().jobs().status(run), ExitCode.OK));
                return ExitCode.OK;
            }
            try {
                RunResult result = connection.client().jobs().await(run, wait.timeout().orElse(null));
                // The stop did what was asked when the run ended stopped; any other end is reported as it is.
                int code = result.state() == RunState.STOPPED ? ExitCode.OK : RunReports.exitCode(result.state(), false);
                reporter().run(RunReports.of(result, code));
                return code;
            } catch (RunTimeoutException e) {
                err().println("iicsctl: " + task.displayName() + " run " + run.runId() + " has not ended after "
                        + Durations.format(wait.timeout().orElseThrow()) + "; it may still stop later");
                return ExitCode.TIMED_OUT;
            }
        }
    }
}
