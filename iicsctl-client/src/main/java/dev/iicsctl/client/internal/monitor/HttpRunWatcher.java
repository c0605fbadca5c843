package dev.iicsctl.client.internal.monitor;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RunLostException;
import dev.iicsctl.client.internal.job.LostRunCheck;
import dev.iicsctl.client.internal.job.MonitorSnapshot;
import dev.iicsctl.client.internal.job.RunLookup;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.monitor.RunWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows many runs on one scheduler thread: per tick, one activity monitor call for all runs (or a shared
 * snapshot younger than the interval), then one activity log call for the runs the monitor does not list (except
 * a run this watcher's client has just started, on its first tick: it is most likely not visible yet), read
 * together when there are several. The interval follows the poll policy,
 * measured from the start of one tick to the start of the next, and starts over whenever a run is added.
 */
final class HttpRunWatcher implements RunWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRunWatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Ticks in a row that may fail (after the transport's own retries) before the futures fail. */
    private static final int MAX_FAILED_TICKS = 3;

    private final RunLookup lookup;
    private final PollPolicy poll;
    private final Duration visibilityGrace;
    private final TimeSource time;
    private final Consumer<HttpRunWatcher> onClose;
    private final ScheduledExecutorService scheduler;
    private final List<Watched> runs = new ArrayList<>();
    private ScheduledFuture<?> next;
    private int ticksSinceAdd;
    private int failedTicks;
    private boolean closed;

    private static final class Watched {
        RunHandle handle;
        final RunListener listener;
        final CompletableFuture<RunResult> future = new CompletableFuture<>();
        RunResult last;
        boolean seen;
        int unseenTicks;
        final LostRunCheck lost;

        Watched(RunHandle handle, RunListener listener, Duration visibilityGrace, TimeSource time) {
            this.handle = handle;
            this.listener = listener;
            this.lost = new LostRunCheck(visibilityGrace, time);
        }
    }

    HttpRunWatcher(RunLookup lookup, PollPolicy poll, Duration visibilityGrace, TimeSource time,
            Consumer<HttpRunWatcher> onClose) {
        this.time = time;
        this.lookup = lookup;
        this.visibilityGrace = visibilityGrace;
        this.poll = poll;
        this.onClose = onClose;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iicsctl-watcher-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized CompletableFuture<RunResult> watch(RunHandle run, RunListener listener) {
        if (closed) {
            throw new IllegalStateException("this watcher is closed: create a new one with monitor().watcher()");
        }
        Watched w = new Watched(run, listener == null ? RunListener.NONE : listener, visibilityGrace, time);
        runs.add(w);
        ticksSinceAdd = 0;
        long initial = poll.initial().toMillis();
        if (next == null || next.getDelay(TimeUnit.MILLISECONDS) > initial) {
            if (next != null) {
                next.cancel(false);
            }
            next = time.schedule(scheduler, this::tick, Duration.ofMillis(initial));
        }
        return w.future;
    }

    @Override
    public synchronized int pending() {
        return runs.size();
    }

    private void tick() {
        long began = time.nanoTime();
        List<Watched> batch;
        Duration interval;
        synchronized (this) {
            next = null;
            if (closed || runs.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(runs);
            interval = ticksSinceAdd == 0 ? poll.initial() : poll.delay(ticksSinceAdd - 1);
        }
        try {
            MonitorSnapshot monitor = new MonitorSnapshot(lookup.monitorInStep(interval));
            List<RunLookup.Look> looks = new ArrayList<>();
            for (Watched w : batch) {
                // IICS lists a fresh run nowhere for a moment: the log is asked from its second unseen tick on.
                boolean askLog = w.seen || w.unseenTicks > 0 || !w.handle.startedByClient();
                looks.add(new RunLookup.Look(w.handle, w.seen, askLog));
            }
            // The runs that left the monitor in this tick are read from the activity log together.
            List<RunLookup.Observation> seen = lookup.observeAll(looks, monitor);
            for (int i = 0; i < batch.size(); i++) {
                Watched w = batch.get(i);
                RunLookup.Observation o = seen.get(i);
                try {
                    w.lost.observed(w.handle, o);
                } catch (RunLostException lost) {
                    // Only this run is lost: the others are still followed.
                    synchronized (this) {
                        runs.remove(w);
                    }
                    w.future.completeExceptionally(lost);
                    continue;
                }
                w.seen |= o.inMonitor();
                if (!w.seen) {
                    w.unseenTicks++;
                }
                RunResult r = o.result();
                w.handle = new RunHandle(r.task(), w.handle.runId(), w.handle.startTime(), w.handle.startedByClient());
                if (w.last == null || w.last.state() != r.state() || !w.last.rows().equals(r.rows())) {
                    notify(w, r);
                }
                w.last = r;
                if (r.isFinished()) {
                    synchronized (this) {
                        runs.remove(w);
                    }
                    w.future.complete(r);
                }
            }
            failedTicks = 0;
        } catch (IicsAuthException e) {
            failAll(e);
        } catch (IicsException e) {
            if (++failedTicks >= MAX_FAILED_TICKS) {
                failAll(e);
            }
        } catch (RuntimeException e) {
            failAll(e);
        }
        synchronized (this) {
            if (!closed && !runs.isEmpty() && next == null) {
                // The interval runs from this tick's start: a slow tick does not stretch it.
                long spent = TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - began);
                long delay = Math.max(0, poll.delay(ticksSinceAdd++).toMillis() - spent);
                next = time.schedule(scheduler, this::tick, Duration.ofMillis(delay));
            }
        }
    }

    private static void notify(Watched w, RunResult r) {
        try {
            w.listener.onProgress(r);
        } catch (RuntimeException e) {
            // A listener's bug must not stop the watch of every other run.
            LOG.warn("run listener failed: {}", e.toString());
        }
    }

    private void failAll(RuntimeException e) {
        List<Watched> failed;
        synchronized (this) {
            failed = new ArrayList<>(runs);
            runs.clear();
        }
        failed.forEach(w -> w.future.completeExceptionally(e));
    }

    @Override
    public void close() {
        List<Watched> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(runs);
            runs.clear();
        }
        scheduler.shutdownNow();
        left.forEach(w -> w.future.cancel(false));
        onClose.accept(this);
    }
}
