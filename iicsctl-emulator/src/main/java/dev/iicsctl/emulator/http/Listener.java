package dev.iicsctl.emulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/** One HTTP (or HTTPS) listener on 127.0.0.1 (the login host or the pod host). */
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

    private Listener(HttpServer server, boolean https) {
        this.server = server;
        this.url = URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
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
        return start(port, handler, executor, null);
    }

    /**
     * Binds and starts a listener, speaking TLS with {@code tls} unless it is null.
     *
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static Listener start(int port, HttpHandler handler, Executor executor, SSLContext tls) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(address, BACKLOG);
            } else {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return new Listener(server, tls != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another port or 0 for a free one", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://...}. */
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
