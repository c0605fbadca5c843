package dev.iicsctl.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class TaskServiceTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML);

    private final IicsClient iics = IICS.client();

    @Test
    void resolvesAPathWithAndWithoutType() {
        TaskRef typed = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
        assertThat(typed.federatedId()).isEqualTo(TestCatalog.ORDERS_FID);
        assertThat(typed.name()).isEqualTo("Load Orders");
        assertThat(typed.path()).isEqualTo("Sales/Load Orders");
        assertThat(typed.type()).isEqualTo(TaskType.MTT);
        TaskRef untyped = iics.tasks().resolve("Sales/Load Orders");
        assertThat(untyped.federatedId()).isEqualTo(TestCatalog.ORDERS_FID);
        assertThat(untyped.type()).isEqualTo(TaskType.MTT);
        assertThat(iics.tasks().resolve("Nightly/Linear Load").type()).isEqualTo(TaskType.WORKFLOW);
    }

    @Test
    void aPathThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> iics.tasks().resolve("Sales/No Such Task", TaskType.MTT))
                .isInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("Sales/No Such Task")
                .satisfies(e -> assertThat(((TaskNotFoundException) e).reason())
                        .isEqualTo(TaskNotFoundException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> iics.tasks().resolve("Sales/Load Orders", TaskType.DSS))
                .isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void resolvesAUniqueBareName() {
        TaskRef t = iics.tasks().resolve("Sync Accounts");
        assertThat(t.path()).isEqualTo("Default/Sync Accounts");
        assertThat(t.type()).isEqualTo(TaskType.DSS);
        assertThat(t.federatedId()).isNotBlank();
    }

    @Test
    void anAmbiguousNameListsEveryMatchWithItsPath() {
        assertThatThrownBy(() -> iics.tasks().resolve("Load Orders"))
                .isInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("Sales/Load Orders (MTT)")
                .hasMessageContaining("Finance/Load Orders (MTT)")
                .satisfies(e -> {
                    TaskNotFoundException t = (TaskNotFoundException) e;
                    assertThat(t.reason()).isEqualTo(TaskNotFoundException.Reason.AMBIGUOUS);
                    assertThat(t.matches()).extracting(TaskRef::path)
                            .containsExactlyInAnyOrder("Sales/Load Orders", "Finance/Load Orders");
                });
        assertThatThrownBy(() -> iics.tasks().resolve("Nothing Like This"))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("no task with name");
    }

    @Test
    void resolvesAFederatedId() {
        TaskRef t = iics.tasks().byFederatedId(TestCatalog.ORDERS_FID, null);
        assertThat(t.path()).isEqualTo("Sales/Load Orders");
        assertThat(t.type()).isEqualTo(TaskType.MTT);
        assertThatThrownBy(() -> iics.tasks().byFederatedId("0000000000000000000000", null))
                .isInstanceOf(TaskNotFoundException.class);
        assertThatThrownBy(() -> iics.tasks().byFederatedId(TestCatalog.ORDERS_FID, TaskType.DSS))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("not a DSS");
    }

    @Test
    void byIdNeedsATypeAndMakesNoCall() {
        assertThat(iics.tasks().byId(TestCatalog.ORDERS_ID, TaskType.MTT))
                .isEqualTo(TaskRef.ofId(TestCatalog.ORDERS_ID, TaskType.MTT));
        assertThatThrownBy(() -> iics.tasks().byId(TestCatalog.ORDERS_ID, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsByTypeAndLocation() {
        assertThat(iics.tasks().list(TaskType.MTT, null)).extracting(TaskRef::path)
                .containsExactly("Finance/Load Orders", "Finance/Post Invoices", "Sales/Load Customers",
                        "Sales/Load Orders", "Sales/Load Returns", "Sales/Long Load", "Sales/Slow Load");
        assertThat(iics.tasks().list(null, "Sales")).extracting(TaskRef::path)
                .containsExactly("Sales/Load Customers", "Sales/Load Orders", "Sales/Load Returns", "Sales/Long Load",
                        "Sales/Nightly", "Sales/Nightly Close", "Sales/Nightly Returns", "Sales/Nightly Slow",
                        "Sales/Slow Load");
        assertThat(iics.tasks().list(null, null)).extracting(TaskRef::path)
                .contains("Default/Sync Accounts", "Nightly/Linear Load");
        assertThat(iics.tasks().list(TaskType.PCS, null)).isEmpty();
    }

    @Test
    void taskTypeParsesAnyCase() {
        assertThat(TaskType.parse("Workflow")).isEqualTo(TaskType.WORKFLOW);
        assertThat(TaskType.parse("mtt")).isEqualTo(TaskType.MTT);
        assertThatThrownBy(() -> TaskType.parse("FOLDER")).hasMessageContaining("MTT, DSS");
    }
}
