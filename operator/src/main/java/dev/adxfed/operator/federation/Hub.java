package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.HeartbeatPages;
import dev.adxfed.operator.heartbeat.HeartbeatTable;

import java.time.Duration;

/**
 * A federated cluster to reconcile: where it is, where its heartbeats land, how to federate, the
 * bound on each page of the heartbeat read, and how databases are made on it.
 */
public record Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings,
                  HeartbeatPages heartbeatPages, HubDatabases databases) {

    public Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings,
               HeartbeatPages heartbeatPages) {
        this(endpoint, heartbeatTable, heartbeatTtl, settings, heartbeatPages, HubDatabases.KUSTO);
    }

    public Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings) {
        this(endpoint, heartbeatTable, heartbeatTtl, settings, HeartbeatPages.DEFAULT);
    }

    /** The same hub, its databases made another way (through Azure Resource Manager). */
    public Hub withDatabases(HubDatabases made) {
        return new Hub(endpoint, heartbeatTable, heartbeatTtl, settings, heartbeatPages, made);
    }
}
