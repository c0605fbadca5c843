package dev.iicsctl.emulator.catalog;

import java.util.List;

/**
 * A (non-linear) taskflow, run through {@code /active-bpel/rt/{apiName}}.
 *
 * @param path        {@code project/folder/name}
 * @param apiName     the published service name
 * @param federatedId the v3 id
 * @param published   whether it can be run
 * @param run         duration and outcome (success, failed or suspended)
 * @param subtasks    the task paths it runs, in order
 */
public record CatalogTaskflow(String path, String apiName, String federatedId, boolean published,
                              RunScript run, List<String> subtasks) {
    public CatalogTaskflow {
        subtasks = List.copyOf(subtasks);
    }

    /** The taskflow name: the last part of the path. */
    public String name() {
        return CatalogPaths.name(path);
    }

    /** The folder part of the path. */
    public String location() {
        return CatalogPaths.location(path);
    }
}
