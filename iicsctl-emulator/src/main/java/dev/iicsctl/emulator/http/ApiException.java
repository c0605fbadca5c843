package dev.iicsctl.emulator.http;

/**
 * Thrown by route handlers to answer with an error object. The route's {@link ErrorStyle} decides whether it
 * is written as a v2 or a v3 error.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The IICS-style error code. */
    public String code() {
        return code;
    }

    /** 400 for a missing or invalid request field. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.BAD_REQUEST, message);
    }

    /** 404 for an unknown asset or run. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }
}
