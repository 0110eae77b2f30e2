package dev.adxfed.operator.heartbeat;

import dev.adxfed.kql.KqlText;

import java.time.Duration;

/** The hub's heartbeat table: where partitions write and what the hub reads back. */
public record HeartbeatTable(String database, String table) {

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
     * The newest heartbeat per partition within the TTL, deduplicated on the server. Only the schema
     * comes back: the hub never needs PartitionMetadata.
     */
    public String latestQuery(Duration ttl) {
        return KqlText.identifier(table) + " | where Timestamp > ago(" + KqlText.timespan(ttl) + ")"
                + " | summarize arg_max(Timestamp, Schema) by ClusterEndpoint";
    }
}
