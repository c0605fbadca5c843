package dev.iicsctl.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loopback is decided from the address, never from how a host name begins. */
class PlainHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.10.2", "[::1]", "::1",
        "[0:0:0:0:0:0:0:1]"})
    void loopbackAddressesAndLocalhostAreLoopback(String host) {
        assertThat(PlainHttp.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.evil.example.com", "127.0.0.1.nip.io", "127.0.0.1.", "127.0.0.256", "127.1",
        "localhost.example.com", "10.0.0.1", "[::2]", "0177.0.0.1", "", "127..0.1"})
    void namesAndOtherAddressesAreNot(String host) {
        assertThat(PlainHttp.isLoopback(host)).isFalse();
    }

    @Test
    void plainHttpToANameThatLooksLikeLoopbackMayNotCarrySecrets() {
        assertThat(PlainHttp.maySendSecrets(URI.create("http://127.attacker.example/saas"), false)).isFalse();
        assertThat(PlainHttp.maySendSecrets(URI.create("http://127.0.0.1:8080/saas"), false)).isTrue();
        assertThat(PlainHttp.maySendSecrets(URI.create("https://127.attacker.example/saas"), false)).isTrue();
    }
}
