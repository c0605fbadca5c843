package dev.iicsctl.emulator;

import java.time.Instant;

/**
 * One API request the emulator received (control-API calls are not recorded). Headers and bodies are not kept,
 * so no session id or password ends up here.
 *
 * @param method   HTTP method
 * @param path     request path
 * @param query    raw query string, or {@code null}
 * @param routeKey {@code "METHOD /route/template"}
 * @param status   answered status, 0 when the connection was dropped without an answer
 * @param time     when it arrived
 * @param fault    label of the fault rule that hit it ({@link dev.iicsctl.emulator.fault.FaultRule#label()}), or
 *                 {@code null}
 */
public record RecordedRequest(String method, String path, String query, String routeKey, int status, Instant time,
                              String fault) {}
