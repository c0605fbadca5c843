package dev.iicsctl.emulator.v3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskflow;
import dev.iicsctl.emulator.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which objects use which, for {@code objects/{id}/references}: a taskflow uses its subtasks and a linear
 * taskflow its children; a task is used by every flow that runs it.
 */
final class References {
    /**
     * One reference as the resource lists it.
     *
     * @param id           the federated id of the other object
     * @param appContextId its v2 id, or {@code null} for a taskflow (it has none)
     * @param path         its path
     * @param documentType its type
     */
    record Reference(String id, String appContextId, String path, String documentType) {
        ObjectNode json() {
            ObjectNode o = Json.object();
            o.put("id", id);
            o.put("appContextId", appContextId);
            o.put("path", path);
            o.put("documentType", documentType);
            o.put("description", "");
            o.put("lastUpdatedTime", Asset.UPDATE_TIME);
            return o;
        }
    }

    private final Map<String, List<Reference>> uses = new LinkedHashMap<>();
    private final Map<String, List<Reference>> usedBy = new LinkedHashMap<>();

    References(Catalog catalog) {
        for (CatalogTask t : catalog.tasks()) {
            Reference flow = new Reference(t.federatedId(), t.id(), t.path(), t.type().name());
            for (String child : t.children()) {
                catalog.taskByPath(child).ifPresent(c -> link(flow, c));
            }
        }
        for (CatalogTaskflow f : catalog.taskflows()) {
            Reference flow = new Reference(f.federatedId(), null, f.path(), "TASKFLOW");
            for (String sub : f.subtasks()) {
                catalog.taskByPath(sub).ifPresent(c -> link(flow, c));
            }
        }
    }

    private void link(Reference flow, CatalogTask task) {
        Reference used = new Reference(task.federatedId(), task.id(), task.path(), task.type().name());
        uses.computeIfAbsent(flow.id(), k -> new ArrayList<>()).add(used);
        usedBy.computeIfAbsent(task.id(), k -> new ArrayList<>()).add(flow);
        usedBy.computeIfAbsent(task.federatedId(), k -> new ArrayList<>()).add(flow);
    }

    /**
     * @param federatedId an object's id
     * @param usesDirection {@code true} for what it uses, {@code false} for what uses it
     * @return the references, in catalog order
     */
    List<Reference> of(String federatedId, boolean usesDirection) {
        List<Reference> found = (usesDirection ? uses : usedBy).get(federatedId);
        return found == null ? List.of() : found.stream().distinct().toList();
    }

    static Optional<Boolean> direction(String refType) {
        if ("uses".equalsIgnoreCase(refType)) {
            return Optional.of(true);
        }
        if ("usedBy".equalsIgnoreCase(refType)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
