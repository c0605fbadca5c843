package dev.iicsctl.client.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor exports every API package and no {@code internal} one. The tests themselves run
 * on the class path (surefire's {@code useModulePath} is off in this module's POM), so this test reads the
 * descriptor the build produced rather than relying on the test run to exercise it.
 */
class ModuleDescriptorTest {
    private static final Path CLASSES = Paths.get("target", "classes");

    @Test
    void exportsExactlyThePackagesOutsideInternal() throws IOException {
        ModuleDescriptor descriptor = descriptor();
        Set<String> exported = descriptor.exports().stream().map(Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(descriptor.name()).isEqualTo("dev.iicsctl.client");
        assertThat(exported).isEqualTo(apiPackages());
        assertThat(exported).noneMatch(name -> name.contains(".internal"));
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void requiresOnlyTheLibrariesTheClientUses() throws IOException {
        Set<String> required = descriptor().requires().stream().map(Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(required).containsExactly(
                "com.fasterxml.jackson.databind", "java.base", "java.net.http", "org.slf4j");
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** Every package holding a compiled class, less the implementation's. */
    private static Set<String> apiPackages() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> CLASSES.relativize(f.getParent()).toString())
                    .filter(dir -> !dir.isEmpty())   // module-info.class itself
                    .map(dir -> dir.replace(java.io.File.separatorChar, '.'))
                    .filter(name -> !name.contains(".internal"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
