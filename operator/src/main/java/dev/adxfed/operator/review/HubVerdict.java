package dev.adxfed.operator.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line verdict on a hub that {@code status} and {@code plan} both print, so that the two never
 * disagree: in sync only when everything was read, some partition is live and a sync would send nothing.
 */
public final class HubVerdict {

    private HubVerdict() {}

    public static String of(HubReview hub) {
        if (!hub.inputsRead() || !hub.failures().isEmpty()) {
            return "ERROR: the hub could not be read in full; what follows may be incomplete";
        }
        if (hub.notSetUp()) {
            return "NOT SET UP YET: the hub has no heartbeat table, so no partition has heartbeated into it; its first"
                    + " sync (adxfed sync -f FILE) or the operator's first pass makes it, then partitions can heartbeat";
        }
        if (hub.inSync()) {
            return "IN SYNC: a sync would send nothing";
        }
        Map<ObjectState, Integer> counts = new EnumMap<>(ObjectState.class);
        hub.databases().forEach(db -> {
            db.entityGroups().forEach(g -> counts.merge(g.state(), 1, Integer::sum));
            db.functions().forEach(f -> counts.merge(f.state(), 1, Integer::sum));
        });
        counts.remove(ObjectState.IN_SYNC);
        List<String> why = new ArrayList<>();
        if (hub.livePartitions() == 0) {
            why.add("no live partition, so the operator changes nothing");
        }
        counts.forEach((state, n) -> why.add(n + " " + state.words()));
        if (!hub.heldDepartures().isEmpty()) {
            why.add(hub.heldDepartures().size() + " departure(s) held");
        }
        if (!hub.missingHubDatabases().isEmpty()) {
            why.add(hub.missingHubDatabases().size() + " database(s) missing on the hub");
        }
        why.add("a sync would send " + hub.pendingRequests() + " request(s)");
        return "NOT IN SYNC: " + String.join(", ", why);
    }
}
