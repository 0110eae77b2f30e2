package dev.adxfed.operator.review;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as a Markdown diff for a pull request: per hub database, the entity groups and functions a
 * sync would create, alter or drop (groups with the members they gain and lose) and the user's
 * objects it leaves alone; then held departures, databases the hub lacks, and reads that failed.
 */
public final class PlanMarkdown {

    private PlanMarkdown() {}

    public static String of(List<HubReview> hubs) {
        StringBuilder md = new StringBuilder();
        for (HubReview hub : hubs) {
            hub(md, hub.changes());
        }
        return md.toString();
    }

    private static void hub(StringBuilder md, HubReview hub) {
        md.append("## adxfed plan: `").append(hub.name()).append("` (").append(hub.endpoint()).append(")\n\n");
        md.append(hub.livePartitions()).append(" live partition(s) within the heartbeat TTL ").append(hub.heartbeatTtl())
                .append("; a sync would send ").append(hub.pendingRequests()).append(" request(s).\n\n");
        md.append(HubVerdict.of(hub)).append("\n\n");
        if (!hub.databasesToCreate().isEmpty()) {
            md.append("### Databases the sync creates on the hub\n\n")
                    .append(code(hub.databasesToCreate()).replace("<br>", ", ")).append("\n\n");
        }
        for (DatabaseReview database : hub.databases()) {
            md.append("### Database `").append(database.database()).append("`\n\n");
            if (!database.entityGroups().isEmpty()) {
                md.append("| Entity group | Change | Members added | Members removed |\n|---|---|---|---|\n");
                for (GroupReview group : database.entityGroups()) {
                    md.append("| `").append(group.name()).append("` | ").append(change(group.state())).append(" | ")
                            .append(code(group.membersAdded())).append(" | ").append(code(group.membersRemoved()))
                            .append(" |\n");
                }
                md.append('\n');
            }
            if (!database.functions().isEmpty()) {
                md.append("| Function | Change | Partitions |\n|---|---|---|\n");
                for (FunctionReview function : database.functions()) {
                    md.append("| `").append(function.name()).append("()` | ").append(change(function.state())).append(" | ")
                            .append(function.state() == ObjectState.STALE ? "" : function.entityGroup() != null
                                    ? "`" + function.entityGroup() + "`" : String.valueOf(function.members().size()))
                            .append(" |\n");
                }
                md.append('\n');
            }
        }
        if (!hub.heldDepartures().isEmpty()) {
            md.append("### Held departures\n\n").append(hub.heldReason()).append(":\n\n");
            hub.heldDepartures().forEach(e -> md.append("- `").append(e).append("`\n"));
            md.append('\n');
        }
        if (!hub.missingHubDatabases().isEmpty()) {
            md.append("### Databases missing on the hub\n\nThe hub refused to create them; their groups and functions"
                    + " are skipped: ").append(code(hub.missingHubDatabases()).replace("<br>", ", ")).append("\n\n");
        }
        if (!hub.failures().isEmpty()) {
            md.append("### Reads that failed (the plan may be incomplete)\n\n");
            hub.failures().forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            md.append('\n');
        }
    }

    private static String change(ObjectState state) {
        return switch (state) {
            case MISSING -> "**create**";
            case DRIFTED -> "**alter**";
            case STALE -> "**drop**";
            case CONFLICT -> "conflict: a user's object, left alone";
            case IN_SYNC -> "none";
        };
    }

    private static String code(List<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining("<br>"));
    }
}
