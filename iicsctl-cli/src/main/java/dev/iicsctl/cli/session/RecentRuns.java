package dev.iicsctl.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Job runs this machine started recently, so that a later {@code status} or {@code stop} finds a run during the
 * seconds in which IICS shows it nowhere yet. One small JSON file (mode 0600) in the cache folder, next to the
 * session cache. Every change is a read-modify-write under a file lock (processes) and a monitor (threads of one
 * process), written to a temporary file and moved into place, so a reader sees the old or the new list, never a
 * half-written one. A damaged file counts as empty. Runs older than {@link #RETENTION} are dropped: by then IICS
 * shows them. It holds no secret (login URL, user, task and run ids).
 */
public final class RecentRuns {

    /** How long a started run is remembered: far longer than IICS takes to show a new run. */
    public static final Duration RETENTION = Duration.ofMinutes(10);

    private static final int MAX_ENTRIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** File locks are held per process: threads of one process take turns here first. */
    private static final Object IN_PROCESS = new Object();

    /**
     * One run started here.
     *
     * @param loginUrl the login URL it was started through
     * @param username the user who started it
     * @param taskId the task's v2 id, or null when not known
     * @param taskName the task's name, or null when not known
     * @param taskType the task type code
     * @param runId the run id
     * @param startedAt when it was started (this machine's clock)
     */
    public record Entry(String loginUrl, String username, String taskId, String taskName, String taskType,
            long runId, Instant startedAt) {
    }

    private final Path file;
    private final Clock clock;

    /**
     * @param file the file, e.g. {@code ~/.cache/iicsctl/recent-runs.json}
     * @param clock this machine's clock (retention)
     */
    public RecentRuns(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * Remembers a run just started.
     *
     * @param entry the run (its {@code startedAt} is set to now)
     * @throws IOException when the file cannot be written
     */
    public void remember(Entry entry) throws IOException {
        Entry now = new Entry(entry.loginUrl(), entry.username(), entry.taskId(), entry.taskName(), entry.taskType(),
                entry.runId(), clock.instant());
        update(entries -> {
            entries.removeIf(e -> sameRun(e, now));
            entries.add(now);
            return entries;
        });
    }

    /**
     * Forgets a run that IICS now shows as finished.
     *
     * @throws IOException when the file cannot be written
     */
    public void forget(Entry run) throws IOException {
        update(entries -> {
            entries.removeIf(e -> sameRun(e, run));
            return entries;
        });
    }

    /**
     * @param loginUrl the login URL
     * @param username the user
     * @param taskId the task's v2 id, or null
     * @param taskName the task's name, or null
     * @param taskType the task type code
     * @return the newest run of that task remembered for that login and user, if any
     */
    public Optional<Entry> newest(String loginUrl, String username, String taskId, String taskName, String taskType) {
        Entry newest = null;
        for (Entry e : read()) {
            boolean sameTask = taskId != null && e.taskId() != null ? taskId.equals(e.taskId())
                    : taskName != null && taskName.equals(e.taskName()) && taskType.equals(e.taskType());
            if (sameTask && loginUrl.equals(e.loginUrl()) && username.equals(e.username())
                    && (newest == null || e.runId() > newest.runId())) {
                newest = e;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** @return the runs remembered and not expired (empty when the file is missing or damaged) */
    public List<Entry> read() {
        try {
            return fresh(parse(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (IOException | RuntimeException e) {
            // A damaged or unreadable list only costs the memory of recent runs.
            return new ArrayList<>();
        }
    }

    private void update(UnaryOperator<List<Entry>> change) throws IOException {
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (IN_PROCESS) {
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = lock.lock()) {
                List<Entry> entries = change.apply(read());
                if (entries.size() > MAX_ENTRIES) {
                    entries = new ArrayList<>(entries.subList(entries.size() - MAX_ENTRIES, entries.size()));
                }
                write(entries);
            }
        }
    }

    private List<Entry> fresh(List<Entry> entries) {
        Instant oldest = clock.instant().minus(RETENTION);
        entries.removeIf(e -> e.startedAt().isBefore(oldest));
        return entries;
    }

    private void write(List<Entry> entries) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (Entry e : entries) {
            ObjectNode node = array.addObject();
            node.put("loginUrl", e.loginUrl());
            node.put("username", e.username());
            node.put("taskId", e.taskId());
            node.put("taskName", e.taskName());
            node.put("taskType", e.taskType());
            node.put("runId", e.runId());
            node.put("startedAt", e.startedAt().toString());
        }
        AtomicMove.writePrivately(file, JSON.writeValueAsBytes(array));
    }

    private static List<Entry> parse(byte[] bytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isArray()) {
            return entries;
        }
        for (JsonNode n : root) {
            try {
                entries.add(new Entry(n.path("loginUrl").asText(), n.path("username").asText(), text(n, "taskId"),
                        text(n, "taskName"), n.path("taskType").asText(), n.path("runId").asLong(),
                        Instant.parse(n.path("startedAt").asText())));
            } catch (RuntimeException e) {
                // one damaged entry is skipped, the others still count
            }
        }
        return entries;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean sameRun(Entry a, Entry b) {
        return a.runId() == b.runId() && a.loginUrl().equals(b.loginUrl()) && a.username().equals(b.username())
                && a.taskType().equals(b.taskType()) && java.util.Objects.equals(a.taskId(), b.taskId())
                && (a.taskId() != null || java.util.Objects.equals(a.taskName(), b.taskName()));
    }

}
