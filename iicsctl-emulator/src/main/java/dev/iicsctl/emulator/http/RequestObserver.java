package dev.iicsctl.emulator.http;

/** Told about every API request (control-API calls excluded) once its answer is decided. */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param routeKey {@code "METHOD /route/template"}
     * @param request  the request
     * @param status   the HTTP status answered, or 0 when the connection was dropped without an answer
     * @param fault    the {@linkplain dev.iicsctl.emulator.fault.FaultRule#label() label} of the fault rule that
     *                 hit the request, or {@code null}
     */
    void observed(String routeKey, Request request, int status, String fault);
}
