package dev.iicsctl.client.internal.start;

/**
 * What an answer to a start request says.
 *
 * @param <R> the kind's run handle
 */
public sealed interface StartAnswer<R> {

    /**
     * The run was created.
     *
     * @param run the run
     */
    record Started<R>(R run) implements StartAnswer<R> {}

    /**
     * IICS refused the request before acting on it: nothing started, and sending it again would be refused too.
     *
     * @param error what to throw
     */
    record Refused<R>(RuntimeException error) implements StartAnswer<R> {}

    /**
     * The answer does not say whether the run was created (e.g. a success without a run id).
     *
     * @param error what to throw if the outcome stays unknown
     */
    record Unclear<R>(RuntimeException error) implements StartAnswer<R> {}
}
