package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused start is told apart by the reason on the exception, not by its message: IICS's codes for an unknown
 * task are not documented, so a refusal whose description names an unknown task is a task not found whatever its
 * 4xx status, and any other refusal stays an API error with its reason.
 */
@Timeout(30)
class StartRefusalTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static final String START = "/saas/api/v2/job";

    @AfterEach
    void clearFaults() {
        EMULATOR.get().clearFaults();
    }

    private static String error(int status, String description) {
        return "{\"code\":\"UI_20000\",\"description\":\"" + description + "\",\"statusCode\":" + status
                + ",\"@type\":\"error\"}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400 | Task 0100000000000000002X does not exist.",
        "403 | The task could not be found.",
        "400 | Invalid task id.",
        "404 | Gone."})
    void aRefusalNamingAnUnknownTaskIsATaskNotFound(int status, String description) {
        Emulator emu = EMULATOR.get();
        try (IicsClient iics = TestCatalog.client(emu.loginUrl()).build()) {
            TaskRef task = iics.tasks().resolve("Sales/Load Orders");
            emu.addFault(FaultRule.status("POST", START, status, "application/json", error(status, description))
                    .times(1));
            assertThatThrownBy(() -> iics.jobs().start(task))
                    .isInstanceOfSatisfying(TaskNotFoundException.class, e -> assertThat(e.reason())
                            .isEqualTo(TaskNotFoundException.Reason.NOT_FOUND))
                    .hasMessageContaining("Sales/Load Orders");
        }
        assertThat(emu.requests().count("POST " + START)).isEqualTo(1);
    }

    @Test
    void anyOtherRefusalIsAnApiErrorWithItsReason() {
        Emulator emu = EMULATOR.get();
        try (IicsClient iics = TestCatalog.client(emu.loginUrl()).build()) {
            TaskRef task = iics.tasks().resolve("Sales/Load Orders");
            emu.addFault(FaultRule.status("POST", START, 403, "application/json",
                    error(403, "The user lacks the privilege to run tasks.")).times(1));
            assertThatThrownBy(() -> iics.jobs().start(task))
                    .isInstanceOfSatisfying(IicsApiException.class, e -> {
                        assertThat(e.reason()).isEqualTo(IicsApiException.Reason.REFUSED);
                        assertThat(e.httpStatus()).isEqualTo(403);
                    })
                    .hasMessageContaining("privilege");
        }
        assertThat(emu.requests().count("POST " + START)).isEqualTo(1);
    }

    @Test
    void theStatusAloneGivesTheReasonOfAnAnswerWithoutDescription() {
        assertThat(IicsApiException.Reason.of(404)).isEqualTo(IicsApiException.Reason.NOT_FOUND);
        assertThat(IicsApiException.Reason.of(400)).isEqualTo(IicsApiException.Reason.REFUSED);
        assertThat(IicsApiException.Reason.of(429)).isEqualTo(IicsApiException.Reason.RATE_LIMITED);
        assertThat(IicsApiException.Reason.of(503)).isEqualTo(IicsApiException.Reason.SERVICE_FAILED);
        assertThat(IicsApiException.Reason.of(200)).isEqualTo(IicsApiException.Reason.BAD_ANSWER);
        assertThat(IicsApiException.Reason.of(302)).isEqualTo(IicsApiException.Reason.OTHER);
    }
}
