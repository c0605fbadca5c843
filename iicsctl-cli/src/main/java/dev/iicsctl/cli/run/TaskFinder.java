package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.cli.session.ResolutionCache;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the task a {@link TaskName} means (product contract 2.3), and suggests the closest when none matches.
 * With a {@link ResolutionCache}, a path, name or federated id resolved moments ago is taken from it without a
 * request, and {@link #afresh} resolves such a task again when IICS refuses to start it as unknown.
 */
public final class TaskFinder implements TaskRefresh {
    private final IicsClient client;
    private final List<String> positional;
    private final Optional<ResolutionCache> cache;
    /** The tasks this finder took from the cache, with how they were named. */
    private final Map<TaskRef, TaskName> cached = new ConcurrentHashMap<>();

    public TaskFinder(IicsClient client) {
        this(client, List.of(), Optional.empty());
    }

    /**
     * @param positional the TASK arguments as given, so that an unquoted name with spaces (several arguments) can
     *     be recognised
     * @param cache the resolution cache, or empty to ask IICS every time
     */
    public TaskFinder(IicsClient client, List<String> positional, Optional<ResolutionCache> cache) {
        this.client = client;
        this.positional = List.copyOf(positional);
        this.cache = cache;
    }

    /**
     * @throws CliException (exit 2) when {@code --id} has no type
     * @throws TaskNotFoundException when nothing or several tasks match; a path or name not found names the
     *     closest existing ones, or says to quote a name with spaces
     */
    public TaskRef resolve(TaskName name) {
        if (name.kind() == TaskName.Kind.ID || cache.isEmpty()) {
            return lookUp(name); // a v2 id needs no request at all
        }
        ResolutionCache.Owner owner = owner();
        Optional<TaskRef> known = cache.get().find(owner, key(name));
        if (known.isPresent()) {
            cached.put(known.get(), name);
            return known.get();
        }
        TaskRef found = lookUp(name);
        cache.get().remember(owner, key(name), found);
        return found;
    }

    /**
     * A task IICS refused to start as unknown: when it came from the cache (deleted, moved or renamed since), the
     * entry is dropped and the name resolved again.
     *
     * @return the task the name means now, when it came from the cache and is another task now
     * @throws TaskNotFoundException when the name means no task any more
     */
    @Override
    public Optional<TaskRef> afresh(TaskRef refused) {
        TaskName name = cached.remove(refused);
        if (name == null) {
            return Optional.empty();
        }
        ResolutionCache.Owner owner = owner();
        cache.orElseThrow().forget(owner, key(name));
        TaskRef fresh = lookUp(name);
        cache.get().remember(owner, key(name), fresh);
        return fresh.equals(refused) ? Optional.empty() : Optional.of(fresh);
    }

    /** The cache belongs to the login URL, pod and user of the session (a cached session costs no request). */
    private ResolutionCache.Owner owner() {
        Session session = client.auth().session();
        return new ResolutionCache.Owner(session.loginUrl().toString(), session.serverUrl().toString(),
                session.username());
    }

    private static String key(TaskName name) {
        return name.kind() + "|" + name.type().map(TaskType::code).orElse("") + "|" + name.value();
    }

    private TaskRef lookUp(TaskName name) {
        TaskType type = name.type().orElse(null);
        return switch (name.kind()) {
            case PATH, NAME -> {
                try {
                    yield client.tasks().resolve(name.value(), type);
                } catch (TaskNotFoundException e) {
                    throw e.reason() == TaskNotFoundException.Reason.NOT_FOUND ? withHint(e, name) : e;
                }
            }
            case FEDERATED_ID -> client.tasks().byFederatedId(name.value(), type);
            case ID -> {
                if (type == null) {
                    throw CliException.usage("--id " + name.value() + " needs the task type: add -t/--type "
                            + "(MTT, DSS, DRS, DMASK, PCS or WORKFLOW)");
                }
                yield client.tasks().byId(name.value(), type);
            }
        };
    }

    private TaskNotFoundException withHint(TaskNotFoundException notFound, TaskName name) {
        List<TaskRef> tasks;
        try {
            tasks = client.tasks().list(name.type().orElse(null), null);
        } catch (RuntimeException e) {
            return notFound; // the hint is a convenience; the error stands without it
        }
        boolean byPath = name.kind() == TaskName.Kind.PATH;
        int index = positional.indexOf(name.value());
        Optional<String> joined = index < 0 ? Optional.empty()
                : TaskSuggestions.joined(positional, index, byPath, tasks);
        String hint;
        if (joined.isPresent()) {
            hint = "; a name with spaces must be quoted: \"" + joined.get() + "\"";
        } else {
            List<String> closest = TaskSuggestions.closest(name.value(), byPath, tasks);
            if (closest.isEmpty()) {
                return notFound;
            }
            hint = "; did you mean " + closest.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or "))
                    + "?";
        }
        return new TaskNotFoundException(notFound.reason(), notFound.getMessage() + hint, List.of());
    }
}
