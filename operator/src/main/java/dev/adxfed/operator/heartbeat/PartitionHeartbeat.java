package dev.adxfed.operator.heartbeat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition's newest heartbeat as the hub reads it: endpoint, when, its databases' object names,
 * and its PartitionMetadata (what partitionSelector reads).
 */
public record PartitionHeartbeat(String clusterEndpoint, Instant timestamp, List<PartitionDatabase> databases,
                                 Map<String, String> metadata) {

    public PartitionHeartbeat {
        databases = databases.stream().sorted(Comparator.comparing(PartitionDatabase::name)).toList();
        metadata = metadata == null ? Map.of() : new TreeMap<>(metadata);
    }

    public PartitionHeartbeat(String clusterEndpoint, Instant timestamp, List<PartitionDatabase> databases) {
        this(clusterEndpoint, timestamp, databases, Map.of());
    }
}
