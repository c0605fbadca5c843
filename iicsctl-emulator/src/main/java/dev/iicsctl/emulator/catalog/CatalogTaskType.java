package dev.iicsctl.emulator.catalog;

import java.util.Optional;

/** The task types that {@code POST /api/v2/job} runs. */
public enum CatalogTaskType {
    /** Mapping task. */
    MTT,
    /** Synchronization task. */
    DSS,
    /** Replication task. */
    DRS,
    /** Masking task. */
    DMASK,
    /** PowerCenter task. */
    PCS,
    /** Linear taskflow: runs its children one after the other. */
    WORKFLOW;

    /** Case-insensitive lookup, so that the documented {@code "Workflow"} is accepted. */
    public static Optional<CatalogTaskType> parse(String text) {
        return Enums.parse(CatalogTaskType.class, text);
    }

    /** The prefix of generated v2 ids for this type (object-type code in real v2 ids). */
    String idPrefix() {
        return this == WORKFLOW ? "0100000F" : "0100000Z";
    }
}
