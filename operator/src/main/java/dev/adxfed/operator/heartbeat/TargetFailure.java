package dev.adxfed.operator.heartbeat;

/** A federated target the heartbeat did not reach, with the stage that failed and why. */
public record TargetFailure(String endpoint, String stage, String message) {
}
