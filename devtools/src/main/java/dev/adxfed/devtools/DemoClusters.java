package dev.adxfed.devtools;

import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.EmulatorConfig.ClusterConfig;
import dev.adxfed.emulator.EmulatorConfig.DatabaseConfig;
import dev.adxfed.emulator.SampleData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The emulator clusters of {@code adxfed demo}: three regional partitions with the emulator's sample
 * telemetry of the last hour, and an empty hub that federation fills.
 */
final class DemoClusters {

    static final List<String> PARTITIONS = IntStream.range(0, 3).mapToObj(SampleData::clusterName).toList();
    static final String HUB = "hub";
    static final String HEARTBEAT_DATABASE = "FederationHeartbeats";
    static final String HEARTBEAT_TABLE = "Heartbeat";

    private DemoClusters() {}

    static EmulatorConfig config(Instant now) {
        List<ClusterConfig> clusters = new ArrayList<>();
        for (int i = 0; i < PARTITIONS.size(); i++) {
            clusters.add(new ClusterConfig(PARTITIONS.get(i), 0, SampleData.databases(i, now)));
        }
        clusters.add(new ClusterConfig(HUB, 0, List.of(new DatabaseConfig(HEARTBEAT_DATABASE, false, List.of(), List.of()))));
        return new EmulatorConfig(EmulatorConfig.DEFAULT_HOST, clusters, null);
    }
}
