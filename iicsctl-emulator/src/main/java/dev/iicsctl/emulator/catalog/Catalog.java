package dev.iicsctl.emulator.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the emulator serves: users, tasks and taskflows (product contract section 4.2). Immutable and validated.
 * Create one with {@link #fromYaml(String)}, {@link #fromFile(Path)} or {@link #demo()}.
 */
public final class Catalog {
    private static final String DEMO_RESOURCE = "demo-catalog.yaml";

    private final List<CatalogUser> users;
    private final List<CatalogTask> tasks;
    private final List<CatalogTaskflow> taskflows;
    private final CatalogIdentityProvider identityProvider;
    private final Map<String, CatalogTask> tasksByPath = new LinkedHashMap<>();
    private final Map<String, CatalogTask> tasksById = new LinkedHashMap<>();
    private final Map<String, CatalogTask> tasksByFederatedId = new LinkedHashMap<>();
    private final Map<String, CatalogTaskflow> taskflowsByApiName = new LinkedHashMap<>();
    private final Map<String, CatalogTaskflow> taskflowsByFederatedId = new LinkedHashMap<>();

    /** Builds a catalog from already validated parts; use {@link CatalogLoader} to validate input. */
    Catalog(List<CatalogUser> users, List<CatalogTask> tasks, List<CatalogTaskflow> taskflows,
            CatalogIdentityProvider identityProvider) {
        this.identityProvider = identityProvider;
        this.users = List.copyOf(users);
        this.tasks = List.copyOf(tasks);
        this.taskflows = List.copyOf(taskflows);
        for (CatalogTask t : tasks) {
            tasksByPath.put(t.path(), t);
            tasksById.put(t.id(), t);
            tasksByFederatedId.put(t.federatedId(), t);
        }
        for (CatalogTaskflow f : taskflows) {
            taskflowsByApiName.put(f.apiName(), f);
            taskflowsByFederatedId.put(f.federatedId(), f);
        }
    }

    /** Parses and validates a YAML catalog. @throws CatalogException naming the problem */
    public static Catalog fromYaml(String yaml) {
        return CatalogLoader.load(Objects.requireNonNull(yaml, "yaml"));
    }

    /** Reads, parses and validates a YAML catalog file. @throws CatalogException naming the file and problem */
    public static Catalog fromFile(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog file " + file + ": " + reason(e));
        }
        try {
            return fromYaml(yaml);
        } catch (CatalogException e) {
            throw new CatalogException("catalog file " + file + ": " + e.getMessage());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "read error" : e.getMessage();
    }

    /** The built-in demo catalog: every runnable task type, warnings, failures, a linear taskflow, taskflows. */
    public static Catalog demo() {
        try (InputStream in = Catalog.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo catalog resource is missing from the emulator jar");
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo catalog resource", e);
        }
    }

    public List<CatalogUser> users() {
        return users;
    }

    public List<CatalogTask> tasks() {
        return tasks;
    }

    public List<CatalogTaskflow> taskflows() {
        return taskflows;
    }

    /** The org's identity provider for token and SAML logins; empty when the org has none (no SSO). */
    public Optional<CatalogIdentityProvider> identityProvider() {
        return Optional.ofNullable(identityProvider);
    }

    /** The user with this name (any case), if any. */
    public Optional<CatalogUser> user(String username) {
        return users.stream().filter(u -> u.username().equalsIgnoreCase(username == null ? "" : username)).findFirst();
    }

    /** The user with this name and password, if any. */
    public Optional<CatalogUser> authenticate(String username, String password) {
        return users.stream()
                .filter(u -> u.username().equalsIgnoreCase(username == null ? "" : username))
                .filter(u -> u.password().equals(password))
                .findFirst();
    }

    public Optional<CatalogTask> taskByPath(String path) {
        return Optional.ofNullable(tasksByPath.get(path));
    }

    public Optional<CatalogTask> taskById(String id) {
        return Optional.ofNullable(tasksById.get(id));
    }

    public Optional<CatalogTask> taskByFederatedId(String federatedId) {
        return Optional.ofNullable(tasksByFederatedId.get(federatedId));
    }

    /** Every task with this name (the last part of its path). */
    public List<CatalogTask> tasksByName(String name) {
        List<CatalogTask> found = new ArrayList<>();
        for (CatalogTask t : tasks) {
            if (t.name().equals(name)) {
                found.add(t);
            }
        }
        return found;
    }

    public Optional<CatalogTaskflow> taskflowByApiName(String apiName) {
        return Optional.ofNullable(taskflowsByApiName.get(apiName));
    }

    public Optional<CatalogTaskflow> taskflowByFederatedId(String federatedId) {
        return Optional.ofNullable(taskflowsByFederatedId.get(federatedId));
    }

    public Optional<CatalogTaskflow> taskflowByPath(String path) {
        return taskflows.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    @Override
    public String toString() {
        return "Catalog[" + users.size() + " users, " + tasks.size() + " tasks, " + taskflows.size() + " taskflows]";
    }
}
