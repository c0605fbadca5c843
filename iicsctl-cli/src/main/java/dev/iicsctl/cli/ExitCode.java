package dev.iicsctl.cli;

import java.util.Collection;
import java.util.List;

/**
 * The exit codes of iicsctl (product contract, section 2.5). Schedulers depend on them: never renumber.
 */
public final class ExitCode {
    /** Success; or started with {@code --no-wait}; or warnings with {@code --warning-ok}. */
    public static final int OK = 0;
    /** The run failed. */
    public static final int RUN_FAILED = 1;
    /** Usage error: bad option, bad argument, bad config. */
    public static final int USAGE = 2;
    /** The run finished with warnings (rows rejected). */
    public static final int WARNING = 3;
    /** The run was stopped. */
    public static final int STOPPED = 4;
    /** Timed out waiting. */
    public static final int TIMED_OUT = 5;
    /** Authentication failed. */
    public static final int AUTH_FAILED = 6;
    /** Task not found, ambiguous, not runnable, or already running with {@code --if-running fail}. */
    public static final int TASK_PROBLEM = 7;
    /** The API or the network failed after retries. */
    public static final int API_FAILED = 8;
    /** A taskflow is suspended. */
    public static final int SUSPENDED = 9;
    /** Interrupted by SIGINT. */
    public static final int SIGINT = 130;
    /** Interrupted by SIGTERM. */
    public static final int SIGTERM = 143;

    /** Lines for picocli's {@code exitCodeList}, shown by {@code --help}. */
    public static final String[] HELP_LIST = {
        " 0:success; started with --no-wait; warnings with --warning-ok",
        " 1:the run failed",
        " 2:usage error: bad option, bad argument, bad config",
        " 3:the run finished with warnings (rows rejected)",
        " 4:the run was stopped",
        " 5:timed out waiting",
        " 6:authentication failed",
        " 7:task not found, ambiguous, not runnable, or already running",
        " 8:the API or the network failed after retries",
        " 9:a taskflow is suspended",
        "130:interrupted by SIGINT",
        "143:interrupted by SIGTERM",
    };

    /** Severity order for several runs, worst first (section 2.5). */
    private static final List<Integer> WORST_FIRST =
            List.of(API_FAILED, AUTH_FAILED, RUN_FAILED, STOPPED, SUSPENDED, TIMED_OUT, WARNING, OK);

    private ExitCode() {}

    /**
     * The combined exit code of several runs: the worst single outcome in the order
     * 8 &gt; 6 &gt; 1 &gt; 4 &gt; 9 &gt; 5 &gt; 3 &gt; 0. Codes outside that order (2, 7, 130, 143) rank above all.
     */
    public static int worst(Collection<Integer> codes) {
        int worst = OK;
        for (int code : codes) {
            if (rank(code) < rank(worst)) {
                worst = code;
            }
        }
        return worst;
    }

    private static int rank(int code) {
        int index = WORST_FIRST.indexOf(code);
        return index < 0 ? -1 : index;
    }
}
