package dev.iicsctl.client.internal.log;

import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.log.LogFile;
import dev.iicsctl.client.log.LogService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@link LogService} over {@code /activity/activityLog/{id}/sessionLog} and {@code /activity/errorLog/{id}}.
 * A session log may come as text or as zip bytes; a child entry's log is asked for under the parent's id with
 * {@code itemId} (the documented form), then under the child's own entry id. An entry without a log (404) is
 * skipped.
 */
public final class HttpLogService implements LogService {

    private final IicsApi api;

    /**
     * @param api the API
     */
    public HttpLogService(IicsApi api) {
        this.api = api;
    }

    @Override
    public List<LogFile> sessionLogs(RunResult run) {
        return collect(run, LogFile.Kind.SESSION);
    }

    @Override
    public List<LogFile> errorLogs(RunResult run) {
        return collect(run, LogFile.Kind.ERROR);
    }

    @Override
    public List<Path> saveAll(RunResult run, Path dir) {
        List<Path> written = new ArrayList<>();
        for (LogFile f : sessionLogs(run)) {
            written.add(f.writeTo(dir));
        }
        for (LogFile f : errorLogs(run)) {
            written.add(f.writeTo(dir));
        }
        return written;
    }

    private List<LogFile> collect(RunResult run, LogFile.Kind kind) {
        if (!run.isFinished() || run.logEntryId() == null) {
            throw new IllegalArgumentException("run " + run.runId() + " of " + run.task().displayName()
                    + " has no activity log entry yet: logs exist once the run has finished");
        }
        List<LogFile> files = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Optional<String> parent = fetch(kind, run.logEntryId(), null);
        parent.ifPresent(text -> files.add(file(run, run, kind, text, names)));
        for (RunResult child : run.children()) {
            if (child.logEntryId() == null || child.logEntryId().equals(run.logEntryId())) {
                continue;
            }
            // The documented form first (the parent's id with itemId); a server that ignores itemId answers
            // the parent's log again, and then the child's own id is tried.
            Optional<String> text = fetch(kind, run.logEntryId(), child.logEntryId());
            if (text.isEmpty() || text.equals(parent)) {
                text = fetch(kind, child.logEntryId(), null);
            }
            text.ifPresent(t -> files.add(file(run, child, kind, t, names)));
        }
        return files;
    }

    private Optional<String> fetch(LogFile.Kind kind, String entryId, String itemId) {
        String path = kind == LogFile.Kind.SESSION
                ? "/activity/activityLog/" + IicsApi.encode(entryId) + "/sessionLog"
                : "/activity/errorLog/" + IicsApi.encode(entryId);
        Map<String, String> query = itemId == null ? Map.of() : Map.of("itemId", itemId);
        HttpAnswer answer = api.exchange(ApiArea.V2, "GET", path, query, null, true,
                Map.of("Accept", "text/plain, application/zip, application/octet-stream, */*"));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(text(api.require(answer).body()));
    }

    /**
     * @param body a session log answer: plain text, or a zip of one or more log files
     * @return the text (zip entries joined)
     */
    static String text(byte[] body) {
        if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            return unzip(body);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String unzip(byte[] body) {
        StringBuilder out = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                if (out.length() > 0) {
                    out.append(System.lineSeparator());
                }
                out.append(bytes.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the session log is a damaged zip file", e);
        }
        return out.toString();
    }

    private static LogFile file(RunResult top, RunResult entry, LogFile.Kind kind, String text, Set<String> names) {
        String task = entry.task().name() == null || entry.task().name().isEmpty() ? top.task().displayName()
                : entry.task().name();
        String base = safe(task) + "-" + top.runId() + "-" + safe(entry.logEntryId());
        String name = base + (kind == LogFile.Kind.SESSION ? ".session.log" : ".error.log");
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i + (kind == LogFile.Kind.SESSION ? ".session.log" : ".error.log");
        }
        return new LogFile(kind, entry.logEntryId(), task, top.runId(), name, text);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
