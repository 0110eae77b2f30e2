package dev.adxfed.operator.heartbeat;

import dev.adxfed.kql.KqlText;

import java.time.Duration;

/** The hub's heartbeat table: where partitions write and what the hub reads back. */
public record HeartbeatTable(String database, String table) {

    /** How far in the future a heartbeat may be dated and still count, for clocks that differ. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String LATEST = " | summarize arg_max(Timestamp, Schema, PartitionMetadata) by ClusterEndpoint";

    /**
     * What one partition adds to a page beyond its endpoint and metadata: the keys and timestamp of its
     * entry in {@code Partitions}, with room to spare.
     */
    private static final int PARTITION_ENTRY_BYTES = 100;

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
     * live until tomorrow. The one place the hub's heartbeat window is written.
     */
    public String latestQuery(Duration lookback) {
        return KqlText.identifier(table) + window(lookback) + LATEST;
    }

    /**
     * One cheap row that sizes the read: {@code Partitions} (those listing a database) and {@code Bytes},
     * at least what {@link #pageQuery} returns for all of them if no two partitions had the same tables
     * (database, table and view names, metadata, endpoint and timestamp), so that the hub can choose how
     * many pages keep each response under its bound whatever the fleet looks like.
     */
    public String sizeQuery(Duration lookback) {
        return KqlText.identifier(table) + window(lookback) + LATEST
                + " | extend OtherBytes = strlen(ClusterEndpoint) + strlen(tostring(PartitionMetadata)) + "
                + PARTITION_ENTRY_BYTES
                + " | mv-expand Db = Schema"
                + " | summarize DatabaseBytes = sum(strlen(tostring(Db[\"database\"])) + strlen(tostring(Db[\"tables\"]))"
                + " + strlen(tostring(Db[\"views\"]))), OtherBytes = max(OtherBytes) by ClusterEndpoint"
                + " | summarize Partitions = count(), Bytes = sum(DatabaseBytes + OtherBytes)";
    }

    /**
     * Page {@code page} of {@code pages} of the newest heartbeats: the partitions whose endpoint hashes to
     * it, grouped by their Schema cut down on the server to what the hub uses (database, tables, views;
     * never tableSchemas). One row per distinct Schema: {@code Schema} and {@code Partitions}, an array of
     * {@code ClusterEndpoint}, {@code Timestamp} and {@code PartitionMetadata} of each partition that sent
     * it, so that a fleet whose partitions have the same tables sends their names once per page and not
     * once per partition. A Schema that is empty or not an array of databases comes back as it was sent,
     * so the hub reports it rather than losing the partition.
     */
    public String pageQuery(Duration lookback, int pages, int page) {
        if (pages < 1 || page < 0 || page >= pages) {
            throw new IllegalArgumentException("page " + page + " of " + pages);
        }
        String latest = KqlText.identifier(table) + window(lookback)
                + (pages == 1 ? "" : " | where hash(ClusterEndpoint, " + pages + ") == " + page) + LATEST;
        return "let Latest = " + latest + ";"
                + " Latest | where array_length(Schema) > 0"
                + " | mv-expand Db = Schema"
                + " | summarize Timestamp = take_any(Timestamp), PartitionMetadata = take_any(PartitionMetadata),"
                + " Schema = make_list(bag_pack(\"database\", Db[\"database\"], \"tables\", Db[\"tables\"], \"views\", Db[\"views\"]))"
                + " by ClusterEndpoint"
                + " | union (Latest | where isnull(array_length(Schema)) or array_length(Schema) == 0"
                + " | project ClusterEndpoint, Timestamp,"
                + " PartitionMetadata, Schema)"
                + " | summarize Schema = take_any(Schema), Partitions = make_list(bag_pack(\"ClusterEndpoint\", ClusterEndpoint,"
                + " \"Timestamp\", Timestamp, \"PartitionMetadata\", PartitionMetadata)) by SchemaText = tostring(Schema)"
                + " | project Schema, Partitions";
    }

    private static String window(Duration lookback) {
        return " | where Timestamp > ago(" + KqlText.timespan(lookback) + ")"
                + " and Timestamp <= now(" + KqlText.timespan(MAX_CLOCK_SKEW) + ")";
    }
}
