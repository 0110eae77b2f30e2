package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;
import java.util.Map;

/** The outcome of a federated cluster's last federation pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FederationStatus {

    @JsonPropertyDescription("Partitions with a heartbeat within heartbeatTTL.")
    public Integer partitions;

    @JsonPropertyDescription("Heartbeats the hub could not use (bad JSON, invalid names, endpoint not http(s), Schema"
            + " null or truncated, parts missing), those of lastUsableSchemaPartitions included.")
    public Integer malformedHeartbeats;

    @JsonPropertyDescription("Partitions whose newest heartbeat was unusable (Schema null, as ADX stores a value over"
            + " the column's limit; truncated; parts of a split heartbeat missing) and that keep their last usable"
            + " schema while it is within heartbeatTTL; the first 50, sorted, each with why.")
    public List<String> lastUsableSchemaPartitions;

    @JsonPropertyDescription("How many partitions keep their last usable schema.")
    public Integer lastUsableSchemaPartitionCount;

    @JsonPropertyDescription("Databases federated, sorted; the first 50 (databaseCount has them all).")
    public List<String> databases;

    @JsonPropertyDescription("How many databases are federated.")
    public Integer databaseCount;

    @JsonPropertyDescription("Entity groups (counted once per hub database) that match the partitions.")
    public Integer entityGroupsInSync;

    @JsonPropertyDescription("Federated functions that match the partitions.")
    public Integer functionsInSync;

    @JsonPropertyDescription("Failures of the last pass by kind (e.g. entityGroup.create, function, heartbeatRead).")
    public Map<String, Integer> failures;

    @JsonPropertyDescription("What stands where the operator would write, left alone: a user's function or entity group"
            + " ('function Metrics.Cpu'), a hub table a function would hide ('table Metrics.Cpu'), a partition database"
            + " named like the heartbeat database ('heartbeatDatabase FedHB of https://...'), a partition with the"
            + " hub's endpoint ('hubEndpoint https://...'); the first 50, sorted.")
    public List<String> conflicts;

    @JsonPropertyDescription("How many conflicts there are.")
    public Integer conflictCount;

    @JsonPropertyDescription("Silent partitions the departure guard keeps as members (too many left at once);"
            + " the first 50, sorted. Annotate adxfed.dev/release-departures=true to remove them.")
    public List<String> heldDepartures;

    @JsonPropertyDescription("How many departures are held.")
    public Integer heldDepartureCount;

    @JsonPropertyDescription("Partition databases missing on the hub that it refuses to create; their entity groups"
            + " and functions are skipped. The first 50, sorted.")
    public List<String> missingHubDatabases;

    @JsonPropertyDescription("How many partition databases are missing on the hub.")
    public Integer missingHubDatabaseCount;

    @JsonPropertyDescription("Partitions with a fresh heartbeat that are not members, by why: blocked,"
            + " notSelected (partitionSelector false), metadataMissing (a key partitionSelector reads is absent).")
    public Map<String, Integer> excludedPartitions;

    @JsonPropertyDescription("When a pass last ran, whatever its outcome (RFC 3339).")
    public String lastSyncTime;

    @JsonPropertyDescription("When a pass last finished with no failure over at least one live partition (RFC 3339).")
    public String lastSuccessfulSyncTime;
}
