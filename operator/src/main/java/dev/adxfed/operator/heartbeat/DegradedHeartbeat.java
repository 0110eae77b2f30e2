package dev.adxfed.operator.heartbeat;

/**
 * A target whose Schema column could not hold the whole heartbeat, and the step it took instead.
 *
 * @param schemaBytes the UTF-8 bytes of the whole Schema value
 */
public record DegradedHeartbeat(String endpoint, HeartbeatShape shape, int rows, long schemaBytes, SchemaLimit limit) {

    /** For a log line: {@code https://hub: split in 3 rows (1843201 bytes over the default 1 MB)}. */
    public String describe() {
        return endpoint + ": " + (shape == HeartbeatShape.SPLIT ? "split in " + rows + " rows" : "sent without tableSchemas")
                + " (" + schemaBytes + " bytes over " + limit.source() + ")";
    }
}
