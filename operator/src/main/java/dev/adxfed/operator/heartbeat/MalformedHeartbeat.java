package dev.adxfed.operator.heartbeat;

/** A heartbeat row the hub skipped, with the endpoint it claimed and what was wrong with it. */
public record MalformedHeartbeat(String clusterEndpoint, String problem) {
}
