package dev.iicsctl.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml("""
            tasks:
              - {path: Sales/Load Orders, type: MTT, id: 0100000Z00000000001N, run: {duration: 200ms}}
            """);

    static URI firstLoginUrl;

    private static int startJob(Emulator emu) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var login = http.send(HttpRequest.newBuilder(URI.create(emu.loginUrl() + "/ma/api/v2/user/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String session = login.body().replaceAll(".*\"icSessionId\":\"([^\"]+)\".*", "$1");
        return http.send(HttpRequest.newBuilder(URI.create(emu.podUrl() + "/saas/api/v2/job"))
                .header("Content-Type", "application/json").header("icSessionId", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"taskId\":\"0100000Z00000000001N\",\"taskType\":\"MTT\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @Order(1)
    void startsBeforeTheTestsWithTheGivenCatalog() throws Exception {
        Emulator emu = EMULATOR.get();
        firstLoginUrl = emu.loginUrl();
        assertThat(emu.catalog().tasks()).singleElement().extracting(t -> t.path()).isEqualTo("Sales/Load Orders");
        assertThat(startJob(emu)).isEqualTo(200);
        assertThat(emu.runs()).hasSize(1);
    }

    @Test
    @Order(2)
    void resetsBeforeEachTestAndKeepsTheSameEmulator() {
        assertThat(EMULATOR.get().loginUrl()).isEqualTo(firstLoginUrl);
        assertThat(EMULATOR.get().runs()).isEmpty();
        assertThat(EMULATOR.get().requests().total()).isZero();
    }

    @Test
    @Order(3)
    void getOutsideTheClassLifetimeFailsClearly() {
        EmulatorExtension unused = EmulatorExtension.demo();
        assertThatThrownBy(unused::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("@RegisterExtension");
    }
}
