package dev.adxfed.operator.heartbeat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one heartbeat pass did.
 *
 * @param schemaReadAt  when the schema that was sent was read; older than {@code at} when this pass's read failed
 * @param schemaFailure why this pass could not read the schema, if it could not
 * @param degraded      targets reached with a heartbeat over their limit: without tableSchemas, or split
 */
public record HeartbeatReport(Instant at, int databases, Optional<Instant> schemaReadAt, Optional<String> schemaFailure,
                              List<String> reached, List<TargetFailure> failures, int partitionRoundTrips,
                              List<DegradedHeartbeat> degraded) {

    public HeartbeatReport {
        reached = List.copyOf(reached);
        failures = List.copyOf(failures);
        degraded = List.copyOf(degraded);
    }

    public HeartbeatReport(Instant at, int databases, Optional<Instant> schemaReadAt, Optional<String> schemaFailure,
                           List<String> reached, List<TargetFailure> failures, int partitionRoundTrips) {
        this(at, databases, schemaReadAt, schemaFailure, reached, failures, partitionRoundTrips, List.of());
    }

    public boolean sent() {
        return !reached.isEmpty();
    }

    /**
     * The targets' failures worth saying beside the schema's: none while no schema was ever read, since then no
     * target was tried and each would only repeat that.
     */
    public List<TargetFailure> targetFailures() {
        return schemaReadAt.isPresent() ? failures : List.of();
    }
}
