package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who has what, from the live partitions' heartbeats: database -> endpoints, and
 * database -> table or view -> endpoints. Everything sorted, so what is built from it never churns.
 */
public final class Topology {

    private final int partitions;
    private final SortedMap<String, SortedSet<String>> endpointsByDatabase = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, SortedSet<String>>> endpointsByObject = new TreeMap<>();

    private Topology(List<PartitionHeartbeat> heartbeats) {
        this.partitions = heartbeats.size();
        for (PartitionHeartbeat heartbeat : heartbeats) {
            for (PartitionDatabase db : heartbeat.databases()) {
                endpointsByDatabase.computeIfAbsent(db.name(), k -> new TreeSet<>()).add(heartbeat.clusterEndpoint());
                SortedMap<String, SortedSet<String>> objects = endpointsByObject.computeIfAbsent(db.name(), k -> new TreeMap<>());
                // Tables and views share one namespace in Kusto: one federated function serves either.
                for (String name : db.tables()) {
                    objects.computeIfAbsent(name, k -> new TreeSet<>()).add(heartbeat.clusterEndpoint());
                }
                for (String name : db.views()) {
                    objects.computeIfAbsent(name, k -> new TreeSet<>()).add(heartbeat.clusterEndpoint());
                }
            }
        }
    }

    public static Topology of(List<PartitionHeartbeat> heartbeats) {
        return new Topology(heartbeats);
    }

    /** No live partition: nothing may be dropped or emptied on this information. */
    public boolean isEmpty() {
        return partitions == 0;
    }

    public int partitions() {
        return partitions;
    }

    public SortedSet<String> databases() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(endpointsByDatabase.keySet()));
    }

    public SortedSet<String> endpoints(String database) {
        return Collections.unmodifiableSortedSet(endpointsByDatabase.getOrDefault(database, new TreeSet<>()));
    }

    /** Tables and views of a database, each with the endpoints that have it. */
    public SortedMap<String, SortedSet<String>> objects(String database) {
        return Collections.unmodifiableSortedMap(endpointsByObject.getOrDefault(database, new TreeMap<>()));
    }
}
