package dev.adxfed.operator.heartbeat;

import java.time.Instant;
import java.util.Optional;

/**
 * A heartbeat the hub could not use, with the endpoint it claimed and what was wrong with it.
 *
 * @param keptSchemaOf when the partition's newest heartbeat was unusable (null Schema, truncated, parts
 *                     missing) and an older usable one within the window is kept instead: that one's time
 */
public record MalformedHeartbeat(String clusterEndpoint, String problem, Optional<Instant> keptSchemaOf) {

    public MalformedHeartbeat(String clusterEndpoint, String problem) {
        this(clusterEndpoint, problem, Optional.empty());
    }

    public MalformedHeartbeat(String clusterEndpoint, String problem, Instant keptSchemaOf) {
        this(clusterEndpoint, problem, Optional.of(keptSchemaOf));
    }

    public boolean keptLastSchema() {
        return keptSchemaOf.isPresent();
    }
}
