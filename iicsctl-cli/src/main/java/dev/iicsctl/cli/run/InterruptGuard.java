package dev.iicsctl.cli.run;

import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.StartSettlement;
import dev.iicsctl.client.task.TaskRef;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * What SIGINT/SIGTERM does to the tasks of this command, at any instant: a start not yet sent is never sent; a
 * start in flight is settled (as a lost answer is: the answer, or a look for the run); then the runs this command
 * started are stopped (the default) or left running, each with one line on stderr. A stop is given a few seconds
 * ({@link #STOP_BOUND}); one IICS does not confirm by then is reported as not confirmed. The JVM then exits with
 * 130 or 143 by itself. Runs this command merely attached to are never stopped.
 */
public final class InterruptGuard implements AutoCloseable {
    /** How long a stop after a signal may take before it is reported as not confirmed. */
    static final Duration STOP_BOUND = Duration.ofSeconds(5);
    /** How long settling a start in flight may take: the client's reconcile window (30 s) and its last look. */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(40);

    private final boolean stop;
    private final PrintWriter err;
    private final Thread hook;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private volatile boolean signalled;

    /**
     * A run a signal stops or leaves.
     *
     * @param what the run as people read it, e.g. {@code Sales/Load Orders run 13}
     * @param stop how to stop it
     * @param byHand how a person checks and stops it, e.g. {@code check it with 'iicsctl status X' and ...}
     */
    public record Target(String what, Runnable stop, String byHand) {}

    /**
     * One task of this command, from just before its start until its run no longer needs stopping on a signal.
     */
    public final class Watch implements AutoCloseable {
        private final TaskRef task;
        private final StartControl control = StartControl.create();
        private final Function<StartSettlement, Target> started;
        private volatile Target waiting;

        private Watch(TaskRef task, Function<StartSettlement, Target> started) {
            this.task = task;
            this.started = started;
        }

        /** @return the control to start the task with */
        public StartControl control() {
            return control;
        }

        /**
         * The run the start created is being waited for.
         *
         * @param run the run
         */
        public void waiting(Target run) {
            waiting = run;
        }

        /** The task no longer needs anything on a signal (its run is over, not this command's, or not waited for). */
        @Override
        public void close() {
            watches.remove(this);
        }
    }

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
     * A task is about to be started: pass {@link Watch#control()} to the start.
     *
     * @param task the task
     * @param started the run a start that a signal settled created, as a signal stops it
     * @return the watch, to close once the task needs nothing on a signal
     */
    public Watch watch(TaskRef task, Function<StartSettlement, Target> started) {
        Watch watch = new Watch(task, started);
        watches.add(watch);
        if (signalled) {
            // The signal came before this task's watch: its start must never be sent.
            watch.control.cancel();
        }
        return watch;
    }

    /**
     * After a signal, the thread that ran a task must not go on (close the client under the signal's stops, or
     * print more): it waits here until the JVM exits. Without a signal, returns at once.
     */
    public void holdIfSignalled() {
        if (!signalled || hook == null) {
            return;
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onSignal() {
        signalled = true;
        List<Thread> handlers = new ArrayList<>();
        for (Watch watch : watches) {
            Thread handler = new Thread(() -> handle(watch), "iicsctl-interrupt-" + watch.task.displayName());
            handler.setDaemon(true);
            handler.start();
            handlers.add(handler);
        }
        long deadline = System.nanoTime() + SETTLE_BOUND.plus(STOP_BOUND).plusSeconds(1).toNanos();
        for (Thread handler : handlers) {
            try {
                handler.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void handle(Watch watch) {
        Target run = watch.waiting;
        if (run == null) {
            Optional<Target> settled = settle(watch);
            if (settled.isEmpty()) {
                return;
            }
            run = settled.get();
        }
        if (!stop) {
            say("iicsctl: interrupted; left " + run.what() + " running (--on-interrupt leave)");
            return;
        }
        try {
            Target target = run;
            if (Bounded.within(STOP_BOUND, "iicsctl-stop", () -> {
                target.stop().run();
                return true;
            }).isPresent()) {
                say("iicsctl: interrupted; stopped " + run.what());
            } else {
                say("iicsctl: interrupted; the stop of " + run.what() + " could not be confirmed within "
                        + STOP_BOUND.toSeconds() + " s (IICS did not answer): " + run.byHand());
            }
        } catch (RuntimeException e) {
            say("iicsctl: interrupted; could not stop " + run.what() + ": " + e.getMessage() + " (" + run.byHand()
                    + ")");
        }
    }

    /** Settles the task's start: the run it created, or empty when there is none (and a line said so if needed). */
    private Optional<Target> settle(Watch watch) {
        String task = watch.task.displayName();
        String byHand = "look for it with 'iicsctl status " + quoted(watch.task) + "' and stop it with 'iicsctl stop "
                + quoted(watch.task) + "' if it runs";
        Optional<StartSettlement> settled;
        try {
            settled = Bounded.within(SETTLE_BOUND, "iicsctl-settle", watch.control::cancel);
        } catch (RuntimeException e) {
            settled = Optional.empty();
        }
        StartSettlement.Outcome outcome = settled.map(StartSettlement::outcome).orElse(StartSettlement.Outcome.UNKNOWN);
        switch (outcome) {
            case NOT_SENT:
                return Optional.empty();
            case NOT_STARTED:
                say("iicsctl: interrupted while starting " + task + "; IICS was checked: it did not start");
                return Optional.empty();
            case STARTED:
                return Optional.of(watch.started.apply(settled.get()));
            default:
                say("iicsctl: interrupted while starting " + task + "; whether it started could not be settled: "
                        + byHand);
                return Optional.empty();
        }
    }

    /**
     * @param task a task
     * @return how to name it on the command line
     */
    static String quoted(TaskRef task) {
        if (task.path() != null) {
            return "\"" + task.path() + "\"";
        }
        return task.id() != null ? "--id " + task.id() : "\"" + task.name() + "\"";
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
