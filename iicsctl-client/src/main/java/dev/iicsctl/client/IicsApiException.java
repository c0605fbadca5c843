package dev.iicsctl.client;

/**
 * The IICS API answered with an error, or with something that is not the JSON it should be
 * (an HTML page from a proxy, a truncated body). Carries the HTTP status, the IICS error code and the
 * request id when the answer had them.
 */
public class IicsApiException extends IicsException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** The IICS error code, or {@code null}. */
    private final String code;
    /** The request or tracking id, or {@code null}. */
    private final String requestId;
    /** The call that failed, or {@code null}. */
    private final String call;

    /**
     * @param message one-line message naming the fix, without secrets
     * @param httpStatus HTTP status (200 for a malformed success answer)
     * @param code IICS error code, or {@code null}
     * @param requestId request or tracking id from the error body, or {@code null}
     * @param call the call that failed, e.g. {@code POST /saas/api/v2/job} (no query string), or {@code null}
     * @param cause underlying parse error, or {@code null}
     */
    public IicsApiException(String message, int httpStatus, String code, String requestId, String call,
            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.call = call;
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
        return getMessage() + nl + "  call: " + call + nl + "  HTTP status: " + httpStatus + nl
                + "  IICS code: " + code + nl + "  request id: " + requestId;
    }
}
