package dev.iicsctl.cli.connect;

import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * A client for one command. Closing it saves the session in the cache, or, with {@code --no-session-cache}, logs
 * the session out so that none is left behind.
 */
public final class Connection implements AutoCloseable {
    private final IicsClient client;
    private final ConnectionSettings settings;
    private final boolean logoutAtClose;
    private final PrintWriter err;

    Connection(IicsClient client, ConnectionSettings settings, boolean logoutAtClose, PrintWriter err) {
        this.client = client;
        this.settings = settings;
        this.logoutAtClose = logoutAtClose;
        this.err = err;
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
            close(client, err);
        }
    }

    /**
     * Closes a client; a trace file that cannot be written is one warning line, never a changed exit code.
     *
     * @param client the client
     * @param err where the warning goes
     */
    public static void close(IicsClient client, PrintWriter err) {
        try {
            client.close();
        } catch (UncheckedIOException e) {
            synchronized (err) {
                err.println("iicsctl: warning: " + e.getMessage());
                err.flush();
            }
        }
    }
}
