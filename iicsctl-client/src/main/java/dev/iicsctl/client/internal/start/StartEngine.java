package dev.iicsctl.client.internal.start;

import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.StartCancelledException;
import dev.iicsctl.client.StartSettlement;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.Backoff;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.HttpTransport;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a start request at most once in effect, for every kind of start: a request that certainly never reached
 * IICS (a refused connection) or that IICS refused unhandled (429) is sent again after the backoff (honouring
 * {@code Retry-After}); a request whose outcome is unknown (connection lost after sending, read timeout, 5xx, a
 * success without a run) is reconciled first and sent again only when every look found that nothing started.
 * The caller's {@link StartGate} learns of each request in flight and can close the start at any instant.
 */
public final class StartEngine {

    private final IicsApi api;
    private final HttpTrace trace;
    private final Backoff backoff;
    private final int maxSends;

    /**
     * @param api the API
     */
    public StartEngine(IicsApi api) {
        this.api = api;
        this.trace = api.transport().trace();
        this.backoff = api.transport().backoff();
        this.maxSends = backoff.policy().maxAttempts();
    }

    /**
     * @param kind what is started
     * @param gate the caller's hold on the start
     * @param <R> the kind's run handle
     * @return the run the start created (or that a reconcile found)
     */
    public <R> R start(StartKind<R> kind, StartGate gate) {
        String what = kind.task().displayName();
        for (int send = 1;; send++) {
            api.session(); // log in first, so that a login failure is never taken for an unknown start outcome
            Instant sentAt = api.transport().clock().now();
            gate.sending(kind.task(), () -> settlement(kind, kind.reconcile(sentAt)));
            RuntimeException unclear;
            try {
                HttpAnswer answer = kind.send();
                if (answer.status() == 429 && send < maxSends) {
                    // Too many requests: refused before it was handled, so sending it again is safe.
                    gate.concluded(StartSettlement.notSent(kind.task()));
                    pause(send, answer, "HTTP 429 on the start of " + what);
                    continue;
                }
                StartAnswer<R> read = answer.status() >= 500
                        ? new StartAnswer.Unclear<>(api.errorOf(answer)) : kind.read(answer, sentAt);
                if (read instanceof StartAnswer.Started<R> started) {
                    return claimed(kind, gate, started.run());
                }
                if (read instanceof StartAnswer.Refused<R> refused) {
                    gate.concluded(StartSettlement.notSent(kind.task()));
                    throw refused.error();
                }
                unclear = ((StartAnswer.Unclear<R>) read).error();
            } catch (IicsConnectionException e) {
                if (!HttpTransport.neverSent(e)) {
                    unclear = e;
                } else {
                    gate.concluded(StartSettlement.notSent(kind.task()));
                    if (send >= maxSends) {
                        throw e;
                    }
                    pause(send, null, "the start of " + what + " never reached IICS (" + e.getMessage() + ")");
                    continue;
                }
            }
            Reconciled<R> found = kind.reconcile(sentAt);
            switch (found.verdict()) {
                case FOUND -> {
                    return claimed(kind, gate, found.run().orElseThrow());
                }
                case ABSENT -> {
                    gate.concluded(new StartSettlement(StartSettlement.Outcome.NOT_STARTED, kind.task(), null));
                    if (gate.cancelled()) {
                        throw new StartCancelledException("the start of " + what + " was cancelled; IICS was checked "
                                + "and it did not happen");
                    }
                    if (send >= maxSends) {
                        throw unclear instanceof IicsConnectionException c ? c
                                : new IicsConnectionException("could not start " + what + " after " + send
                                        + " attempts (" + unclear.getMessage() + "): retry later", unclear);
                    }
                    trace.note("the start of " + what + " did not happen: sending it again");
                }
                default -> {
                    gate.concluded(new StartSettlement(StartSettlement.Outcome.UNKNOWN, kind.task(), null));
                    throw new IicsConnectionException("the start of " + what + " may or may not have happened and "
                            + "IICS could not be checked: look at " + kind.whereToLook() + " before starting it again",
                            unclear, true);
                }
            }
        }
    }

    private <R> R claimed(StartKind<R> kind, StartGate gate, R run) {
        R mine = kind.claim(run);
        gate.concluded(StartSettlement.started(kind.taskOf(mine), kind.runId(mine)));
        return mine;
    }

    private <R> StartSettlement settlement(StartKind<R> kind, Reconciled<R> found) {
        return switch (found.verdict()) {
            case FOUND -> {
                R run = found.run().orElseThrow();
                yield StartSettlement.started(kind.taskOf(run), kind.runId(run));
            }
            case ABSENT -> new StartSettlement(StartSettlement.Outcome.NOT_STARTED, kind.task(), null);
            default -> new StartSettlement(StartSettlement.Outcome.UNKNOWN, kind.task(), null);
        };
    }

    private void pause(int send, HttpAnswer answer, String why) {
        Duration delay = backoff.delay(send, answer == null ? null : answer.headers());
        trace.note(why + ": sending it again in " + delay.toMillis() + " ms"
                + (answer != null && answer.headers().firstValue("Retry-After").isPresent() ? " (Retry-After)" : ""));
        backoff.sleep(delay);
    }
}
