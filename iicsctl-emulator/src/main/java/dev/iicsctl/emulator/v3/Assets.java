package dev.iicsctl.emulator.v3;

import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskflow;
import dev.iicsctl.emulator.id.StableIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The catalog as v3 objects, including the projects and folders implied by the paths. */
final class Assets {
    private final List<Asset> all = new ArrayList<>();

    Assets(Catalog catalog) {
        Map<String, Asset> containers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        catalog.tasks().forEach(t -> paths.add(t.path()));
        catalog.taskflows().forEach(f -> paths.add(f.path()));
        for (String path : paths) {
            String[] parts = path.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                prefix.append(i == 0 ? "" : "/").append(parts[i]);
                String p = prefix.toString();
                containers.computeIfAbsent(p, k -> new Asset(StableIds.federatedId(k), k,
                        k.contains("/") ? "FOLDER" : "PROJECT", null));
            }
        }
        all.addAll(containers.values());
        for (CatalogTask t : catalog.tasks()) {
            all.add(new Asset(t.federatedId(), t.path(), t.type().name(), null));
        }
        for (CatalogTaskflow f : catalog.taskflows()) {
            all.add(new Asset(f.federatedId(), f.path(), "TASKFLOW", f.published() ? "published" : "unpublished"));
        }
    }

    List<Asset> all() {
        return all;
    }

    Optional<Asset> byId(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    Optional<Asset> byPath(String path, String type) {
        String t = type.toUpperCase(Locale.ROOT);
        return all.stream().filter(a -> a.path().equals(path) && a.type().equals(t)).findFirst();
    }
}
