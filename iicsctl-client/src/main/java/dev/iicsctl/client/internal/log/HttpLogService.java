package dev.iicsctl.client.internal.log;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.AnswerLimits;
import dev.iicsctl.client.internal.http.AnswerTooLargeException;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.log.LogFile;
import dev.iicsctl.client.log.LogService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * {@link LogService} over {@code /activity/activityLog/{id}/sessionLog} and {@code /activity/errorLog/{id}}.
 * A session log may come as text or as zip bytes; a child entry's log is asked for under the parent's id with
 * {@code itemId} (the documented form), then under the child's own entry id. An entry without a log (404) is
 * skipped. Each log is streamed to a file as it comes, never held whole in memory, and what it may grow to is
 * bounded by the client's {@link AnswerLimits}.
 */
public final class HttpLogService implements LogService {

    private final IicsApi api;
    private final AnswerLimits limits;

    /**
     * @param api the API
     */
    public HttpLogService(IicsApi api) {
        this.api = api;
        this.limits = api.transport().limits();
    }

    /** What becomes of one downloaded log. */
    private interface Sink<T> {
        T take(RunResult top, RunResult entry, LogFile.Kind kind, String fileName, Path download) throws IOException;
    }

    @Override
    public List<LogFile> sessionLogs(RunResult run) {
        return inTempDir(null, tmp -> collect(run, LogFile.Kind.SESSION, tmp, this::inMemory));
    }

    @Override
    public List<LogFile> errorLogs(RunResult run) {
        return inTempDir(null, tmp -> collect(run, LogFile.Kind.ERROR, tmp, this::inMemory));
    }

    @Override
    public List<Path> saveSessionLogs(RunResult run, Path dir) {
        return inTempDir(createdDir(dir), tmp -> collect(run, LogFile.Kind.SESSION, tmp, toDir(dir)));
    }

    @Override
    public List<Path> saveAll(RunResult run, Path dir) {
        return inTempDir(createdDir(dir), tmp -> {
            List<Path> written = new ArrayList<>(collect(run, LogFile.Kind.SESSION, tmp, toDir(dir)));
            written.addAll(collect(run, LogFile.Kind.ERROR, tmp, toDir(dir)));
            return written;
        });
    }

    private static Path createdDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks each download into its file in {@code dir}, through a part file so no half log is left. */
    private Sink<Path> toDir(Path dir) {
        return (top, entry, kind, name, download) -> {
            Path target = dir.resolve(name);
            Path part = dir.resolve("." + name + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                unpack(top, kind, download, out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        };
    }

    private LogFile inMemory(RunResult top, RunResult entry, LogFile.Kind kind, String name, Path download)
            throws IOException {
        LimitedOutput text = new LimitedOutput(limits.logTextBytes());
        unpack(top, kind, download, text);
        return new LogFile(kind, entry.logEntryId(), taskName(top, entry), top.runId(), name, text.text());
    }

    private void unpack(RunResult top, LogFile.Kind kind, Path download, OutputStream out) throws IOException {
        String what = (kind == LogFile.Kind.SESSION ? "session log" : "error log") + " of "
                + top.task().displayName() + " run " + top.runId();
        try {
            new LogUnpacker(limits).unpack(download, out);
        } catch (AnswerTooLargeException | LogUnpacker.RatioExceeded e) {
            throw new IicsApiException("IICS sent a " + what + " too large to read (" + e.getMessage()
                    + "): not read further; look at the log in IICS itself", 200, null, null, "GET " + what, e);
        } catch (ZipException e) {
            throw new IicsApiException("IICS sent a " + what + " that is a damaged zip file: retry later",
                    200, null, null, "GET " + what, e);
        }
    }

    private interface InDir<T> {
        T run(Path tmp) throws IOException;
    }

    /** Runs {@code work} with a temporary directory for the downloads (inside {@code near} when given). */
    private static <T> T inTempDir(Path near, InDir<T> work) {
        Path tmp = null;
        try {
            tmp = near == null ? Files.createTempDirectory("iicsctl-logs-")
                    : Files.createTempDirectory(near, ".iicsctl-download-");
            return work.run(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file into " + (near == null ? tmp : near) + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    private <T> List<T> collect(RunResult run, LogFile.Kind kind, Path tmp, Sink<T> sink) throws IOException {
        if (!run.isFinished() || run.logEntryId() == null) {
            throw new IllegalArgumentException("run " + run.runId() + " of " + run.task().displayName()
                    + " has no activity log entry yet: logs exist once the run has finished");
        }
        List<T> taken = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Path parent = tmp.resolve("parent");
        boolean parentFound = fetch(kind, run.logEntryId(), null, parent);
        if (parentFound) {
            taken.add(sink.take(run, run, kind, fileName(run, run, kind, names), parent));
        }
        Path child = tmp.resolve("child");
        for (RunResult entry : run.children()) {
            if (entry.logEntryId() == null || entry.logEntryId().equals(run.logEntryId())) {
                continue;
            }
            // The documented form first (the parent's id with itemId); a server that ignores itemId answers
            // the parent's log again, and then the child's own id is tried.
            boolean found = fetch(kind, run.logEntryId(), entry.logEntryId(), child);
            if (!found || parentFound && Files.mismatch(child, parent) == -1) {
                found = fetch(kind, entry.logEntryId(), null, child);
            }
            if (found) {
                taken.add(sink.take(run, entry, kind, fileName(run, entry, kind, names), child));
            }
        }
        return taken;
    }

    /** @return whether there is a log (it is then in {@code file}); {@code false} for a 404 */
    private boolean fetch(LogFile.Kind kind, String entryId, String itemId, Path file) {
        String path = kind == LogFile.Kind.SESSION
                ? "/activity/activityLog/" + IicsApi.encode(entryId) + "/sessionLog"
                : "/activity/errorLog/" + IicsApi.encode(entryId);
        Map<String, String> query = itemId == null ? Map.of() : Map.of("itemId", itemId);
        HttpAnswer answer = api.exchange(ApiRequest.get(ApiArea.V2, path).query(query)
                .header("Accept", "text/plain, application/zip, application/octet-stream, */*").saveTo(file).build());
        if (answer.status() == 404) {
            return false;
        }
        api.require(answer);
        return true;
    }

    /**
     * @param body a session log answer: plain text, or a zip of one or more log files
     * @return the text (zip entries joined), unpacked within the default limits
     */
    static String text(byte[] body) {
        return inTempDir(null, tmp -> {
            Path file = Files.write(tmp.resolve("log"), body);
            LimitedOutput text = new LimitedOutput(AnswerLimits.defaults().logTextBytes());
            new LogUnpacker(AnswerLimits.defaults()).unpack(file, text);
            return text.text();
        });
    }

    private static String taskName(RunResult top, RunResult entry) {
        return entry.task().name() == null || entry.task().name().isEmpty() ? top.task().displayName()
                : entry.task().name();
    }

    private static String fileName(RunResult top, RunResult entry, LogFile.Kind kind, Set<String> names) {
        String base = safe(taskName(top, entry)) + "-" + top.runId() + "-" + safe(entry.logEntryId());
        String suffix = kind == LogFile.Kind.SESSION ? ".session.log" : ".error.log";
        String name = base + suffix;
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i + suffix;
        }
        return name;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind holds nothing secret: logs only
        }
    }
}
