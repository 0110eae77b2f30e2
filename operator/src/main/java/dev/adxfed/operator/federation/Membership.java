package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which partitions are members of the hub's groups and functions this pass, from the heartbeats read
 * over the TTL plus the hold time: the fresh ones that are neither blocked nor left out by
 * partitionSelector, plus silent ones the departure guard holds. Pure: no I/O, no clock.
 *
 * @param members  the partitions to federate, sorted by endpoint
 * @param fresh    how many of them heartbeated within the TTL (the rest are held)
 * @param excluded fresh partitions that are not members, by why
 * @param held     silent partitions kept because too many left at once
 */
public record Membership(List<PartitionHeartbeat> members, int fresh, ExcludedPartitions excluded, HeldDepartures held) {

    /**
     * @param read           the newest heartbeat of every partition within TTL + hold time
     * @param blocked        normalized endpoints that are never members
     * @param currentMembers endpoints (in lower case) that are members of the hub's own groups now
     * @param release        a person released held departures
     */
    public static Membership of(List<PartitionHeartbeat> read, Instant now, Duration ttl, FederationSettings settings,
                                Set<String> blocked, Set<String> currentMembers, boolean release) {
        Instant freshAfter = now.minus(ttl);
        Instant holdableAfter = freshAfter.minus(settings.departureHoldTime());
        List<PartitionHeartbeat> members = new ArrayList<>();
        List<PartitionHeartbeat> silentMembers = new ArrayList<>();
        int blockedCount = 0;
        int notSelected = 0;
        int metadataMissing = 0;
        for (PartitionHeartbeat heartbeat : read) {
            boolean fresh = heartbeat.timestamp().isAfter(freshAfter);
            PartitionSelector.Verdict verdict = blocked.contains(heartbeat.clusterEndpoint()) ? null
                    : settings.partitionSelector().test(heartbeat.clusterEndpoint(), heartbeat.metadata());
            if (verdict == PartitionSelector.Verdict.SELECTED) {
                if (fresh) {
                    members.add(heartbeat);
                } else if (heartbeat.timestamp().isAfter(holdableAfter) && currentMembers.contains(heartbeat.clusterEndpoint())) {
                    silentMembers.add(heartbeat);
                }
            } else if (fresh) {
                // Blocking or deselecting a partition is a person's decision: it goes through at once.
                if (verdict == null) {
                    blockedCount++;
                } else if (verdict == PartitionSelector.Verdict.NOT_SELECTED) {
                    notSelected++;
                } else {
                    metadataMissing++;
                }
            }
        }
        int fresh = members.size();
        HeldDepartures held = HeldDepartures.NONE;
        if (!release && !currentMembers.isEmpty()
                && silentMembers.size() > settings.maxDepartingFraction() * currentMembers.size()) {
            List<String> endpoints = silentMembers.stream().map(PartitionHeartbeat::clusterEndpoint).toList();
            held = new HeldDepartures(endpoints, currentMembers.size(), silentMembers.size() + " of "
                    + currentMembers.size() + " member partitions fell silent, more than maxDepartingFraction "
                    + settings.maxDepartingFraction() + "; they stay members until the share falls to it, they have been"
                    + " silent for departureHoldTime " + settings.departureHoldTime() + " beyond the TTL, or a person"
                    + " releases them");
            members.addAll(silentMembers);
        }
        members.sort((a, b) -> a.clusterEndpoint().compareTo(b.clusterEndpoint()));
        return new Membership(List.copyOf(members), fresh, new ExcludedPartitions(blockedCount, notSelected, metadataMissing),
                held);
    }
}
