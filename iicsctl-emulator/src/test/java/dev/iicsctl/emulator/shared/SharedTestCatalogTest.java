package dev.iicsctl.emulator.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The test catalog the client's and the command line's tests share (published in this module's test jar): it is
 * checked here, where it lives, so that a broken edit fails the emulator's build before either module runs.
 */
class SharedTestCatalogTest {

    private static String read() throws IOException {
        try (InputStream in = SharedTestCatalogTest.class.getResourceAsStream("test-catalog.yaml")) {
            assertThat(in).as("test-catalog.yaml next to this test").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsAsACatalog() throws IOException {
        Catalog catalog = Catalog.fromYaml(read());
        assertThat(catalog.users()).extracting(u -> u.username()).containsExactly("demo@example.com");
        assertThat(catalog.taskByPath("Sales/Load Orders")).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo("0100000Z00000000001N");
            assertThat(t.federatedId()).isEqualTo("4JzMQBmn5YWbX1CCECivWK");
        });
        assertThat(catalog.taskflows()).isNotEmpty();
    }

    @Test
    void keepsItsSectionsInTheOrderTheClientTestsSplitThemAt() throws IOException {
        // The client's tests take the part before "taskflows:" as a catalog of tasks only, and append to each part.
        String yaml = read();
        int tasks = yaml.indexOf("\ntasks:\n");
        int taskflows = yaml.indexOf("\ntaskflows:\n");
        assertThat(yaml.indexOf("\nusers:\n")).isNotNegative().isLessThan(tasks);
        assertThat(taskflows).isGreaterThan(tasks);
        assertThat(Catalog.fromYaml(yaml.substring(0, taskflows + 1)).taskflows()).isEmpty();
        assertThat(yaml).endsWith("\n");
    }
}
