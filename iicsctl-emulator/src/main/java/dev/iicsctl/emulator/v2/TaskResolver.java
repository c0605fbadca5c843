package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskType;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.Json;
import java.util.List;
import java.util.Optional;

/** Finds the task a v2 {@code job} object names: by {@code taskId}, {@code taskFederatedId} or {@code taskName}. */
final class TaskResolver {
    private TaskResolver() {}

    static CatalogTask resolve(Catalog catalog, ObjectNode job) {
        String typeText = Json.text(job, "taskType");
        if (typeText == null) {
            throw ApiException.badRequest("'taskType' is required: MTT, DSS, DRS, DMASK, PCS or WORKFLOW.");
        }
        CatalogTaskType type = CatalogTaskType.parse(typeText).orElseThrow(() -> new ApiException(400, ErrorCodes.BAD_TASK_TYPE,
                "Invalid taskType '" + typeText + "': use MTT, DSS, DRS, DMASK, PCS or WORKFLOW"
                        + ("TASKFLOW".equalsIgnoreCase(typeText) ? " (run taskflows through /active-bpel/rt/{apiName})." : ".")));
        String id = Json.text(job, "taskId");
        String federatedId = Json.text(job, "taskFederatedId");
        String name = Json.text(job, "taskName");
        Optional<CatalogTask> task;
        String named;
        if (id != null) {
            task = catalog.taskById(id);
            named = "id " + id;
        } else if (federatedId != null) {
            task = catalog.taskByFederatedId(federatedId);
            named = "federated id " + federatedId;
        } else if (name != null) {
            task = byName(catalog, name, type);
            named = "name '" + name + "'";
        } else {
            throw ApiException.badRequest("One of 'taskId', 'taskFederatedId' or 'taskName' is required.");
        }
        CatalogTask found = task.orElseThrow(() -> ApiException.notFound(ErrorCodes.TASK_NOT_FOUND,
                "No " + type + " task with " + named + "."));
        if (found.type() != type) {
            throw ApiException.notFound(ErrorCodes.TASK_NOT_FOUND, "No " + type + " task with " + named
                    + " (it is a " + found.type() + " task).");
        }
        return found;
    }

    private static Optional<CatalogTask> byName(Catalog catalog, String name, CatalogTaskType type) {
        List<CatalogTask> found = catalog.tasksByName(name).stream().filter(t -> t.type() == type).toList();
        if (found.size() > 1) {
            throw new ApiException(400, ErrorCodes.AMBIGUOUS_TASK, "Several " + type + " tasks are named '" + name
                    + "'; use taskFederatedId from the v3 lookup resource.");
        }
        return found.stream().findFirst();
    }
}
