package dev.iicsctl.client.log;

import dev.iicsctl.client.job.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Session logs and error logs of finished runs. Obtain it with {@link dev.iicsctl.client.IicsClient#logs()}.
 */
public interface LogService {

    /**
     * @param run a finished run (with its {@code logEntryId}), e.g. from {@code jobs().await(...)}
     * @return the session log of the run followed by those of its child entries that have one
     * @throws IllegalArgumentException when the run is not finished
     */
    List<LogFile> sessionLogs(RunResult run);

    /**
     * @param run a finished run
     * @return the error logs (rejected rows) of the run and of its child entries that have one
     * @throws IllegalArgumentException when the run is not finished
     */
    List<LogFile> errorLogs(RunResult run);

    /**
     * Writes the session logs of a finished run into a directory, each under its {@link LogFile#fileName()}.
     * The client's own implementation streams each log to disk as it comes, so a large log is never held in
     * memory; this default writes what {@link #sessionLogs} returns.
     *
     * @param run a finished run
     * @param dir the directory (created if missing)
     * @return the files written, in the order of {@link #sessionLogs}
     */
    default List<Path> saveSessionLogs(RunResult run, Path dir) {
        List<Path> written = new ArrayList<>();
        for (LogFile f : sessionLogs(run)) {
            written.add(f.writeTo(dir));
        }
        return written;
    }

    /**
     * Writes the session logs and error logs of a finished run into a directory (streamed, as
     * {@link #saveSessionLogs}).
     *
     * @param run a finished run
     * @param dir the directory (created if missing)
     * @return the files written
     */
    List<Path> saveAll(RunResult run, Path dir);
}
