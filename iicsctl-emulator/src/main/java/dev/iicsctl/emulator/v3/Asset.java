package dev.iicsctl.emulator.v3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.http.Json;

/**
 * One object of the v3 repository view: a project, folder, task or taskflow.
 *
 * @param id                  the federated id
 * @param path                its path
 * @param type                {@code PROJECT}, {@code FOLDER}, {@code MTT}, ..., {@code TASKFLOW}
 * @param publicationStatus   for taskflows {@code published}/{@code unpublished}, otherwise {@code null}
 */
record Asset(String id, String path, String type, String publicationStatus) {
    static final String UPDATED_BY = "demo@example.com";
    static final String UPDATE_TIME = "2024-01-15T09:30:00Z";

    /** The folder part of the path ({@code ""} for a project). */
    String location() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("path", path);
        o.put("type", type);
        o.put("description", "");
        o.put("updatedBy", UPDATED_BY);
        o.put("updateTime", UPDATE_TIME);
        o.putArray("tags");
        o.putNull("sourceControl");
        if (publicationStatus == null) {
            o.putNull("customAttributes");
        } else {
            o.putObject("customAttributes").put("publicationStatus", publicationStatus);
        }
        return o;
    }
}
