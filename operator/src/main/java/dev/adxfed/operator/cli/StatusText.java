package dev.adxfed.operator.cli;

import dev.adxfed.operator.review.DatabaseReview;
import dev.adxfed.operator.review.FunctionReview;
import dev.adxfed.operator.review.GroupReview;
import dev.adxfed.operator.review.HubReview;
import dev.adxfed.operator.review.HubVerdict;
import dev.adxfed.operator.review.LastPass;
import dev.adxfed.operator.review.PartitionReview;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code adxfed status} for a terminal: the verdict, partitions, objects, what is held back, and the last pass. */
final class StatusText {

    /** What {@code status} says when the file carries no status to show the last pass from. */
    static final String NO_STATUS = "not in the file (it carries no status; `kubectl get adxcluster NAME -o yaml`"
            + " writes one that does)";
    static final String NO_RESOURCE = "unknown (no resource given, only an endpoint)";

    private StatusText() {}

    /** @param fromFile whether the hub came from a file (then a missing status is the file's) */
    static String of(HubReview hub, boolean fromFile) {
        StringBuilder out = new StringBuilder();
        // with --endpoint the hub has no name but its endpoint
        out.append("hub ").append(hub.name()).append(hub.name().equals(hub.endpoint()) ? "" : " (" + hub.endpoint() + ")")
                .append(", read ")
                .append(hub.readAt() == null ? "(not read)" : hub.readAt()).append(", heartbeat TTL ").append(hub.heartbeatTtl())
                .append('\n');
        out.append(HubVerdict.of(hub)).append("\n\n");
        long live = hub.livePartitions();
        out.append("Partitions: ").append(live).append(" live, ").append(hub.partitions().size() - live)
                .append(" expired (heartbeats read over the TTL plus departureHoldTime)\n");
        if (!hub.partitions().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (PartitionReview p : hub.partitions()) {
                rows.add(List.of(p.endpoint(), p.lastHeartbeat(), age(p.ageSeconds()), p.live() ? "live" : "expired",
                        p.role().words(), databases(p)));
            }
            out.append(TextTable.of(List.of("ENDPOINT", "LAST HEARTBEAT", "AGE", "TTL", "ROLE", "DATABASES"), rows).render());
        }
        out.append('\n');
        List<List<String>> objects = new ArrayList<>();
        for (DatabaseReview db : hub.databases()) {
            for (GroupReview g : db.entityGroups()) {
                objects.add(List.of(db.database(), "entity group", g.name(), g.state().words(), groupDetail(g)));
            }
            for (FunctionReview f : db.functions()) {
                objects.add(List.of(db.database(), "function", f.name() + "()", f.state().words(), functionDetail(f)));
            }
        }
        out.append("Entity groups and functions of the operator, per hub database:\n");
        out.append(objects.isEmpty() ? "  none known (nothing live, or the hub could not be read)\n"
                : TextTable.of(List.of("DATABASE", "KIND", "NAME", "STATE", "DETAIL"), objects).render());
        out.append('\n');
        out.append("Held departures: ").append(hub.heldDepartures().isEmpty() ? "none"
                : String.join(", ", hub.heldDepartures()) + ": " + hub.heldReason()).append('\n');
        if (!hub.missingHubDatabases().isEmpty()) {
            out.append("Databases missing on the hub (it refused to create them): ")
                    .append(String.join(", ", hub.missingHubDatabases())).append('\n');
        }
        hub.failures().forEach(f -> out.append("Read failed: ").append(f).append('\n'));
        out.append("Last pass: ").append(lastPass(hub.lastPass(), fromFile)).append('\n');
        return out.toString();
    }


    private static String databases(PartitionReview p) {
        return p.databases().isEmpty() ? "-" : p.databases().stream()
                .map(d -> d.name() + " (" + d.tables() + " table(s)" + (d.views() > 0 ? ", " + d.views() + " view(s)" : "") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String groupDetail(GroupReview g) {
        return switch (g.state()) {
            case IN_SYNC -> g.membersAfter().size() + " member(s)";
            case MISSING -> "a sync creates it with " + g.membersAfter().size() + " member(s)";
            case DRIFTED -> "+" + g.membersAdded().size() + " -" + g.membersRemoved().size() + " member(s) against the plan";
            case STALE -> "no live partition has its database: a sync drops it";
            case CONFLICT -> "a user's group of that name (" + g.membersBefore().size() + " member(s)), left alone";
        };
    }

    private static String functionDetail(FunctionReview f) {
        return switch (f.state()) {
            case IN_SYNC -> f.over();
            case MISSING -> "a sync creates it over " + f.over();
            case DRIFTED -> "differs from the plan: a sync alters it (over " + f.over() + ")";
            case STALE -> "no live partition has it: a sync drops it";
            case CONFLICT -> "a user's function of that name, left alone";
        };
    }

    private static String lastPass(LastPass last, boolean fromFile) {
        if (last == null) {
            return fromFile ? NO_STATUS : NO_RESOURCE;
        }
        String failures = last.failures().isEmpty() ? "none" : last.failures().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "Ready " + last.ready() + " (" + last.reason() + ")" + (last.message() == null ? "" : ": " + last.message())
                + "; last sync " + last.lastSyncTime() + ", last successful sync " + last.lastSuccessfulSyncTime()
                + "; failures: " + failures;
    }

    /** 45s, 3m12s, 2h05m, 3d04h. */
    static String age(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
