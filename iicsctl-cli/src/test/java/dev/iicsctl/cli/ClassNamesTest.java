package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two classes of the product (client, emulator, command line, bundle, benchmarks) share a simple name: the
 * command line and the tests import from both libraries, and two classes of one name there mean a qualified
 * name in the code, or the wrong class imported.
 */
class ClassNamesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).flatMap(dir -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(f -> !f.getFileName().toString().matches("(module|package)-info\\.java")).toList();
        }
    }

    @Test
    void noTwoMainClassesShareASimpleName() throws IOException {
        Map<String, List<String>> byName = mainSources().stream().collect(Collectors.groupingBy(
                f -> f.getFileName().toString().replaceFirst("\\.java$", ""), TreeMap::new,
                Collectors.mapping(f -> ROOT.relativize(f).toString(), Collectors.toList())));
        assertThat(byName.values()).as("the command line's own sources are found")
                .anyMatch(paths -> paths.stream().anyMatch(p -> p.startsWith("iicsctl-cli/")));
        Map<String, List<String>> clashes = new TreeMap<>(byName);
        clashes.values().removeIf(paths -> paths.size() < 2);
        assertThat(clashes).isEmpty();
    }
}
