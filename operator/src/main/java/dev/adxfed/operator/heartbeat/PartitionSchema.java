package dev.adxfed.operator.heartbeat;

import java.util.Comparator;
import java.util.List;

/** Everything a partition tells its hubs: its databases with their tables and views, sorted by name. */
public record PartitionSchema(List<DatabaseSchema> databases) {

    public PartitionSchema {
        databases = databases.stream().sorted(Comparator.comparing(DatabaseSchema::name)).toList();
    }
}
