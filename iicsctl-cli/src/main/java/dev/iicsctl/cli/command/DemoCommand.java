package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.run.InterruptGuard;
import dev.iicsctl.cli.run.RunContext;
import dev.iicsctl.cli.run.StartedHere;
import dev.iicsctl.cli.run.RunSettings;
import dev.iicsctl.cli.run.TaskRun;
import dev.iicsctl.cli.run.TaskflowRunner;
import dev.iicsctl.cli.run.Waiter;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: a new user's first look, on the built-in emulator. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a demo task on the built-in IICS emulator.", "",
            "The emulator starts in-process with its demo catalog; the run is shown with live progress, then the "
                    + "commands to try next. Needs no Informatica account. The exit code is that of the demo run."},
        footer = {"  iicsctl demo",
            "  iicsctl demo --task \"Orchestration/Close Books\""})
public final class DemoCommand extends BaseCommand {

    @Option(names = "--task", paramLabel = "PATH",
            description = "The demo task to run (default: ${DEFAULT-VALUE}).")
    String taskPath = "Sales/Load Orders";

    @Override
    public Integer call() {
        PrintWriter err = err();
        try (Emulator emulator = Emulator.builder().build().start();
                IicsClient client = IicsClient.builder()
                        .loginUrl(emulator.loginUrl())
                        .credentials(Emulator.DEMO_USERNAME, Emulator.DEMO_PASSWORD.toCharArray())
                        .pollPolicy(PollPolicy.fixed(Duration.ofMillis(250)))
                        .build()) {
            err.println(errStyle().bold("iicsctl demo") + ": the IICS emulator serves the demo catalog at "
                    + emulator.loginUrl());
            err.println("(no Informatica account needed)");
            err.println("running " + taskPath + " as " + Emulator.DEMO_USERNAME + " ...");
            err.flush();
            TaskRef task = client.tasks().resolve(taskPath);
            int code;
            RunSettings settings = new RunSettings(StartOptions.defaults(), true, Optional.empty(), false, false,
                    Optional.empty());
            try (Progress progress = progress();
                    InterruptGuard guard = new InterruptGuard(true, err, false)) {
                RunContext context = new RunContext(client, settings, reporter(), progress, guard,
                        StartedHere.none(), dev.iicsctl.cli.run.TaskRefresh.NONE);
                code = task.type() == TaskType.TASKFLOW ? new TaskflowRunner(context, task, Map.of()).call()
                        : new TaskRun(context, task, Waiter.alone(client)).call();
            }
            nextSteps(err, emulator);
            return code;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private void nextSteps(PrintWriter err, Emulator emulator) {
        err.println();
        err.println(errStyle().bold("Next") + ", against the emulator (keep it running in another shell):");
        err.println("  ./iicsctl emulator --port 8080");
        err.println("  export IICS_LOGIN_URL=http://127.0.0.1:8080 IICS_USERNAME=" + Emulator.DEMO_USERNAME);
        err.println("  export IICS_PASSWORD=" + Emulator.DEMO_PASSWORD);
        err.println("  ./iicsctl tasks                               # the " + emulator.catalog().tasks().size()
                + " tasks and " + emulator.catalog().taskflows().size() + " taskflows");
        err.println("  ./iicsctl run \"Sales/Load Returns\"            # ends with warnings: exit 3");
        err.println("  ./iicsctl run \"Finance/Post Invoices\" -o json # fails: exit 1, JSON on stdout");
        err.println("  ./iicsctl history \"Sales/Load Orders\"         # recent runs and durations");
        err.println();
        err.println(errStyle().bold("Against your org") + ":");
        err.println("  export IICS_LOGIN_URL=dm-us IICS_USERNAME=you@example.com");
        err.println("  ./iicsctl login                               # asks for the password");
        err.println("  ./iicsctl run \"Project/Folder/Task\" --timeout 2h");
        err.println("See docs/cli.md for every command, profiles and exit codes.");
        err.flush();
    }
}
