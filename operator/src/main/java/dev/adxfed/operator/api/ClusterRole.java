package dev.adxfed.operator.api;

/** What the operator does with a cluster: heartbeat from it, or federate into it. */
public enum ClusterRole {
    Partition,
    Federated
}
