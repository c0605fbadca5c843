package dev.iicsctl.cli.completion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The task paths of the last {@code tasks} listing, one per line in {@code iicsctl/task-paths} of the cache
 * directory (next to the session cache), for shell completion to offer without a network call.
 */
public final class TaskPathCache {
    /** The file name, as the completion scripts read it. */
    public static final String FILE = "task-paths";

    private final Path file;

    /** @param cacheHome {@code $XDG_CACHE_HOME} or {@code ~/.cache} */
    public TaskPathCache(Path cacheHome) {
        this.file = cacheHome.resolve("iicsctl").resolve(FILE);
    }

    /**
     * Replaces the remembered paths. A cache that cannot be written only means no completion of task paths, so
     * failures are ignored.
     */
    public void remember(List<String> paths) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                trySetOwnerOnly(tmp);
                Files.write(tmp, paths.stream().filter(p -> !p.contains("\n")).toList(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // completion of task paths is a convenience
        }
    }

    private static void trySetOwnerOnly(Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
