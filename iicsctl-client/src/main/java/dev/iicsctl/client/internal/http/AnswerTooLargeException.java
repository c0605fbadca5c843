package dev.iicsctl.client.internal.http;

/**
 * An answer went past one of the {@link AnswerLimits} while it was read. Unchecked and not an
 * {@link java.io.IOException}, so that it is never retried: the same answer would be as large again.
 */
public final class AnswerTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param what what went past the limit, e.g. "the answer" or "the unpacked log"
     * @param limit the limit in bytes
     */
    public AnswerTooLargeException(String what, long limit) {
        this(what, limit, AnswerLimits.describe(limit));
    }

    /**
     * @param what what went past the limit
     * @param limit the limit
     * @param limitText the limit for the message, e.g. "1000 entries"
     */
    public AnswerTooLargeException(String what, long limit, String limitText) {
        super(what + " exceeds " + limitText);
        this.limit = limit;
    }

    /** @return the limit that was passed */
    public long limit() {
        return limit;
    }
}
