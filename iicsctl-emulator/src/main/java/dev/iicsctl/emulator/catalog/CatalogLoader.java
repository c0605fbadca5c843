package dev.iicsctl.emulator.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iicsctl.emulator.id.StableIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses catalog YAML and validates it, failing with one-line messages that name the asset and the fix. */
final class CatalogLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("users", "tasks", "taskflows", "identityProvider");
    private static final Set<String> USER = Set.of("username", "password", "org");
    private static final Set<String> TASK = Set.of("path", "type", "id", "federatedId", "run", "runs", "children");
    private static final Set<String> IDP = Set.of("issuer", "audience", "tokens", "samlResponses");
    private static final Set<String> FLOW = Set.of("path", "apiName", "federatedId", "published", "run", "subtasks");

    private CatalogLoader() {}

    static Catalog load(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new CatalogException("not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CatalogException("the catalog is empty: give at least 'tasks:' or 'taskflows:'");
        }
        if (!root.isObject()) {
            throw new CatalogException("the catalog must be a mapping with 'users', 'tasks' and 'taskflows'");
        }
        onlyKnownFields(root, TOP, "the catalog");
        List<CatalogUser> users = users(root.get("users"));
        List<CatalogTask> tasks = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list(root.get("tasks"), "tasks")) {
            CatalogTask task = task(node);
            unique(paths, task.path(), "duplicate path '" + task.path() + "'");
            unique(ids, task.id(), "duplicate id '" + task.id() + "' (task " + task.path() + ")");
            unique(ids, task.federatedId(), "duplicate federatedId '" + task.federatedId() + "' (task " + task.path() + ")");
            tasks.add(task);
        }
        List<CatalogTaskflow> flows = new ArrayList<>();
        Set<String> apiNames = new HashSet<>();
        for (JsonNode node : list(root.get("taskflows"), "taskflows")) {
            CatalogTaskflow flow = taskflow(node);
            unique(paths, flow.path(), "duplicate path '" + flow.path() + "'");
            unique(ids, flow.federatedId(), "duplicate federatedId '" + flow.federatedId() + "' (taskflow " + flow.path() + ")");
            unique(apiNames, flow.apiName(), "duplicate apiName '" + flow.apiName() + "' (taskflow " + flow.path() + ")");
            flows.add(flow);
        }
        checkReferences(tasks, flows);
        return new Catalog(users, tasks, flows, identityProvider(root.get("identityProvider"), users));
    }

    private static List<CatalogUser> users(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of(CatalogUser.DEMO);
        }
        List<CatalogUser> users = new ArrayList<>();
        for (JsonNode u : list(node, "users")) {
            onlyKnownFields(u, USER, "a user");
            String name = requiredText(u, "username", "a user");
            users.add(new CatalogUser(name, requiredText(u, "password", "user " + name), text(u, "org", "Demo Org")));
        }
        return users;
    }

    private static CatalogIdentityProvider identityProvider(JsonNode node, List<CatalogUser> users) {
        if (node == null || node.isNull()) {
            return null;
        }
        String where = "identityProvider";
        if (!node.isObject()) {
            throw new CatalogException(where + " must be a mapping with at least 'issuer'");
        }
        onlyKnownFields(node, IDP, where);
        String issuer = requiredText(node, "issuer", where);
        return new CatalogIdentityProvider(issuer, text(node, "audience", null),
                credentials(node.get("tokens"), "token", where + " tokens", users),
                credentials(node.get("samlResponses"), "response", where + " samlResponses", users));
    }

    /** A list of {@code {<field>: secret, user: name}} mappings, each naming a user of the catalog. */
    private static Map<String, String> credentials(JsonNode node, String field, String where,
            List<CatalogUser> users) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 1;
        for (JsonNode entry : list(node, where)) {
            String at = where + " entry " + i++;
            if (!entry.isObject()) {
                throw new CatalogException(at + " must be a mapping with '" + field + "' and 'user'");
            }
            onlyKnownFields(entry, Set.of(field, "user"), at);
            String secret = requiredText(entry, field, at);
            String user = requiredText(entry, "user", at);
            if (users.stream().noneMatch(u -> u.username().equalsIgnoreCase(user))) {
                throw new CatalogException(at + ": user '" + user + "' is not in 'users'");
            }
            out.put(secret, user);
        }
        return out;
    }

    private static CatalogTask task(JsonNode node) {
        String path = path(node, "a task");
        String where = "task '" + path + "'";
        onlyKnownFields(node, TASK, where);
        String typeText = requiredText(node, "type", where);
        CatalogTaskType type = CatalogTaskType.parse(typeText).orElseThrow(() -> new CatalogException(where
                + ": unknown type '" + typeText + "'; use one of MTT, DSS, DRS, DMASK, PCS, WORKFLOW"));
        List<String> children = strings(node.get("children"), where + " children");
        if (type == CatalogTaskType.WORKFLOW) {
            if (children.isEmpty()) {
                throw new CatalogException(where + ": a WORKFLOW needs 'children' (the task paths it runs)");
            }
            if (node.has("run") || node.has("runs")) {
                throw new CatalogException(where + ": a WORKFLOW takes its timing from its children; remove 'run'/'runs'");
            }
        } else if (!children.isEmpty()) {
            throw new CatalogException(where + ": only a WORKFLOW has 'children'");
        }
        RunScript run = node.has("run") ? RunScripts.parse(node.get("run"), where + " run", false) : RunScript.DEFAULT;
        List<RunScript> runs = new ArrayList<>();
        int i = 1;
        for (JsonNode r : list(node.get("runs"), where + " runs")) {
            runs.add(RunScripts.parse(r, where + " run " + i++, false));
        }
        String id = text(node, "id", StableIds.v2Id(type.idPrefix(), path));
        String fed = text(node, "federatedId", StableIds.federatedId(path));
        return new CatalogTask(path, type, id, fed, run, runs, children);
    }

    private static CatalogTaskflow taskflow(JsonNode node) {
        String path = path(node, "a taskflow");
        String where = "taskflow '" + path + "'";
        onlyKnownFields(node, FLOW, where);
        JsonNode published = node.get("published");
        if (published != null && !published.isBoolean()) {
            throw new CatalogException(where + ": 'published' must be true or false");
        }
        RunScript run = node.has("run") ? RunScripts.parse(node.get("run"), where + " run", true) : RunScript.DEFAULT;
        List<String> subtasks = strings(node.get("subtasks"), where + " subtasks");
        if (subtasks.isEmpty() && run.outcome() != Outcome.SUCCESS) {
            throw new CatalogException(where + ": a " + run.outcome().word()
                    + " taskflow needs 'subtasks' (its last subtask is the step that faults)");
        }
        return new CatalogTaskflow(path, text(node, "apiName", CatalogPaths.name(path)),
                text(node, "federatedId", StableIds.federatedId(path)),
                published == null || published.booleanValue(), run, subtasks);
    }

    private static void checkReferences(List<CatalogTask> tasks, List<CatalogTaskflow> flows) {
        Set<String> runnable = new HashSet<>();
        tasks.stream().filter(t -> t.type() != CatalogTaskType.WORKFLOW).forEach(t -> runnable.add(t.path()));
        for (CatalogTask t : tasks) {
            for (String child : t.children()) {
                if (!runnable.contains(child)) {
                    throw new CatalogException("task '" + t.path() + "': child path '" + child
                            + "' is not a task of the catalog (children must be non-WORKFLOW tasks)");
                }
            }
        }
        for (CatalogTaskflow f : flows) {
            for (String sub : f.subtasks()) {
                if (!runnable.contains(sub)) {
                    throw new CatalogException("taskflow '" + f.path() + "': subtask path '" + sub
                            + "' is not a task of the catalog");
                }
            }
        }
    }

    private static String path(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new CatalogException(what + " must be a mapping with at least 'path'");
        }
        String path = requiredText(node, "path", what);
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new CatalogException("path '" + path + "' must look like Project/Folder/Name");
        }
        return path;
    }

    static List<JsonNode> list(JsonNode node, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new CatalogException("'" + what + "' must be a list");
        }
        node.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode node, String what) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node, what)) {
            if (!n.isTextual()) {
                throw new CatalogException(what + ": '" + n + "' must be a task path");
            }
            out.add(n.asText());
        }
        return out;
    }

    static void onlyKnownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new CatalogException(where + ": unknown field '" + field + "'; expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new CatalogException(where + ": '" + field + "' is missing");
        }
        return v.asText().trim();
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static void unique(Set<String> seen, String value, String message) {
        if (!seen.add(value)) {
            throw new CatalogException(message);
        }
    }
}
