package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PodHostsTest {

    @Test
    void everyDocumentedShortNameBecomesAnHttpsLoginUrl() {
        assertThat(PodHosts.SHORT_NAMES).hasSize(12);
        for (String name : PodHosts.SHORT_NAMES) {
            assertThat(PodHosts.resolve(name)).isEqualTo(URI.create("https://" + name + ".informaticacloud.com"));
        }
        assertThat(PodHosts.resolve("DM1-APAU")).isEqualTo(URI.create("https://dm1-apau.informaticacloud.com"));
    }

    @Test
    void fullUrlsAreKeptWithoutTrailingSlash() {
        assertThat(PodHosts.resolve("https://dm-us.informaticacloud.com/"))
                .isEqualTo(URI.create("https://dm-us.informaticacloud.com"));
        assertThat(PodHosts.resolve("http://127.0.0.1:8080")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void unknownShortNameListsTheValidOnes() {
        assertThatThrownBy(() -> PodHosts.resolve("dm-eu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown pod short name 'dm-eu'")
                .hasMessageContaining("dm-us, dm1-us, dm2-us, dm-na, dm-ap, dm1-apse, dm1-ap, dm-apne, dm1-apau, dm-em, dm1-em, dm-uk");
    }

    @Test
    void nonHttpUrlIsRefused() {
        assertThatThrownBy(() -> PodHosts.resolve("ftp://dm-us.informaticacloud.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> PodHosts.resolve(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("login URL is missing");
    }
}
