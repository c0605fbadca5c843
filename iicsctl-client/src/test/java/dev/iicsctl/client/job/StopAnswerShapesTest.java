package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import dev.iicsctl.client.task.TaskRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IICS's "success object" for a stop has no documented shape: an empty body, JSON and XML are all success. */
@Timeout(30)
class StopAnswerShapesTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | {\"@type\":\"success\",\"description\":\"done\"}",
        "application/xml  | <success><description>done</description></success>",
        "text/plain       | ''"})
    void everyShapeOfTheSuccessAnswerIsASuccess(String type, String body) {
        Emulator emu = EMULATOR.get();
        try (IicsClient iics = TestCatalog.client(emu.loginUrl()).build()) {
            TaskRef task = iics.tasks().resolve("Sales/Slow Load");
            iics.jobs().start(task);
            emu.addFault(FaultRule.status("POST", "/saas/api/v2/job/stop", 200, type.trim(), body).times(1));
            assertThatCode(() -> iics.jobs().stop(task, false)).doesNotThrowAnyException();
        } finally {
            emu.clearFaults();
        }
        assertThat(emu.requests().count("POST /saas/api/v2/job/stop")).isEqualTo(1);
    }

    @Test
    void theEmulatorsOwnSuccessObjectIsASuccess() {
        Emulator emu = EMULATOR.get();
        try (IicsClient iics = TestCatalog.client(emu.loginUrl()).build()) {
            TaskRef task = iics.tasks().resolve("Sales/Slow Load");
            iics.jobs().start(task);
            assertThatCode(() -> iics.jobs().stop(task, false)).doesNotThrowAnyException();
        }
    }
}
