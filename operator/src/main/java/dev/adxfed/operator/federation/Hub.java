package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.HeartbeatTable;

import java.time.Duration;

/** A federated cluster to reconcile: where it is, where its heartbeats land, and how to federate. */
public record Hub(String endpoint, HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings) {
}
