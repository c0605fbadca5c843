package dev.iicsctl.client.support;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up most client tests share: an emulator for the test class and, for each test, a client against it
 * built with {@link TestCatalog#client}. The emulator is started before the class's tests, reset before each test
 * (runs, sessions, request counts and fault rules are forgotten) and closed after them, as by
 * {@link EmulatorExtension}; the client is built when a test first asks for it and closed after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML);
 *
 * private final IicsClient iics = IICS.client();
 *
 * @Test
 * void ... {
 *     IICS.emulator().addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 503).times(3));
 *     ... iics.monitor().running() ...
 *     assertThat(IICS.emulator().requests().count("GET /saas/api/v2/activity/activityMonitor")).isEqualTo(4);
 * }
 * }</pre>
 *
 * <p>On {@link #onVirtualTime virtual time} the emulator reads the time's clock and the client sleeps on it. The
 * client's HTTP trace lines of the current test are in {@link #trace()}. Tests run one at a time in a class.
 */
public final class EmulatedIics implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final EmulatorExtension emulator;
    private final VirtualTime time;
    private final UnaryOperator<IicsClient.Builder> options;
    private final List<String> trace = new CopyOnWriteArrayList<>();
    private IicsClient client;

    private EmulatedIics(EmulatorExtension emulator, VirtualTime time, UnaryOperator<IicsClient.Builder> options) {
        this.emulator = emulator;
        this.time = time;
        this.options = options;
    }

    /** An emulator serving this YAML catalog, on the machine's clock. */
    public static EmulatedIics withCatalogYaml(String yaml) {
        return new EmulatedIics(EmulatorExtension.withCatalogYaml(yaml), null, UnaryOperator.identity());
    }

    /** An emulator built from a configured builder (a visibility delay, a session timeout...), on its clock. */
    public static EmulatedIics with(Emulator.Builder builder) {
        return new EmulatedIics(EmulatorExtension.with(builder), null, UnaryOperator.identity());
    }

    /** An emulator serving this YAML catalog on {@code time}'s clock, and clients whose waits move that time. */
    public static EmulatedIics onVirtualTime(VirtualTime time, String yaml) {
        return onVirtualTime(time, Emulator.builder().catalogYaml(yaml));
    }

    /** An emulator built from {@code builder} on {@code time}'s clock, and clients whose waits move that time. */
    public static EmulatedIics onVirtualTime(VirtualTime time, Emulator.Builder builder) {
        Objects.requireNonNull(time, "time");
        return new EmulatedIics(EmulatorExtension.with(builder.clock(time.clock())), time, UnaryOperator.identity());
    }

    /**
     * @param clientOptions what the tests' client has besides {@link TestCatalog#client}'s settings
     * @return this set-up, with clients built so
     */
    public EmulatedIics client(UnaryOperator<IicsClient.Builder> clientOptions) {
        Objects.requireNonNull(clientOptions, "clientOptions");
        return new EmulatedIics(emulator, time, clientOptions);
    }

    /** The running emulator, for fault rules and the ground truth ({@code runs()}, {@code requests()}). */
    public Emulator emulator() {
        return emulator.get();
    }

    /** The current test's client, built at the first call of the test and closed after it. */
    public IicsClient client() {
        if (client == null) {
            client = builder().build();
        }
        return client;
    }

    /**
     * A builder as the one of {@link #client()}, for a test that needs a second client or other settings; the test
     * closes what it builds.
     */
    public IicsClient.Builder builder() {
        IicsClient.Builder b = TestCatalog.client(emulator().loginUrl()).traceListener(trace::add);
        return options.apply(time == null ? b : time.drive(b));
    }

    /** The HTTP trace lines of the current test's clients, in order. */
    public List<String> trace() {
        return trace;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        trace.clear();
        if (client != null) {
            IicsClient c = client;
            client = null;
            c.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.afterAll(context);
    }
}
