package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries of idempotent calls, and typed errors for answers that are not what IICS should send. */
@Timeout(60)
class TransportFaultsTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML);

    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";
    private static final String MONITOR_PATH = "/saas/api/v2/activity/activityMonitor";

    private final Emulator emulator = IICS.emulator();
    private final IicsClient iics = IICS.client();
    private final List<String> trace = IICS.trace();

    @BeforeEach
    void setUp() {
        iics.auth().session();
    }

    @Test
    void a503BurstIsAbsorbed() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 503).times(3));
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(4);
    }

    @Test
    void a429WithRetryAfterIsHonoured() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 429).retryAfterSeconds(1).times(2));
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(3);
        // The test policy caps waits at 2 x 100 ms: the Retry-After of 1 s is taken, then capped.
        assertThat(trace).filteredOn(l -> l.contains("HTTP 429")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("(Retry-After)").contains("in 200 ms"));
    }

    @Test
    void a502And504MixWithoutRetryAfterIsAbsorbed() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 502).times(1));
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 504).times(1));
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(3);
    }

    @Test
    void droppedConnectionsOnReadsAreRetried() {
        emulator.addFault(FaultRule.dropBefore("GET", MONITOR_PATH).times(2));
        assertThat(iics.monitor().running()).isEmpty();
    }

    @Test
    void persistentHtmlPageBecomesATypedErrorAfterTheRetries() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head></html>"));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("HTML page")
                .hasMessageNotContaining("<html>")
                .satisfies(e -> assertThat(((IicsApiException) e).httpStatus()).isEqualTo(502));
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(4);
    }

    @Test
    void htmlWithStatus200IsATypedError() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 200, "text/html",
                "<!DOCTYPE html><html>Login to proxy</html>"));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class).hasMessageContaining("HTML page");
        assertThat(emulator.requests().count(MONITOR)).as("read again up to the retry policy's attempts").isEqualTo(4);
    }

    @Test
    void truncatedJsonIsATypedErrorWithoutParserDetails() {
        emulator.addFault(FaultRule.malformed("GET", MONITOR_PATH));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class)
                .hasMessageContaining("truncated or malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jackson").doesNotContain("\n"));
    }

    @Test
    void aGarbledAnswerToAReadIsReadAgain() {
        emulator.addFault(FaultRule.malformed("GET", MONITOR_PATH).times(2));
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(3);
        assertThat(trace).filteredOn(l -> l.contains("is not JSON: reading again")).hasSize(2);
    }

    @Test
    void aGarbledAnswerToTheStartIsNeverSentAgainBlindly() {
        emulator.addFault(FaultRule.malformed("POST", "/saas/api/v2/job").times(1));
        var run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
        assertThat(emulator.requests().count("POST /saas/api/v2/job")).isEqualTo(1);
        assertThat(emulator.runs()).singleElement()
                .satisfies(r -> assertThat(r.jobRunId()).isEqualTo(run.runId()));
    }

    @Test
    void errorObjectsOfBothShapesAreRead() {
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 403, "application/json",
                "{\"code\":\"AUTH_01\",\"description\":\"No privilege.\",\"statusCode\":403,\"@type\":\"error\"}")
                .times(1));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOfSatisfying(IicsApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("AUTH_01");
                    assertThat(e.getMessage()).contains("No privilege.").contains("privileges");
                });
        emulator.addFault(FaultRule.status("GET", MONITOR_PATH, 400, "application/json",
                "{\"error\":{\"code\":\"IDS_1\",\"message\":\"Bad thing.\",\"requestId\":\"9hr8e2ObIc\"}}").times(1));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOfSatisfying(IicsApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("IDS_1");
                    assertThat(e.requestId()).isEqualTo("9hr8e2ObIc");
                    assertThat(e.detail()).contains("request id: 9hr8e2ObIc");
                });
    }

    @Test
    void unreachableServiceIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (IicsClient down = TestCatalog.client(URI.create("http://127.0.0.1:" + port)).build()) {
            assertThatThrownBy(() -> down.auth().session())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("cannot connect to IICS at http://127.0.0.1:" + port)
                    .hasMessageContaining("after 4 attempts");
        }
    }

    @Test
    void userAgentNamesIicsctl() {
        assertThat(iics.userAgent()).matches("iicsctl/[0-9A-Za-z.\\-]+");
    }
}
