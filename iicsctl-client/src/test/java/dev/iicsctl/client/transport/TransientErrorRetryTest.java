package dev.iicsctl.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One transient failure (a 500, or a 200 whose body is cut short) on any safe request before or after the
 * start is absorbed by a retry: the call succeeds, and the start is sent once.
 */
@Timeout(60)
class TransientErrorRetryTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML);

    private static final String LOGIN_V2 = "/ma/api/v2/user/login";
    private static final String LOGIN_V3 = "/saas/public/core/v3/login";
    private static final String LOOKUP = "/saas/public/core/v3/lookup";
    private static final String OBJECTS = "/saas/public/core/v3/objects";
    private static final String MONITOR = "/saas/api/v2/activity/activityMonitor";
    private static final String ACTIVITY_LOG = "/saas/api/v2/activity/activityLog";
    private static final String SESSION_LOG = "/saas/api/v2/activity/activityLog/*";

    private final Emulator emulator = IICS.emulator();

    private void once(String method, String path, String action) {
        FaultRule rule = action.equals("500") ? FaultRule.status(method, path, 500) : FaultRule.malformed(method, path);
        emulator.addFault(rule.times(1));
    }

    private IicsClient client(AuthVersion version) {
        return IICS.builder().auth(version).build();
    }

    @ParameterizedTest
    @CsvSource({"V2, " + LOGIN_V2 + ", 500", "V2, " + LOGIN_V2 + ", malformed",
        "V3, " + LOGIN_V3 + ", 500", "V3, " + LOGIN_V3 + ", malformed"})
    void aLoginIsSentAgain(AuthVersion version, String path, String action) {
        once("POST", path, action);
        try (IicsClient iics = client(version)) {
            assertThat(iics.auth().session().id()).isNotBlank();
        }
        assertThat(emulator.requests().count("POST " + path)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void aLookupByPathIsSentAgain(String action) {
        try (IicsClient iics = client(AuthVersion.V2)) {
            iics.auth().session();
            once("POST", LOOKUP, action);
            TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
            assertThat(task.federatedId()).isEqualTo(TestCatalog.ORDERS_FID);
        }
        assertThat(emulator.requests().count("POST " + LOOKUP)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void anObjectsSearchIsSentAgain(String action) {
        try (IicsClient iics = client(AuthVersion.V2)) {
            iics.auth().session();
            once("GET", OBJECTS, action);
            assertThat(iics.tasks().resolve("Load Customers", TaskType.MTT).path()).isEqualTo("Sales/Load Customers");
        }
        assertThat(emulator.requests().count("GET " + OBJECTS)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void theIfRunningCheckIsSentAgainAndTheStartSentOnce(String action) {
        try (IicsClient iics = client(AuthVersion.V2)) {
            TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
            once("GET", MONITOR, action);
            RunHandle run = iics.jobs().start(task, StartOptions.defaults().withIfRunning(IfRunning.FAIL));
            assertThat(run.runId()).isPositive();
        }
        assertThat(emulator.requests().count("POST /saas/api/v2/job")).isEqualTo(1);
        assertThat(emulator.runs()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void activityReadsAreSentAgain(String action) {
        try (IicsClient iics = client(AuthVersion.V2)) {
            TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
            RunHandle run = iics.jobs().start(task);
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(30));
            once("GET", ACTIVITY_LOG, action);
            assertThat(iics.jobs().history(task, 1)).singleElement()
                    .satisfies(r -> assertThat(r.runId()).isEqualTo(run.runId()));
            once("GET", SESSION_LOG, action);
            assertThat(iics.logs().sessionLogs(result)).isNotEmpty();
        }
    }
}
