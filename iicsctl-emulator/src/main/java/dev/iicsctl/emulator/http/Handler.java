package dev.iicsctl.emulator.http;

/** Answers one routed request. Errors are thrown as {@link ApiException}. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
