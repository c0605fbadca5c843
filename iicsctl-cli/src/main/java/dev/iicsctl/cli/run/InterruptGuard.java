package dev.iicsctl.cli.run;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What SIGINT/SIGTERM does to the runs this command started while it waits for them: stop them (the default) or
 * leave them running. The JVM then exits with 130 or 143 by itself. Runs this command merely attached to are
 * never registered, so never stopped.
 */
public final class InterruptGuard implements AutoCloseable {
    private final boolean stop;
    private final PrintWriter err;
    private final Map<Object, Active> active = new ConcurrentHashMap<>();
    private final Thread hook;

    private record Active(String what, Runnable stopAction) {}

    /**
     * @param stop whether to stop the runs ({@code --on-interrupt stop}) or leave them
     * @param install whether to install the shutdown hook (only in a real process, never in a test JVM)
     */
    public InterruptGuard(boolean stop, PrintWriter err, boolean install) {
        this.stop = stop;
        this.err = err;
        this.hook = install ? new Thread(this::onSignal, "iicsctl-interrupt") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /**
     * A run this command started is being waited for.
     *
     * @param run the run's handle, to say {@link #done} with
     * @param what the run as people read it, e.g. {@code Sales/Load Orders run 13}
     * @param stopAction how to stop it
     */
    public void waiting(Object run, String what, Runnable stopAction) {
        active.put(run, new Active(what, stopAction));
    }

    /** The run is over or no longer waited for. */
    public void done(Object run) {
        active.remove(run);
    }

    private void onSignal() {
        for (Active run : active.values()) {
            if (!stop) {
                say("iicsctl: interrupted; left " + run.what() + " running (--on-interrupt leave)");
                continue;
            }
            try {
                run.stopAction().run();
                say("iicsctl: interrupted; stopped " + run.what());
            } catch (RuntimeException e) {
                say("iicsctl: interrupted; could not stop " + run.what() + ": " + e.getMessage()
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
