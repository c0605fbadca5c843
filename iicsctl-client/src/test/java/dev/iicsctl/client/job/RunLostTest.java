package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RunLostException;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service restarted under a waiting client forgets the run: the wait ends with {@link RunLostException} once the
 * run has been shown nowhere for the reconcile window, instead of waiting forever, and never as a success.
 */
@Timeout(60)
class RunLostTest {

    private Emulator first;
    private Emulator second;
    private IicsClient iics;

    @BeforeEach
    void setUp() {
        first = Emulator.builder().catalogYaml(TestCatalog.YAML).visibilityDelay(Duration.ofMillis(50)).build().start();
        iics = TestCatalog.client(first.loginUrl()).reconcileWindow(Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void tearDown() {
        iics.close();
        first.close();
        if (second != null) {
            second.close();
        }
    }

    private void restart() {
        int login = first.loginUrl().getPort();
        int pod = first.podUrl().getPort();
        first.close();
        second = Emulator.builder().catalogYaml(TestCatalog.YAML).port(login).podPort(pod).build().start();
    }

    private RunHandle startSlowLoad() {
        TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
        RunHandle run = iics.jobs().start(slow);
        first.awaitRun("Sales/Slow Load", Duration.ofSeconds(10), "RUNNING");
        assertThat(iics.jobs().status(run).state()).isEqualTo(RunState.RUNNING);
        return run;
    }

    @Test
    void awaitEndsWithRunLostWhenTheServiceForgetsTheRun() throws Exception {
        RunHandle run = startSlowLoad();
        CountDownLatch seenRunning = new CountDownLatch(1);
        CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(() -> iics.jobs().await(run,
                Duration.ofSeconds(30), PollPolicy.fixed(Duration.ofMillis(50)), progress -> {
                    if (progress.state() == RunState.RUNNING) {
                        seenRunning.countDown();
                    }
                }));
        assertThat(seenRunning.await(10, TimeUnit.SECONDS)).isTrue();
        restart();
        assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RunLostException.class)
                .hasMessageContaining("run " + run.runId() + " of Sales/Slow Load")
                .hasMessageContaining("left the activity monitor")
                .hasMessageContaining("outcome is unknown")
                .satisfies(e -> assertThat(((RunLostException) e).handle().runId()).isEqualTo(run.runId()));
        assertThat(second.runs()).as("nothing started again").isEmpty();
    }

    @Test
    void aWatcherFailsOnlyTheLostRun() throws Exception {
        RunHandle run = startSlowLoad();
        try (var watcher = iics.monitor().watcher(PollPolicy.fixed(Duration.ofMillis(50)))) {
            CompletableFuture<RunResult> watched = watcher.watch(run);
            restart();
            assertThatThrownBy(() -> watched.get(20, TimeUnit.SECONDS))
                    .cause().isInstanceOf(RunLostException.class);
            TaskRef orders = iics.tasks().resolve("Sales/Load Orders");
            RunResult after = watcher.watch(iics.jobs().start(orders)).get(20, TimeUnit.SECONDS);
            assertThat(after.state()).isEqualTo(RunState.SUCCEEDED);
        }
    }
}
