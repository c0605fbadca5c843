package dev.iicsctl.emulator.catalog;

/** Splitting of {@code project/folder/name} paths. */
final class CatalogPaths {
    private CatalogPaths() {}

    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static String location(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
