package dev.iicsctl.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one shared activity monitor snapshot in a cache folder, as a test forges it: a test that wants a snapshot
 * to answer, or to answer wrongly, edits the file the clients wrote rather than trusting the timing of polls.
 */
public final class SnapshotFile {

    private SnapshotFile() {
    }

    /** Makes the folder's snapshot look just taken, and lets {@code edit} change it. */
    public static void freshen(Path folder, Consumer<ObjectNode> edit) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".monitor.json")).toList();
            assertThat(found).as("one snapshot file in " + folder).hasSize(1);
            file = found.get(0);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode snapshot = (ObjectNode) json.readTree(file.toFile());
        snapshot.put("takenAt", System.currentTimeMillis());
        edit.accept(snapshot);
        Files.writeString(file, json.writeValueAsString(snapshot));
    }
}
