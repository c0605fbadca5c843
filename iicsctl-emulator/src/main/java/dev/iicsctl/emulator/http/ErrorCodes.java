package dev.iicsctl.emulator.http;

/**
 * The error codes the emulator answers with. Only {@link #BAD_LOGIN_V2} and {@link #BAD_LOGIN_V3} are documented
 * by Informatica; the others are emulator choices (prefixed {@code EMU_} so nobody takes them for real codes).
 */
public final class ErrorCodes {
    /** v2 bad user name or password (documented). */
    public static final String BAD_LOGIN_V2 = "UI_10000";
    /** v3 bad user name or password (documented). */
    public static final String BAD_LOGIN_V3 = "IDS_085";
    /** loginOAuth/loginSaml with a token or SAML response that is invalid, expired or used before (HTTP 403). */
    public static final String BAD_TOKEN = "EMU_BAD_TOKEN";
    /** loginOAuth/loginSaml in an org without an identity provider (HTTP 403). */
    public static final String NO_SSO = "EMU_NO_SSO";
    /** Missing, unknown or expired session id (HTTP 401). */
    public static final String INVALID_SESSION = "EMU_INVALID_SESSION";
    /** Missing or invalid field, malformed body (HTTP 400). */
    public static final String BAD_REQUEST = "EMU_BAD_REQUEST";
    /** Body that is not valid JSON or XML (HTTP 400). */
    public static final String MALFORMED_BODY = "EMU_MALFORMED_BODY";
    /** Unknown {@code taskType} (HTTP 400). */
    public static final String BAD_TASK_TYPE = "EMU_BAD_TASK_TYPE";
    /** No task with that id, federated id, name or path (HTTP 404). */
    public static final String TASK_NOT_FOUND = "EMU_TASK_NOT_FOUND";
    /** More than one task with that name (HTTP 400). */
    public static final String AMBIGUOUS_TASK = "EMU_AMBIGUOUS_TASK";
    /** Stop of a task that has no running job (HTTP 400). */
    public static final String NOT_RUNNING = "EMU_NO_RUNNING_JOB";
    /** Unknown activity log entry, taskflow run or object (HTTP 404). */
    public static final String NOT_FOUND = "EMU_NOT_FOUND";
    /** No such route on this host (HTTP 404). */
    public static final String NO_ROUTE = "EMU_NO_ROUTE";
    /** The route exists with other methods (HTTP 405). */
    public static final String METHOD_NOT_ALLOWED = "EMU_METHOD_NOT_ALLOWED";
    /** Run of a taskflow that is not published (HTTP 404). */
    public static final String NOT_PUBLISHED = "EMU_TASKFLOW_NOT_PUBLISHED";
    /** Resume of a taskflow run that is not suspended, terminate of a finished one (HTTP 400). */
    public static final String BAD_RUN_STATE = "EMU_BAD_RUN_STATE";
    /** Answer forced by a {@code status} fault rule without a body. */
    public static final String FAULT = "EMU_FAULT";
    /** An emulator bug (HTTP 500). */
    public static final String INTERNAL = "EMU_INTERNAL";

    private ErrorCodes() {}
}
