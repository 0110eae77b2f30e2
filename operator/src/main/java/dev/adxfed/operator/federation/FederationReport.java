package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.MalformedHeartbeat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one federation pass saw and did.
 *
 * @param heartbeatsRead       false when the heartbeat read (or a step before it) failed: then nothing was changed
 * @param partitionsByDatabase live partitions per partition database
 * @param completed            commands that completed, by kind label
 * @param failures             failures by kind: command kind labels and stage labels
 * @param failureMessages      every failure with what it was about
 * @param roundTrips           calls to the hub
 * @param commandsSent         DDL commands sent (inside scripts or alone)
 * @param ddlBytes             bytes of the DDL sent
 * @param commandResults       script commands by hub database, kind and result
 */
public record FederationReport(boolean heartbeatsRead, int partitions, List<MalformedHeartbeat> malformed,
                               SortedMap<String, Integer> partitionsByDatabase,
                               int entityGroupsInSync, int functionsInSync,
                               Map<String, Integer> completed, Map<String, Integer> failures,
                               List<String> failureMessages, int roundTrips, int commandsSent, long ddlBytes,
                               List<CommandResults> commandResults) {

    public boolean succeeded() {
        return heartbeatsRead && failures.isEmpty();
    }
}
