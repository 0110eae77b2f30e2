package dev.adxfed.operator.heartbeat;

import java.util.Comparator;
import java.util.List;

/** One partition database: its tables and its views (functions of kind ViewFunction), sorted by name. */
public record DatabaseSchema(String name, List<TableSchema> tables, List<TableSchema> views) {

    public DatabaseSchema {
        tables = tables.stream().sorted(Comparator.comparing(TableSchema::name)).toList();
        views = views.stream().sorted(Comparator.comparing(TableSchema::name)).toList();
    }
}
