package dev.iicsctl.client.internal.sharedmonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.internal.http.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot files of one folder: {@code <scope>.monitor.json}, replaced whole by an atomic move so that a
 * reader sees the old file or the new one, never half of one, and {@code <scope>.lock}, the lock of the one
 * poll. A file that is unreadable, truncated, too large, of another scope or dated after now reads as absent.
 */
final class SnapshotFolder {

    private static final int FORMAT = 1;

    private final Path folder;
    private final long maxBytes;

    /**
     * @param folder the folder
     * @param maxBytes a larger file is not read (the limit of a monitor answer)
     */
    SnapshotFolder(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** @return the lock file of a scope */
    Path lockFile(SnapshotScope scope) {
        return folder.resolve(scope.key() + ".lock");
    }

    private Path snapshotFile(SnapshotScope scope) {
        return folder.resolve(scope.key() + ".monitor.json");
    }

    /** Creates the folder (owner only) when it is missing. */
    void create() throws IOException {
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder, ownerOnly("rwx------"));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(folder);
            }
        }
    }

    /**
     * @param scope whose snapshot
     * @param now the time now
     * @return the scope's snapshot, if there is a sound one
     */
    Optional<Snapshot> read(SnapshotScope scope, Instant now) {
        Path file = snapshotFile(scope);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                return Optional.empty();
            }
            return parse(WireJson.MAPPER.readTree(bytes), scope, now);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Truncated, garbled or unreadable: as if there were none; the next poll replaces it.
            return Optional.empty();
        }
    }

    private static Optional<Snapshot> parse(JsonNode json, SnapshotScope scope, Instant now) {
        if (json == null || !json.isObject() || json.path("format").asInt() != FORMAT
                || !scope.key().equals(json.path("scope").asText(null)) || !json.path("takenAt").isIntegralNumber()
                || !json.path("entries").isArray() || json.path("count").asInt(-1) != json.path("entries").size()) {
            return Optional.empty();
        }
        Instant takenAt = Instant.ofEpochMilli(json.path("takenAt").asLong());
        if (takenAt.isAfter(now)) {
            // A clock set back, or a forged file: a snapshot from the future could be believed for ever.
            return Optional.empty();
        }
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode e : json.path("entries")) {
            if (!e.isObject()) {
                return Optional.empty();
            }
            entries.add(e);
        }
        return Optional.of(new Snapshot(scope, takenAt, List.copyOf(entries)));
    }

    /**
     * Writes the snapshot to a temporary file (owner only) and moves it into place.
     *
     * @param snapshot the snapshot
     * @throws IOException when it cannot be written
     */
    void write(Snapshot snapshot) throws IOException {
        ObjectNode json = WireJson.object();
        json.put("format", FORMAT);
        json.put("scope", snapshot.scope().key());
        json.put("takenAt", snapshot.takenAt().toEpochMilli());
        json.put("count", snapshot.entries().size());
        ArrayNode entries = json.putArray("entries");
        snapshot.entries().forEach(entries::add);
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + snapshot.scope().key() + "-", ".tmp", ownerOnly("rw-------"));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(folder, "." + snapshot.scope().key() + "-", ".tmp");
        }
        try {
            Files.write(temp, WireJson.MAPPER.writeValueAsBytes(json));
            try {
                Files.move(temp, snapshotFile(snapshot.scope()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, snapshotFile(snapshot.scope()), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
