package dev.iicsctl.client.internal.api;

/** Which family of resources a call goes to; decides the base URL and the session header. */
public enum ApiArea {
    /** {@code <serverUrl>/api/v2/...} with header {@code icSessionId}. */
    V2,
    /** {@code <serverUrl>/public/core/v3/...} with header {@code INFA-SESSION-ID}. */
    V3,
    /** {@code <pod host root>/...} (taskflows, {@code /active-bpel}) with header {@code INFA-SESSION-ID}. */
    POD_ROOT
}
