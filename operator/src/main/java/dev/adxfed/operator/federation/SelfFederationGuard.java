package dev.adxfed.operator.federation;

import dev.adxfed.kql.ClusterEndpoint;
import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps heartbeats from turning the hub against itself, before membership is decided: a partition
 * heartbeating with the hub's own endpoint is no partition of it, and a partition database named like
 * the hub's heartbeat database is not federated (its functions {@code Heartbeat()} or
 * {@code AdxfedOwnership()} would shadow the tables the hub reads, and the hub would read nothing more).
 * A mistaken file does this as well as a hostile partition. Database names are compared ignoring case,
 * as the hub may resolve them. Pure: no I/O, no clock.
 */
final class SelfFederationGuard {

    /** @param conflicts what was left out, for partitions fresh within the TTL */
    record Guarded(List<PartitionHeartbeat> heartbeats, List<Conflict> conflicts) {}

    private SelfFederationGuard() {}

    static Guarded apply(List<PartitionHeartbeat> read, String hubEndpoint, String heartbeatDatabase, Instant freshAfter) {
        String hub = normalized(hubEndpoint);
        List<PartitionHeartbeat> kept = new ArrayList<>(read.size());
        List<Conflict> conflicts = new ArrayList<>();
        for (PartitionHeartbeat heartbeat : read) {
            boolean fresh = heartbeat.timestamp().isAfter(freshAfter);
            if (heartbeat.clusterEndpoint().equals(hub)) {
                if (fresh) {
                    conflicts.add(new Conflict("", Conflict.Kind.HUB_ENDPOINT, heartbeat.clusterEndpoint()));
                }
                continue;
            }
            List<PartitionDatabase> databases = heartbeat.databases().stream()
                    .filter(db -> !db.name().equalsIgnoreCase(heartbeatDatabase)).toList();
            if (databases.size() == heartbeat.databases().size()) {
                kept.add(heartbeat);
                continue;
            }
            if (fresh) {
                conflicts.add(new Conflict(heartbeatDatabase, Conflict.Kind.HEARTBEAT_DATABASE, heartbeat.clusterEndpoint()));
            }
            kept.add(new PartitionHeartbeat(heartbeat.clusterEndpoint(), heartbeat.timestamp(), databases, heartbeat.metadata()));
        }
        return new Guarded(List.copyOf(kept), List.copyOf(conflicts));
    }

    /** As heartbeat endpoints are kept; an endpoint that does not normalize is compared in lower case. */
    private static String normalized(String endpoint) {
        try {
            return ClusterEndpoint.normalize(endpoint);
        } catch (IllegalArgumentException e) {
            return endpoint.toLowerCase(Locale.ROOT);
        }
    }
}
