package dev.iicsctl.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tasks resolved moments ago, so that a repeated command finds its task without a lookup request. One small JSON
 * file (mode 0600) in the cache folder next to the session cache; each entry belongs to one login URL, pod (server
 * URL) and user, so profiles never share one. Entries live {@link #LIFETIME}. Written to a temporary file and moved
 * into place, so a reader sees the old or the new file; parallel writers may lose each other's entry, which only
 * costs a lookup. A file that is missing, damaged or unreadable counts as empty, and one that cannot be written is
 * left as it is: the cache never changes what a command does, only how many requests it makes. It holds no secret
 * (ids, paths, names, types).
 */
public final class ResolutionCache {

    /** How long a resolution is used: short, since a task may be deleted, moved or renamed at any time. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final int MAX_ENTRIES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Whose resolutions these are.
     *
     * @param loginUrl the login URL
     * @param serverUrl the pod's server URL of the session
     * @param username the user
     */
    public record Owner(String loginUrl, String serverUrl, String username) {
        public Owner {
            Objects.requireNonNull(loginUrl, "loginUrl");
            Objects.requireNonNull(serverUrl, "serverUrl");
            Objects.requireNonNull(username, "username");
        }
    }

    private record Entry(Owner owner, String key, Instant savedAt, TaskRef task) {}

    private final Path file;
    private final Clock clock;

    /**
     * @param file the file, e.g. {@code ~/.cache/iicsctl/resolutions.json}
     * @param clock this machine's clock (the lifetime)
     */
    public ResolutionCache(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * @param owner whose
     * @param key how the task was named (kind, type and text)
     * @return the task resolved for that name within the lifetime, if any
     */
    public Optional<TaskRef> find(Owner owner, String key) {
        return read().stream().filter(e -> e.owner().equals(owner) && e.key().equals(key))
                .reduce((older, newer) -> newer).map(Entry::task);
    }

    /** Remembers a resolution (the file is left alone when it cannot be written). */
    public void remember(Owner owner, String key, TaskRef task) {
        List<Entry> entries = read();
        entries.removeIf(e -> e.owner().equals(owner) && e.key().equals(key));
        entries.add(new Entry(owner, key, clock.instant(), task));
        write(entries);
    }

    /** Forgets one resolution, e.g. of a task IICS no longer knows. */
    public void forget(Owner owner, String key) {
        change(e -> e.owner().equals(owner) && e.key().equals(key));
    }

    /** Forgets every resolution of a login URL and user, on any pod ({@code logout}). */
    public void forgetAll(String loginUrl, String username) {
        change(e -> e.owner().loginUrl().equals(loginUrl) && e.owner().username().equals(username));
    }

    private void change(Predicate<Entry> dropped) {
        List<Entry> entries = read();
        if (entries.removeIf(dropped)) {
            write(entries);
        }
    }

    private List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return entries; // missing, unreadable or damaged: no resolution, one lookup
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        for (JsonNode n : root == null ? JSON.createArrayNode() : root.path("entries")) {
            try {
                Entry entry = parse(n);
                if (!entry.savedAt().isBefore(oldest) && !entry.savedAt().isAfter(clock.instant())) {
                    entries.add(entry);
                }
            } catch (RuntimeException e) {
                // one damaged entry is skipped, the others still count
            }
        }
        return entries;
    }

    private static Entry parse(JsonNode n) {
        Owner owner = new Owner(required(n, "loginUrl"), required(n, "serverUrl"), required(n, "username"));
        TaskRef task = new TaskRef(text(n, "id"), text(n, "federatedId"), text(n, "name"), text(n, "path"),
                TaskType.parse(required(n, "type")));
        return new Entry(owner, required(n, "key"), Instant.parse(required(n, "savedAt")), task);
    }

    private void write(List<Entry> entries) {
        ArrayNode list = JSON.createArrayNode();
        for (Entry e : entries.subList(Math.max(0, entries.size() - MAX_ENTRIES), entries.size())) {
            ObjectNode node = list.addObject();
            node.put("loginUrl", e.owner().loginUrl());
            node.put("serverUrl", e.owner().serverUrl());
            node.put("username", e.owner().username());
            node.put("key", e.key());
            node.put("savedAt", e.savedAt().toString());
            node.put("id", e.task().id());
            node.put("federatedId", e.task().federatedId());
            node.put("name", e.task().name());
            node.put("path", e.task().path());
            node.put("type", e.task().type().code());
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("entries", list);
        try {
            Files.createDirectories(file.getParent());
            AtomicMove.writePrivately(file, JSON.writeValueAsBytes(root));
        } catch (IOException | RuntimeException e) {
            // Not written: the next command makes its lookup, nothing else changes.
        }
    }

    private static String required(JsonNode n, String field) {
        String value = text(n, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
