package dev.iicsctl.emulator.http;

/** Told about every API request (control-API calls excluded) once its answer is decided. */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param routeKey {@code "METHOD /route/template"}
     * @param request  the request
     * @param status   the HTTP status answered, or 0 when the connection was dropped without an answer
     */
    void observed(String routeKey, Request request, int status);
}
