package dev.iicsctl.cli.connect;

import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;

/**
 * A client for one command. Closing it saves the session in the cache, or, with {@code --no-session-cache}, logs
 * the session out so that none is left behind.
 */
public final class Connection implements AutoCloseable {
    private final IicsClient client;
    private final ConnectionSettings settings;
    private final boolean logoutAtClose;

    Connection(IicsClient client, ConnectionSettings settings, boolean logoutAtClose) {
        this.client = client;
        this.settings = settings;
        this.logoutAtClose = logoutAtClose;
    }

    public IicsClient client() {
        return client;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            if (logoutAtClose && client.auth().current().isPresent()) {
                client.auth().logout();
            }
        } catch (IicsException e) {
            // the session ends by itself after 30 minutes idle; nothing else to do
        } finally {
            client.close();
        }
    }
}
