package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code iicsctl emulator --compare FILE.har}: exit 0 when the shapes match, 1 with a difference, 2 for a bad file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatorCompareTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    /** A one-entry trace of a v2 login, answered as the emulator answers it, with the session id replaced. */
    private ObjectNode loginTrace() throws Exception {
        String answer;
        try (Emulator emu = Emulator.builder().build().start()) {
            answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.loginUrl()
                    + "/ma/api/v2/user/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + Emulator.DEMO_USERNAME
                            + "\",\"password\":\"" + Emulator.DEMO_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        ObjectNode user = (ObjectNode) JSON.readTree(answer);
        user.put("icSessionId", "redacted-session-1");
        user.put("serverUrl", "https://usw3.dm-us.informaticacloud.com/saas");
        ObjectNode har = JSON.createObjectNode();
        ObjectNode entry = har.putObject("log").put("version", "1.2").putArray("entries").addObject();
        ObjectNode request = entry.putObject("request").put("method", "POST")
                .put("url", "https://dm-us.informaticacloud.com/ma/api/v2/user/login");
        request.putArray("headers").addObject().put("name", "Content-Type").put("value", "application/json");
        request.putObject("postData").put("mimeType", "application/json")
                .put("text", "{\"username\":\"redacted-user\",\"password\":\"redacted-password\"}");
        entry.putObject("response").put("status", 200).putObject("content")
                .put("mimeType", "application/json;charset=UTF-8").put("text", user.toString());
        return har;
    }

    @Test
    void aMatchingTraceIsExitZero() throws Exception {
        Path file = Files.writeString(home.resolve("org.har"), loginTrace().toString());
        CliRun.Result r = new CliRun(home).execute("emulator", "--compare", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 exchange(s) compared, 0 skipped, 0 difference(s)");
    }

    @Test
    void aPlantedDifferenceIsReportedAndExitOne() throws Exception {
        ObjectNode har = loginTrace();
        ObjectNode content = (ObjectNode) har.at("/log/entries/0/response/content");
        ObjectNode user = (ObjectNode) JSON.readTree(content.get("text").asText());
        user.put("orgOnlyFlag", true);
        user.put("orgId", 1234);
        content.put("text", user.toString());
        Path file = Files.writeString(home.resolve("org.har"), har.toString());
        CliRun.Result r = new CliRun(home).execute("emulator", "--compare", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("POST /ma/api/v2/user/login orgOnlyFlag: missing in the emulator's answer (org: boolean)")
                .contains("POST /ma/api/v2/user/login orgId: org integer, emulator base62-22")
                .contains("2 difference(s)");
    }

    @Test
    void aFileThatIsNoHarIsAUsageError() throws Exception {
        Path file = Files.writeString(home.resolve("notes.har"), "hello");
        CliRun.Result r = new CliRun(home).execute("emulator", "--compare", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("notes.har").contains("--trace-file").doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(1);
    }
}
