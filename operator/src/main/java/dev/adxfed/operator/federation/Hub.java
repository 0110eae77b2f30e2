package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.HeartbeatPages;
import dev.adxfed.operator.heartbeat.HeartbeatTable;

import java.time.Duration;

/**
 * A federated cluster to reconcile: where it is, where its heartbeats land, how to federate, and the
 * bound on each page of the heartbeat read.
 */
public record Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings,
                  HeartbeatPages heartbeatPages) {

    public Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings) {
        this(endpoint, heartbeatTable, heartbeatTtl, settings, HeartbeatPages.DEFAULT);
    }
}
