package dev.iicsctl.client.job;

/**
 * Progress of a run being awaited or watched. Called from the polling thread after each poll whose state or
 * row counts differ from the previous one, and once with the final result. Keep it quick.
 */
@FunctionalInterface
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = snapshot -> { };

    /**
     * @param snapshot the run as just observed
     */
    void onProgress(RunResult snapshot);
}
