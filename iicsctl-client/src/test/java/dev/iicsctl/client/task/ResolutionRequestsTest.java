package dev.iicsctl.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many requests a resolution costs, counted by the emulator: a path without a type is one lookup, a name at
 * most two requests, whatever the answer's order or the not-found entries in it.
 */
@Timeout(60)
class ResolutionRequestsTest {

    private static final String LOOKUP = "POST /saas/public/core/v3/lookup";
    private static final String OBJECTS = "GET /saas/public/core/v3/objects";
    private static final String LOGIN = "POST /ma/api/v2/user/login";

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML + """
              - path: Ops/Slow Batch
                type: DRS
                federatedId: 9SlowBatchFederatedId1
                run: {duration: 2s, outcome: success}
              - path: Other/Slow Batch Twin
                type: PCS
                run: {duration: 200ms, outcome: success}
              - path: Other/Load Orders
                type: DSS
                run: {duration: 200ms, outcome: success}
            """);

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    @BeforeEach
    void setUp() {
        iics.auth().session(); // the login is not what is counted
    }

    private long resolutionRequests() {
        return emulator.requests().count(LOOKUP) + emulator.requests().count(OBJECTS);
    }

    @Test
    void aPathWithoutATypeIsOneLookup() {
        TaskRef task = iics.tasks().resolve("Ops/Slow Batch");
        assertThat(task.type()).isEqualTo(TaskType.DRS);
        assertThat(task.federatedId()).isEqualTo("9SlowBatchFederatedId1");
        assertThat(task.name()).isEqualTo("Slow Batch");
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
        assertThat(emulator.requests().count(OBJECTS)).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }

    @Test
    void aPathWithoutATypeThatDoesNotExistIsOneLookupToo() {
        assertThatThrownBy(() -> iics.tasks().resolve("Ops/No Such Batch"))
                .isInstanceOf(TaskNotFoundException.class)
                .satisfies(e -> assertThat(((TaskNotFoundException) e).reason())
                        .isEqualTo(TaskNotFoundException.Reason.NOT_FOUND));
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
    }

    @Test
    void aTypedPathIsOneLookup() {
        assertThat(iics.tasks().resolve("Sales/Load Orders", TaskType.MTT).federatedId())
                .isEqualTo(TestCatalog.ORDERS_FID);
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
    }

    @Test
    void aNameIsAtMostTwoRequests() {
        TaskRef task = iics.tasks().resolve("Slow Batch");
        assertThat(task.path()).isEqualTo("Ops/Slow Batch");
        assertThat(task.type()).isEqualTo(TaskType.DRS);
        assertThat(resolutionRequests()).isLessThanOrEqualTo(2);
    }

    @Test
    void aNameOfTwoTypesIsStillAmbiguousInAtMostTwoRequests() {
        assertThatThrownBy(() -> iics.tasks().resolve("Load Orders"))
                .isInstanceOf(TaskNotFoundException.class)
                .satisfies(e -> assertThat(((TaskNotFoundException) e).matches()).extracting(TaskRef::path)
                        .containsExactlyInAnyOrder("Sales/Load Orders", "Finance/Load Orders", "Other/Load Orders"));
        assertThat(resolutionRequests()).isLessThanOrEqualTo(2);
    }

    @Test
    void aNameIsStillFoundWhenTheServerRefusesTheTypeFilterOfSeveralTypes() {
        emulator.addFault(FaultRule.status("GET", "/saas/public/core/v3/objects", 400).times(1));
        TaskRef task = iics.tasks().resolve("Slow Batch Twin");
        assertThat(task.type()).isEqualTo(TaskType.PCS);
        assertThat(emulator.requests().count(OBJECTS)).isEqualTo(2);
        assertThat(emulator.requests().count(LOOKUP)).isZero();
    }

    @Test
    void theSamePathAsTwoTypesIsAmbiguousWhateverTheOrderOfTheAnswer() {
        // The emulator's catalog keeps paths unique; a real org's answer is given here, out of order, with
        // not-found entries as error objects and as entries without an id.
        emulator.addFault(FaultRule.status("POST", "/saas/public/core/v3/lookup", 200, "application/json",
                "{\"objects\":["
                        + "{\"path\":\"Ops/Twin\",\"type\":\"DRS\",\"error\":{\"code\":\"NOT_FOUND\"}},"
                        + "{\"id\":\"TwinAsDss000000000001\",\"path\":\"Ops/Twin\",\"type\":\"DSS\"},"
                        + "{\"path\":\"Ops/Twin\",\"type\":\"PCS\"},"
                        + "{\"id\":\"TwinAsMtt000000000001\",\"path\":\"Ops/Twin\",\"type\":\"MTT\"}]}").times(1));
        assertThatThrownBy(() -> iics.tasks().resolve("Ops/Twin"))
                .isInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("Ops/Twin (DSS)")
                .hasMessageContaining("Ops/Twin (MTT)")
                .satisfies(e -> assertThat(((TaskNotFoundException) e).reason())
                        .isEqualTo(TaskNotFoundException.Reason.AMBIGUOUS));
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
    }

    @Test
    void anAnswerWithOnlySomeEntriesStillFindsTheTask() {
        // A server that leaves not-found objects out of its answer.
        emulator.addFault(FaultRule.status("POST", "/saas/public/core/v3/lookup", 200, "application/json",
                "{\"objects\":[{\"id\":\"9SlowBatchFederatedId1\",\"path\":\"Ops/Slow Batch\","
                        + "\"type\":\"DRS\"}]}").times(1));
        assertThat(iics.tasks().resolve("Ops/Slow Batch").type()).isEqualTo(TaskType.DRS);
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
    }
}
