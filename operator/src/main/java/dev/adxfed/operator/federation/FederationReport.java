package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.MalformedHeartbeat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one federation pass saw and did.
 *
 * @param heartbeatsRead       false when an input (the heartbeat read, the blocked-clusters function, the ownership
 *                             record, or a step before them) could not be read: then nothing was changed
 * @param partitions           live member partitions: fresh, not blocked, selected, plus held departures
 * @param malformed            heartbeat rows skipped, with why (also rows dated in the future)
 * @param partitionsByDatabase live member partitions per partition database
 * @param completed            commands that completed, by kind label
 * @param failures             failures by kind: command kind labels and stage labels
 * @param failureMessages      every failure with what it was about
 * @param roundTrips           calls to the hub
 * @param commandsSent         DDL commands sent (inside scripts or alone)
 * @param ddlBytes             bytes of the DDL sent
 * @param commandResults       script commands by hub database, kind and result
 * @param conflicts            user's objects with a name the operator would write, left alone, sorted
 * @param heldDepartures       silent partitions kept as members by the departure guard
 * @param excluded             fresh partitions that are not members, counted by why
 * @param hubDatabasesMissing  partition databases missing on the hub that the hub refused to create, sorted
 * @param heartbeatTimes       when the fresh members last heartbeated (none when no heartbeats were read), for
 *                             their ages: the metrics keep one value per hub, not one per partition
 * @param hubNotSetUp          the heartbeat table was missing when the pass began: the pass made it (a dry run
 *                             would), so no partition can have heartbeated into this hub yet
 */
public record FederationReport(boolean heartbeatsRead, int partitions, List<MalformedHeartbeat> malformed,
                               SortedMap<String, Integer> partitionsByDatabase,
                               int entityGroupsInSync, int functionsInSync,
                               Map<String, Integer> completed, Map<String, Integer> failures,
                               List<String> failureMessages, int roundTrips, int commandsSent, long ddlBytes,
                               List<CommandResults> commandResults, List<Conflict> conflicts,
                               HeldDepartures heldDepartures, ExcludedPartitions excluded,
                               List<String> hubDatabasesMissing, HeartbeatTimes heartbeatTimes,
                               boolean hubNotSetUp) {

    /**
     * Conflicts, held departures and missing hub databases are not failures: each has its own
     * reason in the status.
     */
    public boolean succeeded() {
        return heartbeatsRead && failures.isEmpty();
    }
}
