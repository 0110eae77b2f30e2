package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds heartbeats for tests: {@code partition("http://p1").database("Metrics", "Cpu", "Mem").build()}. */
final class Partitions {

    private final String endpoint;
    private final List<PartitionDatabase> databases = new ArrayList<>();

    private Partitions(String endpoint) {
        this.endpoint = endpoint;
    }

    static Partitions partition(String endpoint) {
        return new Partitions(endpoint);
    }

    Partitions database(String name, String... tables) {
        databases.add(PartitionDatabase.of(name, Set.of(tables), Set.of()));
        return this;
    }

    Partitions databaseWithViews(String name, Set<String> tables, Set<String> views) {
        databases.add(PartitionDatabase.of(name, tables, views));
        return this;
    }

    PartitionHeartbeat build() {
        return new PartitionHeartbeat(endpoint, Instant.parse("2026-11-25T10:00:00Z"), databases);
    }

    static FederationPlan plan(FederationSettings settings, Partitions... partitions) {
        List<PartitionHeartbeat> heartbeats = new ArrayList<>();
        for (Partitions p : partitions) {
            heartbeats.add(p.build());
        }
        return FederationPlan.of(Topology.of(heartbeats), settings);
    }

    static FederationPlan plan(Partitions... partitions) {
        return plan(FederationSettings.defaults(), partitions);
    }
}
