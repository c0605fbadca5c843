package dev.iicsctl.client.monitor;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate process of {@link SharedMonitorProcessesTest}: starts one task, follows it to its end through the
 * shared snapshot folder and prints what it saw and how it looked.
 */
public final class SharedMonitorChild {

    private SharedMonitorChild() {
    }

    /** @param args login URL, snapshot folder, task path, poll interval in ms */
    public static void main(String[] args) {
        AtomicInteger shared = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        IicsClient.Builder builder = TestCatalog.client(URI.create(args[0])).sharedMonitorSnapshots(Path.of(args[1]))
                .pollPolicy(PollPolicy.fixed(Duration.ofMillis(Long.parseLong(args[3]))));
        try (IicsClient iics = SharedSnapshotTest.counting(builder, shared, polls).build()) {
            RunHandle run = iics.jobs().start(iics.tasks().resolve(args[2], TaskType.MTT),
                    StartOptions.defaults().withIfRunning(IfRunning.START));
            System.out.println("STARTED " + run.runId());
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(90));
            System.out.println("RESULT state=" + result.state() + " polls=" + polls.get() + " shared=" + shared.get());
        }
    }
}
