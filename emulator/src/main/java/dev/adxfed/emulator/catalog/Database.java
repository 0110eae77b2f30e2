package dev.adxfed.emulator.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database and everything in it. Immutable: every change makes a new database, which
 * {@link ClusterCatalog} swaps in atomically. Maps are sorted by name so every listing is stable.
 * Tables and functions share one namespace in Kusto queries, but are kept apart here as
 * {@code .show tables} and {@code .show functions} list them apart.
 */
public record Database(String name, boolean persistent,
                       SortedMap<String, Table> tables,
                       SortedMap<String, StoredFunction> functions,
                       SortedMap<String, EntityGroup> entityGroups) {

    public Database {
        Objects.requireNonNull(name, "name");
        tables = frozen(tables);
        functions = frozen(functions);
        entityGroups = frozen(entityGroups);
    }

    public static Database empty(String name, boolean persistent) {
        return new Database(name, persistent, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    public Optional<Table> table(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    public Optional<StoredFunction> function(String functionName) {
        return Optional.ofNullable(functions.get(functionName));
    }

    public Optional<EntityGroup> entityGroup(String groupName) {
        return Optional.ofNullable(entityGroups.get(groupName));
    }

    public Database withTable(Table table) {
        return new Database(name, persistent, with(tables, table.name(), table), functions, entityGroups);
    }

    public Database withoutTable(String tableName) {
        return new Database(name, persistent, without(tables, tableName), functions, entityGroups);
    }

    public Database withFunction(StoredFunction function) {
        return new Database(name, persistent, tables, with(functions, function.name(), function), entityGroups);
    }

    public Database withoutFunction(String functionName) {
        return new Database(name, persistent, tables, without(functions, functionName), entityGroups);
    }

    public Database withEntityGroup(EntityGroup group) {
        return new Database(name, persistent, tables, functions, with(entityGroups, group.name(), group));
    }

    public Database withoutEntityGroup(String groupName) {
        return new Database(name, persistent, tables, functions, without(entityGroups, groupName));
    }

    private static <V> SortedMap<String, V> frozen(Map<String, V> map) {
        return NameMap.of(map);
    }

    private static <V> SortedMap<String, V> with(SortedMap<String, V> map, String key, V value) {
        return NameMap.of(map).with(key, value);
    }

    private static <V> SortedMap<String, V> without(SortedMap<String, V> map, String key) {
        return NameMap.of(map).without(key);
    }
}
