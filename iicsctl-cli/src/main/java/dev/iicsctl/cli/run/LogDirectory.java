package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code --logs-on-failure} directory: checked before anything starts, and the files saved into it named. */
public final class LogDirectory {
    private LogDirectory() {}

    /**
     * Creates the directory if needed and checks that it can be written, so that a bad one is exit 2 before the
     * job starts rather than a lost log after it failed.
     *
     * @throws CliException (exit 2) naming the directory and the fix
     */
    public static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.usage("--logs-on-failure " + dir + " is a file, not a directory: give a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CliException.usage("--logs-on-failure " + dir + " cannot be created (" + e.getMessage()
                    + "): give a directory you can write to");
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage("--logs-on-failure " + dir + " is not writable: give a directory you can "
                    + "write to");
        }
    }

    /** The note after saving: every file by name, or that there was none. */
    static String saved(List<Path> files, String what) {
        if (files.isEmpty()) {
            return "iicsctl: " + what + " had no session log to save";
        }
        return "iicsctl: saved the log" + (files.size() == 1 ? "" : "s") + " of " + what + ": "
                + files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
