package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.TaskflowRuns;
import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.taskflow.TaskflowTimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resume RUN_ID [--skip-faulted]}: resume a suspended taskflow run and, by default, follow it. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resume a suspended taskflow run and follow it.", "",
            "The step that faulted runs again (or is skipped with --skip-faulted); then the run is followed like "
                    + "'run' does (exit 9 when it is suspended again)."},
        footer = {"  iicsctl resume 1256355937542115328",
            "  iicsctl resume 1256355937542115328 --skip-faulted --no-wait"})
public final class ResumeCommand extends BaseCommand {

    @Parameters(paramLabel = "RUN_ID", description = "The taskflow run id (as 'run' or 'status' reports it).")
    String runId;

    @Option(names = "--skip-faulted", description = "Skip the faulted step instead of running it again.")
    boolean skipFaulted;

    @Option(names = "--no-wait", description = "Return once the run is resumed.")
    boolean noWait;

    @Mixin
    WaitOptions wait;

    @Option(names = "--warning-ok", description = "A run that ends with warnings exits 0 instead of 3.")
    boolean warningOk;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (runId == null || runId.isBlank()) {
            throw CliException.usage("empty RUN_ID: give the id of a suspended taskflow run");
        }
        try (Connection connection = connect(this.connection, wait.poll())) {
            TaskflowResult before = TaskflowRuns.byId(connection.client(), runId);
            TaskflowRun run = TaskflowRun.of(before.taskflow(), before.runId());
            String what = before.taskflow().displayName() + " run " + run.runId();
            if (before.state() != RunState.SUSPENDED) {
                throw CliException.usage(what + " is " + RunReports.state(before.state())
                        + ", not SUSPENDED: only a suspended run can be resumed");
            }
            connection.client().taskflows().resume(run, skipFaulted);
            err().println("iicsctl: resumed " + what + (skipFaulted ? ", skipping" : ", retrying")
                    + " the faulted step");
            if (noWait) {
                RunReport resumed = RunReports.of(before, ExitCode.OK).withOutcome("STARTED", ExitCode.OK);
                reporter().run(resumed);
                return ExitCode.OK;
            }
            return follow(connection, run, before);
        }
    }

    private int follow(Connection connection, TaskflowRun run, TaskflowResult before) {
        try (Progress progress = progress()) {
            try {
                TaskflowResult result = connection.client().taskflows().awaitResumed(run,
                        wait.timeout().orElse(null), null,
                        snapshot -> progress.update(RunReports.of(snapshot, warningOk)));
                RunReport report = RunReports.of(result, warningOk);
                progress.done(report);
                progress.above(() -> reporter().run(report));
                return report.exitCode();
            } catch (TaskflowTimeoutException e) {
                RunReport report = RunReports.of(e.lastSeen() != null ? e.lastSeen() : before, ExitCode.TIMED_OUT)
                        .withOutcome("TIMED_OUT", ExitCode.TIMED_OUT);
                progress.done(report);
                progress.note("iicsctl: " + run.taskflow().displayName() + " run " + run.runId()
                        + " has not ended after " + DurationFormat.brief(wait.timeout().orElseThrow())
                        + "; it was left running");
                progress.above(() -> reporter().run(report));
                return ExitCode.TIMED_OUT;
            }
        }
    }
}
