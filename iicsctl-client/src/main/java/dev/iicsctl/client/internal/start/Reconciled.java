package dev.iicsctl.client.internal.start;

import java.util.Optional;

/**
 * What a look for the run of a start with an unknown outcome concluded.
 *
 * @param verdict the conclusion
 * @param run the run, when {@link Verdict#FOUND}
 * @param <R> the kind's run handle
 */
public record Reconciled<R>(Verdict verdict, Optional<R> run) {

    /** The conclusion. */
    public enum Verdict {
        /** The run was found. */
        FOUND,
        /** Every look worked for the whole window and found nothing: the start did not happen. */
        ABSENT,
        /** Some looks failed: nothing can be concluded. */
        UNKNOWN
    }

    /**
     * @param run the run found
     * @param <R> the kind's run handle
     * @return found
     */
    public static <R> Reconciled<R> found(R run) {
        return new Reconciled<>(Verdict.FOUND, Optional.of(run));
    }

    /**
     * @param allLooksWorked whether every look worked
     * @param <R> the kind's run handle
     * @return absent when every look worked, else unknown
     */
    public static <R> Reconciled<R> nothingFound(boolean allLooksWorked) {
        return new Reconciled<>(allLooksWorked ? Verdict.ABSENT : Verdict.UNKNOWN, Optional.empty());
    }
}
