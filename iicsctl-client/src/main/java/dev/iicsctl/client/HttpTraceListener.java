package dev.iicsctl.client;

/**
 * Receives the verbose HTTP trace: one line per request, answer, retry and re-login. Session ids, passwords
 * and session fields in bodies are already replaced by {@code ***}. The same lines go to the SLF4J logger
 * {@code dev.iicsctl.client.http} at DEBUG level.
 */
@FunctionalInterface
public interface HttpTraceListener {

    /**
     * @param line one redacted trace line
     */
    void trace(String line);
}
