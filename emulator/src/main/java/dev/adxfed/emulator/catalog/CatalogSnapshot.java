package dev.adxfed.emulator.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The databases of one cluster at one moment; immutable, so readers may keep it as long as they like. */
public record CatalogSnapshot(SortedMap<String, Database> databases) {

    public static final CatalogSnapshot EMPTY = new CatalogSnapshot(new TreeMap<>());

    public CatalogSnapshot {
        databases = Collections.unmodifiableSortedMap(new TreeMap<>((Map<String, Database>) databases));
    }

    public Optional<Database> database(String name) {
        return Optional.ofNullable(databases.get(name));
    }

    public CatalogSnapshot with(Database database) {
        TreeMap<String, Database> copy = new TreeMap<>(databases);
        copy.put(database.name(), database);
        return new CatalogSnapshot(copy);
    }

    public CatalogSnapshot without(String databaseName) {
        TreeMap<String, Database> copy = new TreeMap<>(databases);
        copy.remove(databaseName);
        return new CatalogSnapshot(copy);
    }
}
