package dev.iicsctl.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example at the top of docs/library.md, verbatim, so the documented code is known to work. */
@Timeout(60)
class LibraryExampleTest {

    static RunResult example() {
        try (Emulator emulator = Emulator.builder().build().start();          // built-in demo catalog
             IicsClient iics = IicsClient.builder()
                     .loginUrl(emulator.loginUrl())                            // or "dm-us", or a full URL
                     .credentials("demo@example.com", "demo-password".toCharArray())
                     .build()) {
            TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
            RunHandle run = iics.jobs().start(task);
            RunResult result = iics.jobs().await(run, Duration.ofMinutes(5),
                    progress -> System.out.println(progress.state() + " " + progress.rows()));
            System.out.println(result.task().path() + " run " + result.runId() + ": " + result.state()
                    + " in " + result.duration().toSeconds() + " s, " + result.rows().successTarget() + " rows written");
            return result;
        }
    }

    @Test
    void theDocumentedExampleRuns() {
        RunResult result = example();
        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(result.rows().successTarget()).isEqualTo(800);
    }
}
