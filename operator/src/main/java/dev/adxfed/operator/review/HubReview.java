package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One hub as a dry-run pass found it: its partitions, the operator's groups and functions per hub
 * database against the plan, what the safety rules hold back, and what could not be read.
 *
 * @param heartbeatTtl        as the CRD writes it, e.g. 1h30m
 * @param readAt              when the hub was read, RFC 3339
 * @param inputsRead          false when the heartbeats (or another input) could not be read: nothing else is known
 * @param pendingRequests     requests (database scripts and single commands) a sync would send now
 * @param failures            reads that failed in this dry run
 * @param lastPass            the operator's account of its last pass, when the file carried a status; else null
 * @param notSetUp            the hub has no heartbeat table yet: no partition can have heartbeated into it
 * @param databasesToCreate   databases the hub lacks that a sync makes (the heartbeat database, partitions' databases)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubReview(String name, String endpoint, String heartbeatTtl, String readAt, boolean inputsRead,
                        List<PartitionReview> partitions, List<DatabaseReview> databases, List<String> heldDepartures,
                        String heldReason, List<String> missingHubDatabases, int pendingRequests, List<String> failures,
                        LastPass lastPass, boolean notSetUp, List<String> databasesToCreate) {

    public HubReview {
        partitions = List.copyOf(partitions);
        databases = List.copyOf(databases);
        heldDepartures = List.copyOf(heldDepartures);
        missingHubDatabases = List.copyOf(missingHubDatabases);
        failures = List.copyOf(failures);
        databasesToCreate = List.copyOf(databasesToCreate);
    }

    @JsonProperty
    public long livePartitions() {
        return partitions.stream().filter(PartitionReview::live).count();
    }

    /**
     * In step: everything was read, some partition is live, a sync would send nothing, and nothing is
     * held back by a conflict, the departure guard or a database the hub lacks.
     */
    @JsonProperty
    public boolean inSync() {
        return inputsRead && failures.isEmpty() && livePartitions() > 0 && pendingRequests == 0 && heldDepartures.isEmpty()
                && missingHubDatabases.isEmpty() && databases.stream().allMatch(d -> d.changes().isEmpty());
    }

    /** The same hub with only what a sync would change or cannot: what a plan shows. */
    public HubReview changes() {
        return new HubReview(name, endpoint, heartbeatTtl, readAt, inputsRead, partitions,
                databases.stream().map(DatabaseReview::changes).filter(d -> !d.isEmpty()).toList(), heldDepartures,
                heldReason, missingHubDatabases, pendingRequests, failures, lastPass, notSetUp, databasesToCreate);
    }
}
