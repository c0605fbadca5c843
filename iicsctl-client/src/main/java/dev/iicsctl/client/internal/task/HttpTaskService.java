package dev.iicsctl.client.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.TaskNotFoundException.Reason;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskService;
import dev.iicsctl.client.task.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link TaskService} over the v3 lookup and objects resources. A path is one lookup request that asks for it
 * as every candidate type at once; a name is one {@code objects} query for every candidate type (two when the
 * server refuses its filter), page by page. What the lookup does with a path that does not exist is not
 * documented, so a missing entry, an entry without an id and an entry with an {@code error} all mean "not
 * found", the entries may come in any order (each is matched by its type and path), and a batch refused as a
 * whole (4xx) is asked again one type at a time.
 */
public final class HttpTaskService implements TaskService {

    private static final int PAGE = 200;
    private static final int MAX_PAGES = 500;

    private final IicsApi api;

    /**
     * @param api the API
     */
    public HttpTaskService(IicsApi api) {
        this.api = api;
    }

    @Override
    public TaskRef resolve(String pathOrName, TaskType type) {
        if (pathOrName == null || pathOrName.isBlank()) {
            throw new IllegalArgumentException("task name or path is empty: give a name or Project/Folder/Name");
        }
        String text = pathOrName.trim();
        List<TaskRef> found = text.contains("/") ? byPath(text, type) : byName(text, type);
        String what = (text.contains("/") ? "path '" : "name '") + text + "'" + (type == null ? "" : " of type "
                + type.code());
        if (found.isEmpty()) {
            throw new TaskNotFoundException(Reason.NOT_FOUND, "no task with " + what + ": check the spelling"
                    + (text.contains("/") ? " (Project/Folder/Name)" : "") + (type == null ? "" : " and the type")
                    + ", or list tasks to see what exists", List.of());
        }
        if (found.size() > 1) {
            throw new TaskNotFoundException(Reason.AMBIGUOUS, "the " + what + " matches " + found.size() + " tasks: "
                    + found.stream().map(t -> t.path() + " (" + t.type().code() + ")").collect(Collectors.joining(", "))
                    + "; name one by its path" + (type == null ? " or give its type" : ""), found);
        }
        return found.get(0);
    }

    @Override
    public TaskRef byFederatedId(String federatedId, TaskType type) {
        ObjectNode item = WireJson.object().put("id", federatedId);
        List<JsonNode> answered = lookup(List.of(item));
        Optional<JsonNode> object = (answered == null ? List.<JsonNode>of() : answered).stream().filter(o -> federatedId.equals(WireJson.text(o, "id")))
                .findFirst();
        if (object.isEmpty()) {
            throw new TaskNotFoundException(Reason.NOT_FOUND, "no object with federated id " + federatedId
                    + ": check the id", List.of());
        }
        String code = WireJson.text(object.get(), "type");
        Optional<TaskType> actual = TaskType.fromCode(code);
        if (actual.isEmpty() && type == null) {
            throw new TaskNotFoundException(Reason.NOT_RUNNABLE, "federated id " + federatedId + " names a " + code
                    + ", which is not a runnable task", List.of());
        }
        if (type != null && actual.isPresent() && actual.get() != type) {
            throw new TaskNotFoundException(Reason.NOT_FOUND, "federated id " + federatedId + " names a "
                    + actual.get().code() + ", not a " + type.code() + ": check the type", List.of());
        }
        return toRef(object.get(), actual.orElse(type));
    }

