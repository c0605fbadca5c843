package dev.iicsctl.client.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A log file of a run or of one of its child entries.
 *
 * @param kind session log or error log
 * @param entryId the activity log entry id it belongs to
 * @param taskName the task name of that entry (may be empty)
 * @param runId the run id
 * @param fileName a safe file name for it, e.g. {@code Load_Orders-13-010000C1000000000PGP.session.log}
 * @param text the content as text (zip answers are unpacked)
 */
public record LogFile(Kind kind, String entryId, String taskName, long runId, String fileName, String text) {

    /** The kind of log. */
    public enum Kind {
        /** The session log. */
        SESSION,
        /** The error rows file. */
        ERROR
    }

    /**
     * Validates the values.
     *
     * @param kind session log or error log
     * @param entryId the activity log entry id it belongs to
     * @param taskName the task name of that entry (may be empty)
     * @param runId the run id
     * @param fileName a safe file name for it, e.g. {@code Load_Orders-13-010000C1000000000PGP.session.log}
     * @param text the content as text (zip answers are unpacked)
     */
    public LogFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Writes the text into a directory (created if missing) under {@link #fileName()}.
     *
     * @param dir the directory
     * @return the written file
     * @throws UncheckedIOException when it cannot be written
     */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file into " + dir + ": " + e.getMessage(), e);
        }
    }
}
