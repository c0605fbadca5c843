package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.compare.ComparisonReport;
import dev.iicsctl.emulator.compare.Difference;
import dev.iicsctl.emulator.compare.HarComparison;
import dev.iicsctl.emulator.compare.HarReader;
import dev.iicsctl.emulator.time.MovableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compare}: a trace recorded from one emulator (standing in for an org) is replayed against another.
 * Unchanged, it matches; with a difference planted in the "org's" answers, the report names it.
 */
class HarComparisonTest {
    private final MovableClock clock = TestCatalogs.summerClock();
    private final MovableClock replayClock = TestCatalogs.summerClock();
    private Emulator org;
    private Emulator replay;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        org = TestCatalogs.start(clock);
        replay = TestCatalogs.start(replayClock);
        // A replay happens all at once, so lists are compared only where both sides have items: give the
        // replayed emulator a running job for the monitor and an ended one for the log.
        Api api = Api.loggedIn(replay);
        api.start(TestCatalogs.ORDERS_ID, "MTT");
        api.start("0100000Z00000000002R", "MTT");
        replayClock.advanceMillis(3000);
    }

    @AfterEach
    void close() {
        org.close();
        replay.close();
    }

    /** Drives the "org" like a client and records each exchange into a HAR with placeholders for secrets. */
    private ObjectNode recordTrace() {
        Api api = Api.loggedIn(org);
        ObjectNode har = Api.JSON.createObjectNode();
        ArrayNode entries = har.putObject("log").put("version", "1.2").putArray("entries");
        entry(entries, "POST", org.loginUrl() + "/ma/api/v2/user/login",
                "{\"@type\":\"login\",\"username\":\"redacted-user\",\"password\":\"redacted-password\"}",
                api.post(org.loginUrl() + "/ma/api/v2/user/login", Api.LOGIN_BODY), false);
        entry(entries, "POST", api.serverUrl + "/api/v2/job",
                "{\"@type\":\"job\",\"taskId\":\"" + TestCatalogs.ORDERS_ID + "\",\"taskType\":\"MTT\"}",
                api.v2Post("/api/v2/job", "{\"@type\":\"job\",\"taskId\":\"" + TestCatalogs.ORDERS_ID
                        + "\",\"taskType\":\"MTT\"}"), true);
        clock.advanceMillis(2000);
        entry(entries, "GET", api.serverUrl + "/api/v2/activity/activityMonitor", null,
                api.v2Get("/api/v2/activity/activityMonitor"), true);
        clock.advanceMillis(20_000);
        entry(entries, "GET", api.serverUrl + "/api/v2/activity/activityLog?rowLimit=5", null,
                api.v2Get("/api/v2/activity/activityLog?rowLimit=5"), true);
        return har;
    }

    private static void entry(ArrayNode entries, String method, String url, String body, Api.Reply answer,
            boolean session) {
        ObjectNode e = entries.addObject();
        ObjectNode request = e.putObject("request").put("method", method).put("url", url).put("httpVersion", "HTTP/1.1");
        ArrayNode headers = request.putArray("headers");
        headers.addObject().put("name", "Accept").put("value", "application/json");
        if (session) {
            headers.addObject().put("name", "icSessionId").put("value", "redacted-session-1");
        }
        if (body != null) {
            request.putObject("postData").put("mimeType", "application/json").put("text", body);
        }
        String text = answer.body().replaceAll("\"icSessionId\":\"[^\"]+\"", "\"icSessionId\":\"redacted-session-1\"");
        e.putObject("response").put("status", answer.status()).putObject("content")
                .put("mimeType", answer.header("Content-Type")).put("text", text);
    }

    private ComparisonReport compare(ObjectNode har) throws Exception {
        Path file = dir.resolve("trace.har");
        Files.writeString(file, har.toString());
        return new HarComparison(replay.loginUrl(), replay.podUrl(), replay.catalog().users().get(0))
                .compare(HarReader.read(file));
    }

    @Test
    void aTraceOfTheEmulatorMatchesTheEmulator() throws Exception {
        ComparisonReport report = compare(recordTrace());
        assertThat(report.compared()).isEqualTo(4);
        assertThat(report.differences()).isEmpty();
        assertThat(replay.runs()).hasSize(3);
    }

    @Test
    void plantedDifferencesAreReportedFieldByField() throws Exception {
        ObjectNode har = recordTrace();
        ArrayNode entries = (ArrayNode) har.path("log").path("entries");
        // The "org" sends an extra field, lacks one, and writes startTime with an offset instead of Z.
        ObjectNode monitorContent = (ObjectNode) entries.get(2).path("response").path("content");
        ArrayNode monitor = (ArrayNode) Api.JSON.readTree(monitorContent.get("text").asText());
        ObjectNode running = (ObjectNode) monitor.get(0);
        running.put("orgOnlyField", 7);
        running.remove("taskName");
        running.put("startTime", "2026-07-01T08:00:00.000-0400");
        monitorContent.put("text", monitor.toString());
        // And answers the log with a 500 where the emulator answers 200.
        ObjectNode logResponse = (ObjectNode) entries.get(3).path("response");
        logResponse.put("status", 500);

        ComparisonReport report = compare(har);
        List<String> lines = report.differences().stream().map(Difference::line).toList();
        assertThat(lines).contains(
                "GET /saas/api/v2/activity/activityMonitor [].orgOnlyField: missing in the emulator's answer (org: integer)",
                "GET /saas/api/v2/activity/activityMonitor [].taskName: only in the emulator's answer (text)",
                "GET /saas/api/v2/activity/activityMonitor [].startTime: org time-offset, emulator time-utc-z",
                "GET /saas/api/v2/activity/activityLog: the org answered HTTP 500, the emulator HTTP 200");
        assertThat(lines).hasSize(4);
        StringWriter out = new StringWriter();
        report.print(new PrintWriter(out));
        assertThat(out.toString()).endsWith("4 exchange(s) compared, 0 skipped, 4 difference(s)" + System.lineSeparator());
    }

    @Test
    void aFileThatIsNoHarIsRefusedWithItsName() throws Exception {
        Path bad = dir.resolve("bad.har");
        Files.writeString(bad, "{\"entries\":[]}");
        assertThatThrownBy(() -> HarReader.read(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.har is not a HAR file");
        assertThatThrownBy(() -> HarReader.read(dir.resolve("none.har"))).hasMessageContaining("no such file");
    }

    @Test
    void tokenLoginsAreSkippedWithTheReason() throws Exception {
        ObjectNode har = Api.JSON.createObjectNode();
        ObjectNode request = har.putObject("log").putArray("entries").addObject().putObject("request");
        request.put("method", "POST").put("url", "https://dm-us.example.com/ma/api/v2/user/loginOAuth");
        JsonNode unused = request.putArray("headers");
        ComparisonReport report = compare(har);
        assertThat(report.compared()).isZero();
        assertThat(report.skipped()).singleElement().asString().contains("loginOAuth").contains("cannot be replayed");
        assertThat(unused).isEmpty();
    }
}
