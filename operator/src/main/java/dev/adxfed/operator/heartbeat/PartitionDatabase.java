package dev.adxfed.operator.heartbeat;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the hub keeps of one database of a heartbeat: table and view names, sorted, no columns. The
 * lists are arrays of names the reading shares between partitions, so a fleet whose partitions have
 * the same tables holds each name once.
 */
public record PartitionDatabase(String name, List<String> tables, List<String> views) {

    public PartitionDatabase {
        tables = List.copyOf(new TreeSet<>(tables));
        views = List.copyOf(new TreeSet<>(views));
    }

    public static PartitionDatabase of(String name, Collection<String> tables, Collection<String> views) {
        return new PartitionDatabase(name, List.copyOf(tables), List.copyOf(views));
    }
}
