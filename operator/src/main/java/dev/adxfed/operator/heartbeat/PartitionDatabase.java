package dev.adxfed.operator.heartbeat;

import java.util.SortedSet;
import java.util.TreeSet;

/** What the hub keeps of one database of a heartbeat: table and view names, no columns. */
public record PartitionDatabase(String name, SortedSet<String> tables, SortedSet<String> views) {

    public PartitionDatabase {
        tables = new TreeSet<>(tables);
        views = new TreeSet<>(views);
    }
}
