package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.run.StartedHere;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.cli.run.UnseenRun;
import dev.iicsctl.cli.run.TaskflowRuns;
import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.taskflow.TaskflowTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stop TASK [--clean] [--wait]}: stop the task's running job; for a taskflow, terminate its running (and
 * suspended) runs, or the run given by {@code --run-id}.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stop a task's running job, or terminate a taskflow run.", "",
            "IICS stops per task, not per run. For a taskflow: its running and suspended runs are terminated, or "
                    + "the run given by --run-id."},
        footer = {"  iicsctl stop \"Sales/Load Orders\" --wait --timeout 5m",
            "  iicsctl stop --run-id 1256355937542115328"})
public final class StopCommand extends BaseCommand {

    @Mixin
    OneTask named;

    @Option(names = "--clean", description = "A clean stop (cleanStop=true).")
    boolean clean;

    @Option(names = "--wait", description = "Wait until the run has ended, then report it.")
    boolean waitForEnd;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "A taskflow run to terminate (TASK may then be left out).")
    String runId;

    @Mixin
    WaitOptions wait;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (runId != null && !named.isGiven()) {
            try (Connection connection = connect(this.connection, wait.poll())) {
                return terminate(connection, List.of(TaskflowRuns.byId(connection.client(), runId)));
            }
        }
        TaskName name = named.name();
        try (Connection connection = connect(this.connection, wait.poll())) {
            TaskRef task = taskFinder(connection, this.connection, java.util.List.of()).resolve(name);
            if (task.type() == TaskType.TASKFLOW) {
                return terminate(connection, runId != null
                        ? List.of(TaskflowRuns.existing(connection.client(), task, runId))
                        : connection.client().taskflows().unfinished(task));
            }
            if (runId != null) {
                throw CliException.usage("IICS stops a task's running job, not a given run: drop --run-id (it "
                        + "names taskflow runs)");
            }
            Optional<RunHandle> running = connection.client().jobs().running(task);
            if (running.isEmpty()) {
                StartedHere startedHere = startedHere(connection, err()::println);
                Optional<RunHandle> recent = startedHere.newerThan(task, 0);
                Optional<RunResult> ended = recent.map(r -> new UnseenRun(connection.client(), wait.poll())
                        .awaitVisible(r, err()));
                if (ended.isPresent() && ended.get().isFinished()) {
                    startedHere.seen(ended.get());
                    err().println("iicsctl: " + task.displayName() + " run " + ended.get().runId() + " has ended ("
                            + RunReports.state(ended.get().state()) + "): nothing to stop");
                    return ExitCode.OK;
                }
                if (recent.isEmpty()) {
                    err().println("iicsctl: " + task.displayName() + " has no running job: nothing to stop");
                    return ExitCode.OK;
                }
                running = recent;
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
                        + DurationFormat.brief(wait.timeout().orElseThrow()) + "; it may still stop later");
                return ExitCode.TIMED_OUT;
            }
        }
    }

    /** Terminates taskflow runs that have not ended; with {@code --wait}, follows them to their end. */
    private int terminate(Connection connection, List<TaskflowResult> runs) {
        if (clean) {
            throw CliException.usage("--clean applies to jobs; a taskflow run is terminated: drop --clean");
        }
        List<TaskflowResult> open = runs.stream()
                .filter(r -> !r.state().isTerminal() || r.state() == RunState.SUSPENDED).toList();
        if (open.isEmpty()) {
            String what = runs.size() == 1 ? runs.get(0).taskflow().displayName() + " run " + runs.get(0).runId()
                    + " has ended (" + RunReports.state(runs.get(0).state()) + ")"
                    : "the taskflow has no running or suspended run";
            err().println("iicsctl: " + what + ": nothing to stop");
            return ExitCode.OK;
        }
        List<Integer> codes = new ArrayList<>();
        // One call for all of them: IICS terminates several runs at once.
        connection.client().taskflows().terminate(open.stream()
                .map(r -> TaskflowRun.of(r.taskflow(), r.runId())).toList());
        for (TaskflowResult before : open) {
            TaskflowRun run = TaskflowRun.of(before.taskflow(), before.runId());
            err().println("iicsctl: asked IICS to terminate " + before.taskflow().displayName() + " run "
                    + run.runId());
            if (!waitForEnd) {
                reporter().run(RunReports.of(connection.client().taskflows().status(run), ExitCode.OK));
                codes.add(ExitCode.OK);
                continue;
            }
            try {
                TaskflowResult result = connection.client().taskflows().await(run, wait.timeout().orElse(null), null);
                int code = result.state() == RunState.STOPPED ? ExitCode.OK : RunReports.exitCode(result.state(), false);
                reporter().run(RunReports.of(result, code));
                codes.add(code);
            } catch (TaskflowTimeoutException e) {
                err().println("iicsctl: " + before.taskflow().displayName() + " run " + run.runId()
                        + " has not ended after " + DurationFormat.brief(wait.timeout().orElseThrow()));
                codes.add(ExitCode.TIMED_OUT);
            }
        }
        return ExitCode.worst(codes);
    }
}
