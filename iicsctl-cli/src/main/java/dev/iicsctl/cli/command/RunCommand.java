package dev.iicsctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.run.InterruptGuard;
import dev.iicsctl.cli.run.LogDirectory;
import dev.iicsctl.cli.run.RunContext;
import dev.iicsctl.cli.run.RunSettings;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.cli.run.TaskFinder;
import dev.iicsctl.cli.run.TaskRun;
import dev.iicsctl.cli.run.TaskflowRunner;
import dev.iicsctl.cli.run.Waiter;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.monitor.RunWatcher;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run TASK...}: start each task and, by default, wait for it to finish (product contract 2.4). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start each task and, by default, wait for it to finish.", "",
            "A taskflow (TASKFLOW) runs through its published API name (default: its name; --api-name when it "
                    + "differs) and is followed until it succeeds, fails or is suspended (exit 9: see "
                    + "'iicsctl resume')."},
        footer = {"  iicsctl run \"Sales/Load Orders\" --timeout 2h",
            "  iicsctl run \"Load Orders\" \"Load Customers\" --parallel 2 -o json"})
public final class RunCommand extends BaseCommand {

    /** What SIGINT/SIGTERM does to a job this command started. */
    public enum OnInterrupt { stop, leave }

    /** What to do with a job when the wait times out. */
    public enum OnTimeout { leave, stop }

    @Parameters(paramLabel = "TASK", arity = "0..*",
            description = "A task path (Project/Folder/Name) or a task name.")
    List<String> taskArgs = new ArrayList<>();

    @Mixin
    TaskSelector selector;

    @Option(names = "--no-wait", description = "Return once the job has started.")
    boolean noWait;

    @Mixin
    WaitOptions wait;

    @Option(names = "--on-timeout", paramLabel = "leave|stop",
            description = "What to do with the job when the timeout hits (default: ${DEFAULT-VALUE}).")
    OnTimeout onTimeout = OnTimeout.leave;

    @Option(names = "--on-interrupt", paramLabel = "stop|leave",
            description = "What SIGINT/SIGTERM does to a job this command started (default: ${DEFAULT-VALUE}).")
    OnInterrupt onInterrupt = OnInterrupt.stop;

    @Option(names = "--if-running", paramLabel = "fail|attach|wait|start",
            description = "When the task already runs: exit 7; follow that run; wait for it to end, then start; "
                    + "start anyway (default: fail).")
    IfRunning ifRunning = IfRunning.FAIL;

    @Option(names = "--param-file", paramLabel = "NAME", description = "Parameter file of a mapping task.")
    String paramFile;

    @Option(names = "--param-dir", paramLabel = "DIR",
            description = "Directory of the parameter file on the Secure Agent.")
    String paramDir;

    @Option(names = "--input", paramLabel = "KEY=VALUE", description = "A taskflow input field (repeatable).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--input-json", paramLabel = "FILE",
            description = "Taskflow input fields as a JSON object (--input pairs are merged over it).")
    Path inputJson;

    @Option(names = "--api-name", paramLabel = "NAME",
            description = "The taskflow's published API name, when it is not the taskflow name (e.g. Name-1).")
    String apiName;

    @Option(names = "--run-name", paramLabel = "NAME",
            description = "A name for the taskflow run (IICS shows it as <taskflow>-NAME-<run id>).")
    String runName;

    @Option(names = "--warning-ok", description = "A run that ends with warnings exits 0 instead of 3.")
    boolean warningOk;

    @Option(names = "--logs-on-failure", paramLabel = "DIR", description = "Save the session logs of a failed run.")
    Path logsOnFailure;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With several TASKs: how many run at once (default: 1, in the order given).")
    int parallel = 1;

    @Mixin
    ConnectionOptions connection;

