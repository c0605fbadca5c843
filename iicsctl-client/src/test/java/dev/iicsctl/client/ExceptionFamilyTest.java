package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of exceptions in {@link IicsException}'s Javadoc and in docs/library.md cannot drift from the code. */
class ExceptionFamilyTest {

    @Test
    void everyPublicSubtypeIsListedInTheJavadocAndTheLibraryGuide() throws Exception {
        List<Class<?>> family = publicSubtypes();
        assertThat(family).as("the family as found in the classes")
                .contains(IicsApiException.class, WaitTimeoutException.class, RunTimeoutException.class,
                        dev.iicsctl.client.taskflow.TaskflowTimeoutException.class);

        String javadoc = Files.readString(Path.of("src/main/java/dev/iicsctl/client/IicsException.java"));
        javadoc = javadoc.substring(0, javadoc.indexOf("public abstract class IicsException"));
        String guide = Files.readString(Path.of("../docs/library.md"));
        guide = guide.substring(guide.indexOf("## Errors"));
        for (Class<?> type : family) {
            assertThat(Pattern.compile("\\{@link (" + Pattern.quote(type.getPackageName()) + "\\.)?"
                    + type.getSimpleName() + "}").matcher(javadoc).find())
                    .as(type.getName() + " is listed in the Javadoc of IicsException").isTrue();
            assertThat(guide).as(type.getSimpleName() + " is in the Errors section of docs/library.md")
                    .contains("`" + type.getSimpleName() + "`");
        }
    }

    /** The public subtypes of {@link IicsException} outside the internal packages, read from the built classes. */
    private static List<Class<?>> publicSubtypes() throws Exception {
        URI location = IicsException.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            return subtypes(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
            return subtypes(jar.getPath("/"));
        }
    }

    private static List<Class<?>> subtypes(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.contains("module-info"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.contains(".internal."))
                    .toList();
            ClassLoader loader = IicsException.class.getClassLoader();
            List<Class<?>> found = new java.util.ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (type != IicsException.class && IicsException.class.isAssignableFrom(type)
                        && Modifier.isPublic(type.getModifiers())) {
                    found.add(type);
                }
            }
            return found;
        }
    }
}
