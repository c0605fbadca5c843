package dev.iicsctl.client;

import dev.iicsctl.client.internal.time.TimeSource;

/**
 * The test's way into the client's package-private time seam ({@code IicsClient.Builder#time}), which is not
 * public API: tests in other packages install a {@link dev.iicsctl.client.support.VirtualTime} through here.
 */
public final class TestTime {

    private TestTime() {
    }

    /**
     * @param client a client builder
     * @param time the time to install
     * @return the builder
     */
    public static IicsClient.Builder install(IicsClient.Builder client, TimeSource time) {
        return client.time(time);
    }
}