    /** The same task twice on one command line would start it twice at once: a usage error. */
    private static <T> void refuseTwice(List<T> tasks, Function<T, String> identity, Function<T, String> label) {
        Set<String> seen = new HashSet<>();
        for (T task : tasks) {
            if (!seen.add(identity.apply(task))) {
                throw CliException.usage("task " + dev.iicsctl.cli.output.ControlChars.escape(label.apply(task))
                        + " is given twice: name each task once");
            }
        }
    }

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw CliException.usage("--parallel must be 1 or more, got " + parallel);
        }
        if (paramDir != null && paramFile == null) {
            throw CliException.usage("--param-dir needs --param-file NAME");
        }
        if (logsOnFailure != null) {
            LogDirectory.prepare(logsOnFailure);
        }
        List<TaskName> names = selector.all(taskArgs);
        refuseTwice(names, TaskName::toString, TaskName::toString);
        Map<String, Object> taskflowInput = taskflowInput();
        // The guard is in place before the login: a signal at any instant finds it (and a start not yet sent).
        try (InterruptGuard guard = new InterruptGuard(onInterrupt == OnInterrupt.stop, err(),
                        env().installSignalHandlers());
                Connection connection = connect(this.connection, wait.poll())) {
            TaskFinder finder = taskFinder(connection, this.connection, taskArgs);
            List<TaskRef> tasks = resolveAll(connection, finder, names, !taskflowInput.isEmpty());
            // A name and a path may name the same task: checked again once resolved, before anything starts.
            refuseTwice(tasks, task -> task.federatedId() != null ? task.federatedId() : task.type() + ":" + task.id(),
                    TaskRef::displayName);
            if (paramFile != null && tasks.stream().anyMatch(t -> t.type() == TaskType.TASKFLOW)) {
                err().println("iicsctl: --param-file applies to mapping tasks; it is not sent to taskflows");
            }
            try (Progress progress = progress()) {
                return runAll(connection, tasks, taskflowInput, progress, guard, finder);
            }
        }
    }

    private List<TaskRef> resolveAll(Connection connection, TaskFinder finder, List<TaskName> names,
            boolean hasInput) {
        List<TaskRef> tasks = new ArrayList<>();
        for (TaskName name : names) {
            TaskRef task = finder.resolve(name);
            if (task.type() == TaskType.TASKFLOW && task.name() == null && apiName == null) {
                throw CliException.usage("the taskflow " + name + " is known by id only, so its API name is unknown: "
                        + "name it by path, name or --federated-id, or give --api-name");
            }
            tasks.add(task);
        }
        long taskflows = tasks.stream().filter(t -> t.type() == TaskType.TASKFLOW).count();
        if (hasInput && taskflows == 0) {
            throw CliException.usage("--input and --input-json are taskflow input fields, but no TASK is a taskflow: "
                    + "remove them");
        }
        if (runName != null && taskflows != tasks.size()) {
            throw CliException.usage("--run-name names taskflow runs, but " + (tasks.size() - taskflows) + " TASK(s)"
                    + " are not taskflows: run those without it");
        }
        if (apiName != null && taskflows != 1) {
            throw CliException.usage("--api-name names the API of one taskflow, but " + taskflows + " TASKs are "
                    + "taskflows: run them one at a time");
        }
        if (ifRunning == IfRunning.FAIL && tasks.size() > 1) {
            // Product contract 2.5: an already-running task is reported before anything starts.
            for (TaskRef task : tasks) {
                Optional<Object> running = task.type().isV2Job()
                        ? connection.client().jobs().running(task).map(RunHandle::runId)
                        : TaskflowRunner.running(connection.client(), task).map(TaskflowRun::runId);
                if (running.isPresent()) {
                    throw new CliException(ExitCode.TASK_PROBLEM, task.displayName() + " is already running (run "
                            + running.get() + "): nothing was started; use --if-running attach, wait or start");
                }
            }
        }
        return tasks;
    }

    private int runAll(Connection connection, List<TaskRef> tasks, Map<String, Object> input, Progress progress,
            InterruptGuard guard, TaskFinder finder) {
        StartOptions start = StartOptions.defaults().withIfRunning(ifRunning);
        if (paramFile != null) {
            start = start.withParameterFile(paramFile, paramDir);
        }
        RunSettings settings = new RunSettings(start, !noWait, wait.timeout(), onTimeout == OnTimeout.stop,
                warningOk, Optional.ofNullable(logsOnFailure), input, Optional.ofNullable(apiName),
                Optional.ofNullable(runName));
        IicsClient client = connection.client();
        RunContext context = new RunContext(client, settings, reporter(), progress, guard,
                startedHere(connection, progress::note), finder);
        Function<Waiter, List<Callable<Integer>>> calls = waiter -> tasks.stream()
                .map(task -> task.type() == TaskType.TASKFLOW
                        ? (Callable<Integer>) new TaskflowRunner(context, task, input)
                        : new TaskRun(context, task, waiter))
                .toList();
        List<Integer> codes = new ArrayList<>();
        if (parallel == 1 || tasks.size() == 1) {
            for (Callable<Integer> call : calls.apply(Waiter.alone(client))) {
                codes.add(runOne(call));
            }
            return ExitCode.worst(codes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, tasks.size()));
        // One watcher for all jobs: one activity monitor call per interval, however many run at once.
        try (RunWatcher watcher = client.monitor().watcher()) {
            List<Future<Integer>> futures = calls.apply(Waiter.shared(watcher)).stream().map(pool::submit).toList();
            for (Future<Integer> future : futures) {
                codes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.SIGINT, "interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return ExitCode.worst(codes);
    }

    private static int runOne(Callable<Integer> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code --input} and {@code --input-json}, checked now so that a bad file fails before anything starts. */
    private Map<String, Object> taskflowInput() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (inputJson != null) {
            JsonNode node;
            try {
                node = new ObjectMapper().readTree(inputJson.toFile());
            } catch (IOException e) {
                throw CliException.usage("--input-json " + inputJson + " is not a readable JSON file: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            if (node == null || !node.isObject()) {
                throw CliException.usage("--input-json " + inputJson + " must hold one JSON object of input fields");
            }
            node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        }
        inputs.keySet().stream().filter(String::isBlank).findFirst().ifPresent(blank -> {
            throw CliException.usage("--input needs KEY=VALUE with a non-empty KEY, e.g. --input region=EU");
        });
        fields.putAll(inputs);
        return fields;
    }
}
