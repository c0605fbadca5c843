package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries of idempotent calls, and typed errors for answers that are not what IICS should send. */
@Timeout(60)
class TransportFaultsTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(TIME.emulator(TestCatalog.YAML));

    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";
    private static final String MONITOR_PATH = "/saas/api/v2/activity/activityMonitor";

    private final List<String> trace = new CopyOnWriteArrayList<>();
    private IicsClient iics;
    private ControlApi control;

    @BeforeEach
    void setUp() {
        iics = TIME.drive(TestCatalog.client(EMULATOR.get().loginUrl())).traceListener(trace::add).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
        iics.auth().session();
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    @Test
    void a503BurstIsAbsorbed() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':3,'action':'status','status':503}");
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(control.count(MONITOR)).isEqualTo(4);
    }

    @Test
    void a429WithRetryAfterIsHonoured() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':2,'action':'status','status':429,"
                + "'retryAfterSeconds':1}");
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(control.count(MONITOR)).isEqualTo(3);
        // The test policy caps waits at 2 x 100 ms: the Retry-After of 1 s is taken, then capped.
        assertThat(trace).filteredOn(l -> l.contains("HTTP 429")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("(Retry-After)").contains("in 200 ms"));
    }

    @Test
    void a502And504MixWithoutRetryAfterIsAbsorbed() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':1,'action':'status','status':502}");
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':1,'action':'status','status':504}");
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(control.count(MONITOR)).isEqualTo(3);
    }

    @Test
    void droppedConnectionsOnReadsAreRetried() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':2,'action':'drop-before'}");
        assertThat(iics.monitor().running()).isEmpty();
    }

    @Test
    void persistentHtmlPageBecomesATypedErrorAfterTheRetries() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','action':'status','status':502,"
                + "'contentType':'text/html','body':'<html><head><title>502 Bad Gateway</title></head></html>'}");
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("HTML page")
                .hasMessageNotContaining("<html>")
                .satisfies(e -> assertThat(((IicsApiException) e).httpStatus()).isEqualTo(502));
        assertThat(control.count(MONITOR)).isEqualTo(4);
    }

    @Test
    void htmlWithStatus200IsATypedError() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','action':'status','status':200,"
                + "'contentType':'text/html','body':'<!DOCTYPE html><html>Login to proxy</html>'}");
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class).hasMessageContaining("HTML page");
        assertThat(control.count(MONITOR)).as("read again up to the retry policy's attempts").isEqualTo(4);
    }

    @Test
    void truncatedJsonIsATypedErrorWithoutParserDetails() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','action':'malformed'}");
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsApiException.class)
                .hasMessageContaining("truncated or malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jackson").doesNotContain("\n"));
    }

    @Test
    void aGarbledAnswerToAReadIsReadAgain() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':2,'action':'malformed'}");
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(control.count(MONITOR)).isEqualTo(3);
        assertThat(trace).filteredOn(l -> l.contains("is not JSON: reading again")).hasSize(2);
    }

    @Test
    void aGarbledAnswerToTheStartIsNeverSentAgainBlindly() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'malformed'}");
        var run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
        assertThat(control.count("POST /saas/api/v2/job")).isEqualTo(1);
        assertThat(control.runs()).singleElement()
                .satisfies(r -> assertThat(r.path("runId").asLong()).isEqualTo(run.runId()));
    }

    @Test
    void errorObjectsOfBothShapesAreRead() {
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':1,'action':'status','status':403,"
                + "'contentType':'application/json',"
                + "'body':'{\\'code\\':\\'AUTH_01\\',\\'description\\':\\'No privilege.\\',\\'statusCode\\':403,\\'@type\\':\\'error\\'}'}");
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOfSatisfying(IicsApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("AUTH_01");
                    assertThat(e.getMessage()).contains("No privilege.").contains("privileges");
                });
        control.fault("{'method':'GET','path':'" + MONITOR_PATH + "','times':1,'action':'status','status':400,"
                + "'contentType':'application/json',"
                + "'body':'{\\'error\\':{\\'code\\':\\'IDS_1\\',\\'message\\':\\'Bad thing.\\',\\'requestId\\':\\'9hr8e2ObIc\\'}}'}");
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
