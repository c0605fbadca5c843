package dev.iicsctl.client.internal.start;

import dev.iicsctl.client.StartCancelledException;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.StartSettlement;
import dev.iicsctl.client.task.TaskRef;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link StartControl} the {@link StartEngine} reports to: whether a request is in flight, what the last one
 * became, and whether the caller has closed the start. Every change of state and the check before a send hold
 * the same lock, so a request is either sent before {@link #cancel()} sees the gate or never sent at all.
 */
public final class StartGate implements StartControl {

    private TaskRef task;
    private boolean cancelled;
    /** The outcome of the request in flight, completed by the engine; {@code null} when none is in flight. */
    private CompletableFuture<StartSettlement> inFlight;
    /** How to look for the run the request in flight may have created (the engine's reconcile). */
    private Supplier<StartSettlement> look;
    /** The last concluded outcome, {@code null} while nothing was concluded. */
    private StartSettlement concluded;

    /** @return a gate for a caller that will never cancel */
    public static StartGate open() {
        return new StartGate();
    }

    /**
     * @param control what the caller passed
     * @return its gate
     */
    public static StartGate of(StartControl control) {
        if (control instanceof StartGate gate) {
            return gate;
        }
        throw new IllegalArgumentException("a StartControl comes from StartControl.create()");
    }

    /**
     * A request is about to be sent.
     *
     * @param task the task
     * @param look how to settle the request if its answer does not come
     * @throws StartCancelledException when the caller has closed the start
     */
    synchronized void sending(TaskRef task, Supplier<StartSettlement> look) {
        this.task = task;
        if (cancelled) {
            throw new StartCancelledException("the start of " + task.displayName() + " was cancelled before it was "
                    + "sent: nothing was started");
        }
        this.inFlight = new CompletableFuture<>();
        this.look = look;
        this.concluded = null;
    }

    /** @return whether the caller has closed the start (a start that did not happen is then not sent again) */
    synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * The request in flight (if any) has an outcome.
     *
     * @param outcome what it became
     */
    void concluded(StartSettlement outcome) {
        CompletableFuture<StartSettlement> done;
        synchronized (this) {
            concluded = outcome;
            done = inFlight;
            inFlight = null;
            look = null;
        }
        if (done != null) {
            done.complete(outcome);
        }
    }

    @Override
    public StartSettlement cancel() {
        CompletableFuture<StartSettlement> answer;
        Supplier<StartSettlement> reconcile;
        synchronized (this) {
            cancelled = true;
            if (inFlight == null) {
                return concluded != null ? concluded : StartSettlement.notSent(task);
            }
            answer = inFlight;
            reconcile = look;
        }
        // Whichever comes first: the answer to the request (the engine concludes), or this look for the run.
        CompletableFuture<StartSettlement> looked = new CompletableFuture<>();
        Thread looker = new Thread(() -> {
            try {
                looked.complete(reconcile.get());
            } catch (RuntimeException e) {
                looked.complete(new StartSettlement(StartSettlement.Outcome.UNKNOWN, task, null));
            }
        }, "iicsctl-start-settle");
        looker.setDaemon(true);
        looker.start();
        StartSettlement settled = (StartSettlement) CompletableFuture.anyOf(answer, looked).join();
        synchronized (this) {
            if (concluded == null || concluded.outcome() == StartSettlement.Outcome.UNKNOWN) {
                concluded = settled;
            }
            return concluded;
        }
    }
}
