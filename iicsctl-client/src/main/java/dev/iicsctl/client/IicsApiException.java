package dev.iicsctl.client;

/**
 * The IICS API answered with an error, or with something that is not the JSON it should be
 * (an HTML page from a proxy, a truncated body). Carries the HTTP status, the IICS error code and the
 * request id when the answer had them, and a {@link #reason()} to act on without reading the message.
 */
public class IicsApiException extends IicsException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it is. */
    public enum Reason {
        /** IICS does not know what was asked for: HTTP 404, or a refusal whose IICS description says so. */
        NOT_FOUND,
        /** IICS refused the request (another 4xx: bad values, missing privileges...). */
        REFUSED,
        /** Too many requests (HTTP 429): the same request may succeed later. */
        RATE_LIMITED,
        /** IICS or a gateway in front of it failed (5xx): the same request may succeed later. */
        SERVICE_FAILED,
        /** A success answer that is not what was asked for: not JSON, cut short, too large, a damaged file. */
        BAD_ANSWER,
        /** Any other status (a redirect, an informational answer). */
        OTHER;

        /**
         * @param httpStatus an HTTP status
         * @return the reason that status alone gives
         */
        public static Reason of(int httpStatus) {
            if (httpStatus == 404) {
                return NOT_FOUND;
            }
            if (httpStatus == 429) {
                return RATE_LIMITED;
            }
            if (httpStatus >= 400 && httpStatus < 500) {
                return REFUSED;
            }
            if (httpStatus >= 500) {
                return SERVICE_FAILED;
            }
            return httpStatus >= 200 && httpStatus < 300 ? BAD_ANSWER : OTHER;
        }
    }

    /** What kind of failure it is. */
    private final Reason reason;
    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** The IICS error code, or {@code null}. */
    private final String code;
    /** The request or tracking id, or {@code null}. */
    private final String requestId;
    /** The call that failed, or {@code null}. */
    private final String call;

    /**
     * An exception whose reason is the one its HTTP status gives ({@link Reason#of(int)}).
     *
     * @param message one-line message naming the fix, without secrets
     * @param httpStatus HTTP status (200 for a malformed success answer)
     * @param code IICS error code, or {@code null}
     * @param requestId request or tracking id from the error body, or {@code null}
     * @param call the call that failed, e.g. {@code POST /saas/api/v2/job} (no query string), or {@code null}
     * @param cause underlying parse error, or {@code null}
     */
    public IicsApiException(String message, int httpStatus, String code, String requestId, String call,
            Throwable cause) {
        this(Reason.of(httpStatus), message, httpStatus, code, requestId, call, cause);
    }

    /**
     * @param reason what kind of failure it is
     * @param message one-line message naming the fix, without secrets
     * @param httpStatus HTTP status (200 for a malformed success answer)
     * @param code IICS error code, or {@code null}
     * @param requestId request or tracking id from the error body, or {@code null}
     * @param call the call that failed, e.g. {@code POST /saas/api/v2/job} (no query string), or {@code null}
     * @param cause underlying parse error, or {@code null}
     */
    public IicsApiException(Reason reason, String message, int httpStatus, String code, String requestId,
            String call, Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.call = call;
    }

    /** @return what kind of failure it is */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status of the answer */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the IICS error code ({@code code} of the v2 or v3 error object), or {@code null} */
    public String code() {
        return code;
    }

    /** @return the request id of a v3 error object, or {@code null} */
    public String requestId() {
        return requestId;
    }

    /** @return the call that failed, e.g. {@code POST /saas/api/v2/job}, or {@code null} */
    public String call() {
        return call;
    }

    @Override
    public String detail() {
        String nl = System.lineSeparator();
        return getMessage() + nl + "  call: " + call + nl + "  HTTP status: " + httpStatus + " (" + reason + ")" + nl
                + "  IICS code: " + code + nl + "  request id: " + requestId;
    }
}
