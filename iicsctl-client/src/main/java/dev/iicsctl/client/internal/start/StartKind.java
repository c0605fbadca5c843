package dev.iicsctl.client.internal.start;

import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.task.TaskRef;
import java.time.Instant;

/**
 * What one kind of start (a job, a taskflow run) plugs into the {@link StartEngine}: its request, how its answer
 * reads, and how to look for the run a request with an unknown outcome may have created.
 *
 * @param <R> the kind's run handle
 */
public interface StartKind<R> {

    /** @return the task being started, for messages and for the caller's {@link StartGate} */
    TaskRef task();

    /** @return where a person looks for the run, e.g. {@code the activity monitor} */
    String whereToLook();

    /**
     * Sends the request once (never retried by the transport).
     *
     * @return the answer, of any status
     */
    HttpAnswer send();

    /**
     * Reads an answer that is neither a 429 nor a 5xx.
     *
     * @param answer the answer
     * @param sentAt server time when the request was sent
     * @return what the answer says
     */
    StartAnswer<R> read(HttpAnswer answer, Instant sentAt);

    /**
     * Looks for the run a request sent at {@code sentAt} may have created, for the client's reconcile window.
     *
     * @param sentAt server time when the request was sent
     * @return what the look concluded
     */
    Reconciled<R> reconcile(Instant sentAt);

    /**
     * The run is this client's from now on (a later reconcile never hands it out again).
     *
     * @param run the run the start created
     * @return the run
     */
    R claim(R run);

    /**
     * @param run a run of this kind
     * @return its run id as text
     */
    String runId(R run);

    /**
     * @param run a run of this kind
     * @return its task as IICS revealed it
     */
    TaskRef taskOf(R run);
}
