package dev.iicsctl.client.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The runnable IICS task types, with their wire codes. */
public enum TaskType {
    /** Mapping task. */
    MTT("MTT"),
    /** Synchronization task. */
    DSS("DSS"),
    /** Replication task. */
    DRS("DRS"),
    /** Masking task. */
    DMASK("DMASK"),
    /** PowerCenter task. */
    PCS("PCS"),
    /** Linear taskflow (the v2 job resource's {@code Workflow}). */
    WORKFLOW("WORKFLOW"),
    /** Taskflow (Application Integration engine; run through {@code /active-bpel}, not the v2 job resource). */
    TASKFLOW("TASKFLOW");

    private final String code;

    TaskType(String code) {
        this.code = code;
    }

    /** @return the code used in requests ({@code taskType}, lookup {@code type}, {@code q=type=='...'}) */
    public String code() {
        return code;
    }

    /** @return {@code true} for the types started through the v2 job resource (all but {@link #TASKFLOW}) */
    public boolean isV2Job() {
        return this != TASKFLOW;
    }

    /**
     * @param text a wire code or name in any case, e.g. {@code mtt}, {@code Workflow}
     * @return the type
     * @throws IllegalArgumentException naming the valid types
     */
    public static TaskType parse(String text) {
        return fromCode(text).orElseThrow(() -> new IllegalArgumentException("unknown task type '" + text
                + "': use one of " + Arrays.stream(values()).map(TaskType::code).collect(Collectors.joining(", "))));
    }

    /**
     * @param code a wire code in any case, possibly {@code null}
     * @return the type, or empty when the code is not a runnable task type (e.g. {@code MTT_TEST}, {@code Folder})
     */
    public static java.util.Optional<TaskType> fromCode(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
