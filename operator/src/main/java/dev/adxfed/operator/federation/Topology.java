package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;
import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who has what, from the live partitions' heartbeats, kept compact: per database one shared
 * {@code cluster('ep').database('Db')} text per partition, and per table or view a bit set over them.
 * Memory grows with partitions x databases plus databases x tables, not with their product. Everything
 * sorted, so what is built from it never churns.
 */
public final class Topology {

    /** The partitions of one database, as sorted reference texts, and which of them have each object. */
    record DatabaseMembers(List<String> endpoints, List<String> references, SortedMap<String, BitSet> objects) {

        /** The reference texts of the partitions in {@code members}, in order. */
        List<String> references(BitSet members) {
            List<String> out = new ArrayList<>(members.cardinality());
            for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
                out.add(references.get(i));
            }
            return out;
        }
    }

    private final int partitions;
    private final SortedMap<String, DatabaseMembers> byDatabase = new TreeMap<>();

    private Topology(List<PartitionHeartbeat> heartbeats) {
        this.partitions = heartbeats.size();
        SortedMap<String, SortedMap<String, String>> endpointByReference = new TreeMap<>();
        for (PartitionHeartbeat heartbeat : heartbeats) {
            for (PartitionDatabase db : heartbeat.databases()) {
                endpointByReference.computeIfAbsent(db.name(), k -> new TreeMap<>())
                        .put(KqlText.entity(heartbeat.clusterEndpoint(), db.name()), heartbeat.clusterEndpoint());
            }
        }
        Map<String, Map<String, Integer>> indexes = new HashMap<>();
        endpointByReference.forEach((database, members) -> {
            Map<String, Integer> index = new HashMap<>();
            members.values().forEach(endpoint -> index.put(endpoint, index.size()));
            indexes.put(database, index);
            byDatabase.put(database, new DatabaseMembers(List.copyOf(members.values()), List.copyOf(members.keySet()),
                    new TreeMap<>()));
        });
        for (PartitionHeartbeat heartbeat : heartbeats) {
            for (PartitionDatabase db : heartbeat.databases()) {
                int at = indexes.get(db.name()).get(heartbeat.clusterEndpoint());
                SortedMap<String, BitSet> objects = byDatabase.get(db.name()).objects();
                // Tables and views share one namespace in Kusto: one federated function serves either.
                db.tables().forEach(name -> objects.computeIfAbsent(name, k -> new BitSet()).set(at));
                db.views().forEach(name -> objects.computeIfAbsent(name, k -> new BitSet()).set(at));
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
        return Collections.unmodifiableSortedSet(new TreeSet<>(byDatabase.keySet()));
    }

    public SortedSet<String> endpoints(String database) {
        DatabaseMembers members = byDatabase.get(database);
        return members == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(members.endpoints()));
    }

    DatabaseMembers members(String database) {
        return byDatabase.get(database);
    }
}
