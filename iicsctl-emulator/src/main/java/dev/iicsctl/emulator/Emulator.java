package dev.iicsctl.emulator;

import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.fault.FaultRules;
import dev.iicsctl.emulator.http.LoopbackTls;
import dev.iicsctl.emulator.id.IdGenerator;
import dev.iicsctl.emulator.session.SessionType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A local stand-in for the IICS REST API with two listeners on 127.0.0.1: the login host and the pod host.
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.builder().catalogYaml(yaml).build().start()) {
 *     URI login = emu.loginUrl();   // POST {login}/ma/api/v2/user/login, then use the serverUrl it returns
 *     ...
 *     assertThat(emu.runs()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@link #start()} once (again is a no-op); {@link #close()} is safe twice; start after close fails.
 */
public final class Emulator implements AutoCloseable {
    /** The emulator version, sent in the {@code X-Iics-Emulator} header of every answer. */
    public static final String VERSION = Version.read();
    /** User name of the demo catalog. */
    public static final String DEMO_USERNAME = "demo@example.com";
    /** Password of the demo catalog. */
    public static final String DEMO_PASSWORD = "demo-password";

    private enum State { NEW, STARTED, CLOSED }

    private final EmulatorSettings settings;
    private final RequestLog requests = new RequestLog();
    private final IdGenerator ids;
    private final FaultRules faults;
    private State state = State.NEW;
    private EmulatorServer server;

    private Emulator(EmulatorSettings settings) {
        this.settings = settings;
        this.ids = new IdGenerator(settings.seed());
        this.faults = new FaultRules(ids::nextDouble);
    }

    /** A builder with the defaults: demo catalog, ephemeral ports, 30 min session timeout, 500 ms visibility delay. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds both listeners and starts serving. Calling it again while started does nothing.
     *
     * @return this emulator
     * @throws IllegalStateException when the emulator was closed
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public synchronized Emulator start() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("this emulator was closed and cannot be restarted; build a new one with Emulator.builder()");
        }
        if (state == State.NEW) {
            server = new EmulatorServer(this, settings, requests, faults, ids);
            state = State.STARTED;
        }
        return this;
    }

    /** The login host, e.g. {@code http://127.0.0.1:41234}. @throws IllegalStateException before start */
    public URI loginUrl() {
        return running().loginUrl();
    }

    /** The pod host, e.g. {@code http://127.0.0.1:41235} (login answers with {@code <podUrl>/saas}). */
    public URI podUrl() {
        return running().podUrl();
    }

    /** The catalog served. */
    public Catalog catalog() {
        return settings.catalog();
    }

    /** Forgets runs, sessions, request counts and fault rules; keeps the catalog. */
    public void reset() {
        running().reset();
        requests.clear();
        faults.clear();
    }

    /** Ends every session now; the next call with an old session id gets 401. */
    public void expireSessions() {
        running().expireSessions();
    }

    /** Every run the emulator knows, in start order (the ground truth of {@code GET /_emulator/runs}). */
    public List<EmulatedRun> runs() {
        return running().runs();
    }

    /**
     * The runs of the task or taskflow at {@code path}, in start order: {@link #runs()} narrowed to one path, for
     * tests that check how often the code under test started it.
     */
    public List<EmulatedRun> runsOf(String path) {
        Objects.requireNonNull(path, "path");
        return runs().stream().filter(r -> r.taskPath().equals(path)).toList();
    }

    /**
     * Waits until a run of the task or taskflow at {@code path} is in one of {@code states} (any state when none is
     * given), as the emulator's own run engines see it: no client, no HTTP. For tests that start a run through the
     * code under test and must wait for it, e.g. {@code awaitRun("Sales/Load Orders", Duration.ofSeconds(30), "RUNNING")}.
     *
     * @param states QUEUED, RUNNING, STOPPING, SUCCEEDED, WARNING, FAILED, STOPPED or SUSPENDED
     * @return the first such run, in start order
     * @throws IllegalStateException when no such run appears within {@code timeout} (naming the runs of the path it
     *                               saw) or the waiting thread is interrupted (its interrupt flag is kept)
     */
    public EmulatedRun awaitRun(String path, Duration timeout, String... states) {
        Objects.requireNonNull(path, "path");
        List<String> wanted = List.of(states);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<EmulatedRun> ofPath = runsOf(path);
            for (EmulatedRun run : ofPath) {
                if (wanted.isEmpty() || wanted.contains(run.state())) {
                    return run;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("no run of " + path + " in " + (wanted.isEmpty() ? "any state" : wanted)
                        + " within " + timeout + "; runs of it: " + ofPath.stream().map(EmulatedRun::state).toList());
            }
            try {
                Thread.sleep(10); // run states are computed from the clock when read: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a run of " + path, e);
            }
        }
    }

    /**
     * The certificate an emulator built with {@link Builder#https()} serves, in PEM: the CA file a client must be
     * given to trust it. The same for every emulator (it is shipped in the jar, and public).
     */
    public static String certificatePem() {
        return LoopbackTls.certificatePem();
    }

    /** The request log: counts per route and recent requests. */
    public RequestLog requests() {
        return requests;
    }

    /** Adds a fault rule; it applies to API calls (never to the control API). */
    public void addFault(FaultRule rule) {
        faults.add(Objects.requireNonNull(rule, "rule"));
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        faults.clear();
    }

    /** Stops both listeners. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (state == State.STARTED) {
            server.close();
        }
        state = State.CLOSED;
    }

    private synchronized EmulatorServer running() {
        if (state != State.STARTED) {
            throw new IllegalStateException(state == State.NEW ? "the emulator is not started; call start() first"
                    : "the emulator is closed");
        }
        return server;
    }

    @Override
    public synchronized String toString() {
        return "Emulator[" + (state == State.STARTED ? "login=" + server.loginUrl() + ", pod=" + server.podUrl()
                : state.name().toLowerCase(Locale.ROOT)) + ", " + settings.catalog() + "]";
    }

    /** Configures an {@link Emulator}; {@link #build()} checks the values. */
    public static final class Builder {
        private Catalog catalog;
        private String catalogYaml;
        private Path catalogFile;
        private int port;
        private int podPort;
        private Duration sessionTimeout = Duration.ofMinutes(30);
        private Duration latency = Duration.ZERO;
        private Duration loginLatency;
        private Duration visibilityDelay = Duration.ofMillis(500);
        private Long seed;
        private Clock clock = Clock.systemUTC();
        private SessionType sessionType = SessionType.OPAQUE;
        private Duration jwtLifetime = Duration.ofMinutes(30);
        private boolean utcTimes = true;
        private boolean https;

        private Builder() {}

        /** Serve this catalog (default: {@link Catalog#demo()}). */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Serve the catalog in this YAML text (validated by {@link #build()}). */
        public Builder catalogYaml(String yaml) {
            this.catalogYaml = Objects.requireNonNull(yaml, "yaml");
            return this;
        }

        /** Serve the catalog in this YAML file (read by {@link #build()}). */
        public Builder catalogFile(Path file) {
            this.catalogFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** The login host's port; 0 (default) = ephemeral. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The pod host's port; 0 (default) = ephemeral. */
        public Builder podPort(int podPort) {
            this.podPort = podPort;
            return this;
        }

        /** Idle time after which a session expires (default 30 minutes). */
        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Added to every API answer (default none). */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** Added to login answers instead of {@link #latency(Duration)} (default: the same as latency). */
        public Builder loginLatency(Duration loginLatency) {
            this.loginLatency = Objects.requireNonNull(loginLatency, "loginLatency");
            return this;
        }

        /** The window after a start in which the run is in neither the monitor nor the log (default 500 ms). */
        public Builder visibilityDelay(Duration delay) {
            this.visibilityDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Makes generated ids (sessions, taskflow runs) and fault probabilities reproducible. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The org's authentication type (default {@link SessionType#OPAQUE}): with {@link SessionType#JWT} the
         * logins hand out JWT session ids that expire {@link #jwtLifetime(Duration)} after login, used or not.
         */
        public Builder sessionType(SessionType type) {
            this.sessionType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The fixed lifetime of JWT sessions (default 30 minutes, as IICS's default token expiry). */
        public Builder jwtLifetime(Duration lifetime) {
            this.jwtLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** The clock run states are computed from (default: system UTC); for tests that control time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether activity log entries carry {@code startTimeUtc}/{@code endTimeUtc} (default true). Some entries
         * of real orgs (data replication tasks) have only the Eastern {@code startTime}/{@code endTime}, which
         * name two instants in the repeated hour of the autumn change; {@code false} serves every entry so.
         */
        public Builder utcTimes(boolean send) {
            this.utcTimes = send;
            return this;
        }

        /**
         * Serve HTTPS instead of HTTP on both hosts, with a self-signed certificate for {@code 127.0.0.1} that the
         * emulator ships ({@link Emulator#certificatePem()}): for tests of TLS trust, as behind a TLS gateway.
         */
        public Builder https() {
            this.https = true;
            return this;
        }

        /**
         * Checks the configuration and loads the catalog.
         *
         * @throws IllegalArgumentException naming the bad value
         * @throws dev.iicsctl.emulator.catalog.CatalogException when the catalog is invalid or unreadable
         */
        public Emulator build() {
            checkPort(port, "port");
            checkPort(podPort, "pod port");
            if (sessionTimeout.isZero() || sessionTimeout.isNegative()) {
                throw new IllegalArgumentException("the session timeout must be positive, not " + sessionTimeout);
            }
            if (jwtLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the JWT lifetime must be at least 1s, not " + jwtLifetime);
            }
            for (Duration d : new Duration[] {latency, visibilityDelay, loginLatency == null ? Duration.ZERO : loginLatency}) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("durations must not be negative, not " + d);
                }
            }
            Catalog c = catalog != null ? catalog
                    : catalogYaml != null ? Catalog.fromYaml(catalogYaml)
                    : catalogFile != null ? Catalog.fromFile(catalogFile)
                    : Catalog.demo();
            return new Emulator(new EmulatorSettings(c, port, podPort, sessionTimeout, latency, loginLatency,
                    visibilityDelay, seed, clock, sessionType, jwtLifetime, utcTimes, https));
        }

        private static void checkPort(int p, String name) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("the " + name + " must be between 0 and 65535, not " + p);
            }
        }
    }
}
