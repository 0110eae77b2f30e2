package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.HeartbeatReading;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;
import dev.adxfed.operator.kusto.CountingKusto;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a pass reads before it may change anything: the heartbeats over the TTL plus the hold time,
 * the endpoints to block, and the ownership record. Any of them unreadable: the pass changes nothing.
 *
 * @param heartbeats the newest heartbeat of every partition read
 * @param blocked    normalized endpoints that are never members (static and from the hub function)
 * @param owned      the groups the operator made or adopted, per hub database
 * @param heartbeatPages how many pages the heartbeats were read in
 */
record HubInputs(List<PartitionHeartbeat> heartbeats, List<MalformedHeartbeat> malformed, Set<String> blocked,
                 int blockedByFunction, Set<OwnershipRecord.Entry> owned, int heartbeatPages) {

    /** The inputs of a hub that is not set up: no heartbeat, nothing blocked, nothing recorded. */
    static final HubInputs NONE = new HubInputs(List.of(), List.of(), Set.of(), 0, Set.of(), 0);

    /**
     * @param recordExists false when the ownership table was only just created: then it is empty
     * @throws KustoException when any input cannot be read; the message says which
     */
    static HubInputs read(CountingKusto cluster, Hub hub, Instant now, boolean recordExists) {
        HeartbeatReading reading = new HeartbeatReading(now);
        String heartbeatDatabase = hub.heartbeatTable().database();
        int pages = readHeartbeats(cluster, hub, reading);
        Set<String> blocked = new TreeSet<>(hub.settings().blockedEndpoints());
        int byFunction = 0;
        if (hub.settings().blockedFunction().isPresent()) {
            Set<String> listed = blockedByFunction(cluster, hub.settings().blockedFunction().get());
            byFunction = listed.size();
            blocked.addAll(listed);
        }
        Set<OwnershipRecord.Entry> owned = new HashSet<>();
        if (recordExists) {
            cluster.query(Stage.OWNERSHIP_READ, heartbeatDatabase, OwnershipRecord.readQuery(),
                    row -> owned.add(new OwnershipRecord.Entry(row.string("HubDatabase"), row.string("Name"))));
        }
        return new HubInputs(reading.partitions(), reading.malformed(), Set.copyOf(blocked), byFunction, Set.copyOf(owned),
                pages);
    }

    /**
     * Sizes the read, then reads it page by page, each row handed to the reading as it arrives. A page
     * that fails throws: what the earlier pages gave is dropped with the reading, so nothing changes.
     *
     * @return how many pages were read
     */
    static int readHeartbeats(CountingKusto cluster, Hub hub, HeartbeatReading reading) {
        HeartbeatTable table = hub.heartbeatTable();
        Duration lookback = hub.heartbeatTtl().plus(hub.settings().departureHoldTime());
        long[] size = {0, 0};
        cluster.query(Stage.HEARTBEAT_READ, table.database(), table.sizeQuery(lookback), row -> {
            size[0] = number(row, "Partitions");
            size[1] = number(row, "Bytes");
        });
        int pages = hub.heartbeatPages().pages(size[0], size[1]);
        for (int page = 0; page < pages; page++) {
            cluster.query(Stage.HEARTBEAT_READ, table.database(), table.pageQuery(lookback, pages, page),
                    row -> reading.acceptGroup(row.get("Schema"), row.get("Partitions")));
        }
        return pages;
    }

    private static long number(KustoRow row, String column) {
        Object value = row.get(column);
        return value instanceof Number n ? n.longValue() : value == null ? 0 : Long.parseLong(value.toString());
    }

    /** Endpoints known to the heartbeat table, in lower case, as entity references compare them. */
    Set<String> knownEndpoints() {
        Set<String> known = new HashSet<>();
        heartbeats.forEach(h -> known.add(h.clusterEndpoint()));
        return known;
    }

    /** A value that is not an endpoint cannot block anything; it is skipped, as a malformed heartbeat is. */
    private static Set<String> blockedByFunction(CountingKusto cluster, FederationSettings.BlockedFunction function) {
        Set<String> endpoints = new TreeSet<>();
        cluster.query(Stage.BLOCKED_CLUSTERS_READ, function.database(), function.callQuery(), row -> {
            String column = row.firstStringColumn().orElseThrow(() -> new KustoException(Stage.BLOCKED_CLUSTERS_READ,
                    cluster.endpoint(), function.database(), "blockedClusters.kustoFunction " + function.name()
                    + "() returned no string column", null));
            String value = row.string(column);
            try {
                endpoints.add(HeartbeatReading.endpoint(value));
            } catch (IllegalArgumentException e) {
                // not an endpoint: nothing to block
            }
        });
        return endpoints;
    }
}
