package dev.adxfed.operator.heartbeat;

import dev.adxfed.kql.KqlText;

import java.time.Duration;

/** The hub's heartbeat table: where partitions write and what the hub reads back. */
public record HeartbeatTable(String database, String table) {

    /** How far in the future a heartbeat may be dated and still count, for clocks that differ. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public static final String COLUMNS =
            "(Timestamp:datetime, ClusterEndpoint:string, Schema:dynamic, PartitionMetadata:dynamic)";

    public HeartbeatTable {
        if (!KqlText.isValidEntityName(database) || !KqlText.isValidEntityName(table)) {
            throw new IllegalArgumentException("heartbeat table " + database + "." + table + " is not a valid Kusto name");
        }
    }

    /** Lists the tables of the heartbeat database, to create the heartbeat table only when it is missing. */
    public String showTablesCommand() {
        return ".show tables";
    }

    public String createCommand() {
        return ".create-merge table " + KqlText.identifier(table) + " " + COLUMNS;
    }

    /**
     * The newest heartbeat per partition within {@code lookback} (the TTL plus the departure hold
     * time, so how long a partition has been silent survives a restart), deduplicated on the server.
     * Rows dated beyond the clock skew are not read: a row dated tomorrow must not keep a partition
     * live until tomorrow. The one place the hub's heartbeat read is written.
     */
    public String latestQuery(Duration lookback) {
        return KqlText.identifier(table) + " | where Timestamp > ago(" + KqlText.timespan(lookback) + ")"
                + " and Timestamp <= now(" + KqlText.timespan(MAX_CLOCK_SKEW) + ")"
                + " | summarize arg_max(Timestamp, Schema, PartitionMetadata) by ClusterEndpoint";
    }
}
