package dev.iicsctl.emulator.catalog;

import java.util.List;

/**
 * A runnable task (or linear taskflow) of the catalog.
 *
 * @param path        {@code project/folder/name}
 * @param type        the task type
 * @param id          the v2 id
 * @param federatedId the v3 (federated) id
 * @param run         what every run does unless {@code runs} scripts it
 * @param runs        scripts for run 1, run 2, ...
 * @param children    for {@link CatalogTaskType#WORKFLOW}: the paths of the tasks it runs, in order
 */
public record CatalogTask(String path, CatalogTaskType type, String id, String federatedId,
                          RunScript run, List<RunScript> runs, List<String> children) {
    public CatalogTask {
        runs = List.copyOf(runs);
        children = List.copyOf(children);
    }

    /** The task name: the last part of the path. */
    public String name() {
        return CatalogPaths.name(path);
    }

    /** The folder part of the path ({@code project/folder}), as v3 {@code location}. */
    public String location() {
        return CatalogPaths.location(path);
    }

    /** The script of run number {@code runNumber} (1-based). */
    public RunScript scriptFor(long runNumber) {
        return runNumber >= 1 && runNumber <= runs.size() ? runs.get((int) runNumber - 1) : run;
    }
}