    @Override
    public TaskRef byId(String id, TaskType type) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("task id is empty: give the v2 id of the task");
        }
        if (type == null) {
            throw new IllegalArgumentException("a task named by its v2 id needs a task type (MTT, DSS, ...)");
        }
        return TaskRef.ofId(id.trim(), type);
    }

    @Override
    public List<TaskRef> list(TaskType type, String location) {
        String folder = location == null ? null : trimSlashes(location.trim());
        List<TaskRef> tasks = new ArrayList<>();
        for (TaskRef ref : search(types(type))) {
            if (folder == null || folder.isEmpty() || inFolder(ref.path(), folder)) {
                tasks.add(ref);
            }
        }
        tasks.sort(Comparator.comparing(t -> t.path() == null ? "" : t.path()));
        return tasks;
    }

    private List<TaskRef> byPath(String path, TaskType type) {
        String clean = trimSlashes(path);
        List<ObjectNode> items = new ArrayList<>();
        for (TaskType t : types(type)) {
            items.add(WireJson.object().put("path", clean).put("type", t.code()));
        }
        List<JsonNode> objects = lookup(items);
        if (objects == null) {
            // The batch was refused as a whole (one missing path may fail it): ask for one type at a time.
            objects = new ArrayList<>();
            for (ObjectNode item : items) {
                List<JsonNode> one = lookup(List.of(item));
                if (one != null) {
                    objects.addAll(one);
                }
            }
        }
        Map<String, TaskRef> found = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            Optional<TaskType> t = TaskType.fromCode(WireJson.text(o, "type"));
            String p = WireJson.text(o, "path");
            if (WireJson.text(o, "id") != null && t.isPresent() && (type == null || t.get() == type)
                    && (p == null || trimSlashes(p).equalsIgnoreCase(clean))) {
                TaskRef ref = toRef(o, t.get());
                found.putIfAbsent(ref.federatedId(), ref.path() == null ? withPath(ref, clean) : ref);
            }
        }
        return new ArrayList<>(found.values());
    }

    private List<TaskRef> byName(String name, TaskType type) {
        List<TaskRef> found = new ArrayList<>();
        for (TaskRef ref : search(types(type))) {
            if (name.equals(ref.name())) {
                found.add(ref);
            }
        }
        return found;
    }

    /**
     * @return the objects answered, or {@code null} when the lookup was refused with a 4xx
     */
    private List<JsonNode> lookup(List<ObjectNode> items) {
        ObjectNode body = WireJson.object();
        ArrayNode objects = body.putArray("objects");
        items.forEach(objects::add);
        return api.read(ApiRequest.post(ApiArea.V3, "/lookup").json(body).build(), this::lookupAnswer);
    }

    private List<JsonNode> lookupAnswer(HttpAnswer answer) {
        if (answer.status() >= 400 && answer.status() < 500) {
            return null;
        }
        JsonNode json = WireJson.parse(api.require(answer));
        List<JsonNode> found = new ArrayList<>();
        JsonNode list = json.isArray() ? json : json.path("objects");
        for (JsonNode o : list) {
            if (o.isObject() && WireJson.text(o, "id") != null && !o.hasNonNull("error")) {
                found.add(o);
            }
        }
        return found;
    }

    /**
     * The runnable tasks of these types, all pages: one {@code objects} query whose filter names every type
     * ({@code type=='MTT' or type=='DSS' ...}). Only {@code and} is documented between terms: a server that
     * refuses the {@code or} filter (a 4xx) is asked once more without a filter, and every answer is filtered
     * here by type too, so a server that ignores the filter changes nothing.
     */
    private List<TaskRef> search(List<TaskType> types) {
        String filter = types.stream().map(t -> "type=='" + t.code() + "'").collect(Collectors.joining(" or "));
        List<TaskRef> found = search(types, filter);
        return found != null ? found : search(types, null);
    }

    /** @return the tasks, or {@code null} when the first page was refused with a 4xx */
    private List<TaskRef> search(List<TaskType> types, String filter) {
        List<TaskRef> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            if (filter != null) {
                query.put("q", filter);
            }
            query.put("limit", Integer.toString(PAGE));
            query.put("skip", Integer.toString(page * PAGE));
            boolean first = page == 0;
            JsonNode json = api.read(ApiRequest.get(ApiArea.V3, "/objects").query(query).build(),
                    answer -> first && filter != null && answer.status() >= 400 && answer.status() < 500
                            ? null : WireJson.parse(api.require(answer)));
            if (json == null) {
                return null;
            }
            JsonNode objects = json.isArray() ? json : json.path("objects");
            int n = 0;
            for (JsonNode o : objects) {
                n++;
                runnable(o, types).ifPresent(all::add);
            }
            Long count = WireJson.number(json, "count");
            if (n < PAGE || count != null && (long) (page + 1) * PAGE >= count) {
                break;
            }
        }
        return all;
    }

    /**
     * An entry of one of the types asked for. An entry without a type is taken for the type only when one type
     * was asked for; an entry with no id, path or name names nothing that could be run.
     */
    private static Optional<TaskRef> runnable(JsonNode o, List<TaskType> types) {
        boolean namesSomething = WireJson.text(o, "id") != null || WireJson.text(o, "path") != null
                || WireJson.text(o, "name") != null;
        String code = WireJson.text(o, "type");
        Optional<TaskType> type = code == null && types.size() == 1 ? Optional.of(types.get(0))
                : TaskType.fromCode(code).filter(types::contains);
        return namesSomething ? type.map(t -> toRef(o, t)) : Optional.empty();
    }

    private static TaskRef toRef(JsonNode o, TaskType type) {
        String path = WireJson.text(o, "path");
        String name = WireJson.text(o, "name");
        if (path != null) {
            path = trimSlashes(path);
            if (name == null) {
                name = path.substring(path.lastIndexOf('/') + 1);
            }
        }
        String v2id = WireJson.text(o, "appContextId");
        return new TaskRef(v2id, WireJson.text(o, "id"), name, path, type);
    }

    private static TaskRef withPath(TaskRef ref, String path) {
        String name = ref.name() != null ? ref.name() : path.substring(path.lastIndexOf('/') + 1);
        return new TaskRef(ref.id(), ref.federatedId(), name, path, ref.type());
    }

    private static boolean inFolder(String path, String folder) {
        return path != null && path.toLowerCase(java.util.Locale.ROOT)
                .startsWith(folder.toLowerCase(java.util.Locale.ROOT) + "/");
    }

    private static List<TaskType> types(TaskType type) {
        return type == null ? List.of(TaskType.values()) : List.of(type);
    }

    private static String trimSlashes(String s) {
        String t = s;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
