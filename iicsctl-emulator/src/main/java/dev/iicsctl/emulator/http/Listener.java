package dev.iicsctl.emulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executor;

/** One HTTP listener on 127.0.0.1 (the login host or the pod host). */
public final class Listener implements AutoCloseable {
    private static final int BACKLOG = 1024;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm and delayed ACKs
        // every keep-alive answer then waits ~40 ms. TCP_NODELAY is read once, when the server classes load.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final URI url;

    private Listener(HttpServer server) {
        this.server = server;
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Binds and starts a listener.
     *
     * @param port     the port, 0 for an ephemeral one
     * @param handler  answers every request
     * @param executor the bounded pool that runs the handler
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static Listener start(int port, HttpHandler handler, Executor executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return new Listener(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another port or 0 for a free one", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
