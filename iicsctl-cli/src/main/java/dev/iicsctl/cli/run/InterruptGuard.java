package dev.iicsctl.cli.run;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.taskflow.TaskflowRun;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What SIGINT/SIGTERM does to the jobs this command started while it waits for them: stop them (the default; a
 * taskflow run is terminated) or leave them running. The JVM then exits with 130 or 143 by itself. Runs this
 * command merely attached to are never stopped.
 */
public final class InterruptGuard implements AutoCloseable {
    private final IicsClient client;
    private final boolean stop;
    private final PrintWriter err;
    /** The runs being waited for, by key, with how to end them. */
    private final Map<Object, Active> active = new ConcurrentHashMap<>();
    private final Thread hook;

    /**
     * @param stop whether to stop the jobs ({@code --on-interrupt stop}) or leave them
     * @param install whether to install the shutdown hook (only in a real process, never in a test JVM)
     */
    public InterruptGuard(IicsClient client, boolean stop, PrintWriter err, boolean install) {
        this.client = client;
        this.stop = stop;
        this.err = err;
        this.hook = install ? new Thread(this::onSignal, "iicsctl-interrupt") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    private record Active(String what, String done, Runnable end) {}

    /** A run is being waited for; it is stopped on a signal if this command started it. */
    public void waiting(RunHandle run) {
        if (run.startedByClient()) {
            active.put(run, new Active(run.task().displayName() + " run " + run.runId(), "stopped",
                    () -> client.jobs().stop(run.task(), false)));
        }
    }

    /** A taskflow run is being waited for; it is terminated on a signal if this command started it. */
    public void waiting(TaskflowRun run) {
        if (run.startedByClient()) {
            active.put(run, new Active(run.taskflow().displayName() + " run " + run.runId(), "terminated",
                    () -> client.taskflows().terminate(run)));
        }
    }

    /** The run is over or no longer waited for. */
    public void done(Object run) {
        active.remove(run);
    }

    private void onSignal() {
        for (Active run : active.values()) {
            String what = run.what();
            if (!stop) {
                say("iicsctl: interrupted; left " + what + " running (--on-interrupt leave)");
                continue;
            }
            try {
                run.end().run();
                say("iicsctl: interrupted; " + run.done() + " " + what);
            } catch (RuntimeException e) {
                say("iicsctl: interrupted; could not stop " + what + ": " + e.getMessage()
                        + " (stop it with 'iicsctl stop')");
            }
        }
    }

    private void say(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running or has run
            }
        }
    }
}
