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
     * Gives the Schema column 32 MB (BigObject32) instead of the 1 MB at which ADX stores null: a partition
     * then sends a big schema in one row where it would otherwise have to split it. Applies to rows ingested
     * after it.
     */
    public String schemaEncodingCommand() {
        return ".alter column " + KqlText.identifier(table) + "." + KqlText.identifier("Schema")
                + " policy encoding type='BigObject32'";
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
     * One cheap row that sizes the read: {@code Partitions} (those with a usable heartbeat) and {@code Bytes},
     * at least what {@link #pageQuery} returns for all of them if no two partitions had the same tables
     * (database, table and view names, metadata, endpoint and timestamp), so that the hub can choose how
     * many pages keep each response under its bound whatever the fleet looks like.
     */
    public String sizeQuery(Duration lookback) {
        return usable(lookback, 1, 0)
                + " Kept | extend OtherBytes = strlen(ClusterEndpoint) + strlen(tostring(PartitionMetadata)) + "
                + PARTITION_ENTRY_BYTES
                + " | mv-expand Db = Schema"
                + " | summarize DatabaseBytes = sum(strlen(tostring(Db[\"database\"])) + strlen(tostring(Db[\"tables\"]))"
                + " + strlen(tostring(Db[\"views\"]))), OtherBytes = max(OtherBytes) by ClusterEndpoint"
                + " | summarize Partitions = count(), Bytes = sum(DatabaseBytes + OtherBytes)";
    }

    /**
     * Page {@code page} of {@code pages}: the partitions whose endpoint hashes to it, each with its newest
     * usable heartbeat, grouped by their Schema cut down on the server to what the hub uses (database,
     * tables, views; never tableSchemas). One row per distinct Schema: {@code Schema} and {@code Partitions},
     * an array of {@code ClusterEndpoint}, {@code Timestamp} and {@code PartitionMetadata} of each partition
     * that sent it, so that a fleet whose partitions have the same tables sends their names once per page and
     * not once per partition.
     * <p>
     * A usable heartbeat is a row whose Schema is an array (an empty one too), or every part of a split
     * heartbeat ({@link HeartbeatRows}), put back together here: their databases in one list, a database
     * that was split in chunks listed once per chunk. A partition whose newest heartbeat is not usable (Schema
     * null, as ADX stores a value over the column's limit; not an array, as a truncated text reads; parts
     * missing) also gets a row of its own: Schema null and, in its one {@code Partitions} entry, a
     * {@code Problem} saying which, so that the hub reports it and keeps the partition's last usable schema.
     */
    public String pageQuery(Duration lookback, int pages, int page) {
        if (pages < 1 || page < 0 || page >= pages) {
            throw new IllegalArgumentException("page " + page + " of " + pages);
        }
        return usable(lookback, pages, page)
                + " Kept | mv-expand Db = Schema"
                + " | summarize Timestamp = max(Timestamp), PartitionMetadata = take_any(PartitionMetadata),"
                + " Schema = make_list(bag_pack(\"database\", Db[\"database\"], \"tables\", Db[\"tables\"], \"views\", Db[\"views\"]))"
                + " by ClusterEndpoint"
                + " | union (Kept | summarize Timestamp = max(Timestamp), PartitionMetadata = take_any(PartitionMetadata),"
                + " Databases = sum(array_length(Schema)) by ClusterEndpoint | where Databases == 0"
                + " | project ClusterEndpoint, Timestamp, PartitionMetadata, Schema = dynamic([]))"
                + " | summarize Schema = take_any(Schema), Partitions = make_list(bag_pack(\"ClusterEndpoint\", ClusterEndpoint,"
                + " \"Timestamp\", Timestamp, \"PartitionMetadata\", PartitionMetadata)) by SchemaText = tostring(Schema)"
                + " | project Schema, Partitions"
                + " | union (Newest | where not(Complete) | project Schema = dynamic(null),"
                + " Partitions = pack_array(bag_pack(\"ClusterEndpoint\", ClusterEndpoint, \"Timestamp\", Timestamp,"
                + " \"Problem\", bag_pack(\"Parts\", Parts, \"Received\", Received, \"Arrays\", Arrays, \"Nulls\", Nulls))))";
    }

    /**
     * The {@code let} statements both reads start with: {@code Rows} in the window (of the page), each a part
     * of a heartbeat ({@code Id}, {@code Part} of {@code Parts}; a row that was not split is part 1 of 1);
     * {@code Heartbeats}, one per partition and id with how many parts arrived and how many are arrays;
     * {@code Newest}, the newest heartbeat of each partition, usable or not; {@code Kept}, the parts of each
     * partition's newest usable heartbeat, one row per part.
     */
    private String usable(Duration lookback, int pages, int page) {
        String id = "PartitionMetadata[\"" + HeartbeatRows.ID_KEY + "\"]";
        return "let Rows = " + KqlText.identifier(table) + window(lookback)
                + (pages == 1 ? "" : " | where hash(ClusterEndpoint, " + pages + ") == " + page)
                + " | extend Id = tostring(" + id + "),"
                + " Part = toint(PartitionMetadata[\"" + HeartbeatRows.PART_KEY + "\"]),"
                + " Parts = toint(PartitionMetadata[\"" + HeartbeatRows.PARTS_KEY + "\"])"
                + " | extend Id = iff(isempty(Id), strcat(\"row \", tostring(Timestamp)), Id),"
                + " Part = iff(isnull(Part), 1, Part), Parts = iff(isnull(Parts), 1, Parts)"
                + " | where Part between (1 .. Parts);"
                + " let Heartbeats = Rows"
                + " | summarize Timestamp = max(Timestamp), Parts = max(Parts),"
                + " Array = max(iff(isnull(array_length(Schema)), 0, 1)), Null = max(iff(isnull(Schema), 1, 0))"
                + " by ClusterEndpoint, Id, Part"
                + " | summarize Timestamp = max(Timestamp), Parts = max(Parts), Received = count(), Arrays = sum(Array),"
                + " Nulls = sum(Null) by ClusterEndpoint, Id"
                + " | extend Complete = Received == Parts and Arrays == Parts;"
                + " let Newest = Heartbeats | summarize arg_max(Timestamp, Id, Complete, Parts, Received, Arrays, Nulls)"
                + " by ClusterEndpoint;"
                + " let Kept = Heartbeats | where Complete | summarize arg_max(Timestamp, Id) by ClusterEndpoint"
                + " | project ClusterEndpoint, Id"
                + " | join kind=inner (Rows) on ClusterEndpoint, Id"
                + " | summarize Timestamp = max(Timestamp), PartitionMetadata = take_any(PartitionMetadata),"
                + " Schema = take_any(Schema) by ClusterEndpoint, Id, Part;";
    }

    private static String window(Duration lookback) {
        return " | where Timestamp > ago(" + KqlText.timespan(lookback) + ")"
                + " and Timestamp <= now(" + KqlText.timespan(MAX_CLOCK_SKEW) + ")";
    }
}
