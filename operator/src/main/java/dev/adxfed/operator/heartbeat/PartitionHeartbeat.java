package dev.adxfed.operator.heartbeat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A partition's newest heartbeat as the hub reads it: endpoint, when, and its databases' object names. */
public record PartitionHeartbeat(String clusterEndpoint, Instant timestamp, List<PartitionDatabase> databases) {

    public PartitionHeartbeat {
        databases = databases.stream().sorted(Comparator.comparing(PartitionDatabase::name)).toList();
    }
}
