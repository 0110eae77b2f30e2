package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.TargetFailure;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.model.ClusterModel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the pass an ADXCluster's role calls for (heartbeat for a Partition, federation for a
 * Federated cluster) without Kubernetes, and says what it did in a few lines. The heartbeat side
 * remembers each partition's last schema, as the operator does, so keep one instance per run.
 */
public final class ClusterPass {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * One pass: whether everything worked, and lines for a terminal (the first one a summary).
     *
     * @param notSetUp every failure was a hub without its heartbeat table yet
     */
    public record Outcome(boolean succeeded, List<String> lines, boolean notSetUp) {

        public Outcome(boolean succeeded, List<String> lines) {
            this(succeeded, lines, false);
        }
    }

    private final HeartbeatSender heartbeats;
    private final FederationPass federation;
    private final boolean releaseDepartures;

    public ClusterPass(KustoConnector kusto, Clock clock) {
        this(kusto, clock, false);
    }

    /** @param releaseDepartures apply removals the departure guard would hold */
    ClusterPass(KustoConnector kusto, Clock clock, boolean releaseDepartures) {
        this.heartbeats = new HeartbeatSender(kusto, clock);
        this.federation = new FederationPass(kusto, clock);
        this.releaseDepartures = releaseDepartures;
    }

    public Outcome run(ADXCluster cluster) {
        return cluster.getSpec().effectiveRole() == ClusterRole.Federated ? federate(cluster) : heartbeat(cluster);
    }

    Outcome heartbeat(ADXCluster cluster) {
        if (!(ClusterModel.of(cluster) instanceof ClusterModel.Partition partition)) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName() + " is not a valid Partition",
                    CommandFailure.USAGE);
        }
        List<FederatedTarget> targets = partition.targets();
        String name = partition.name();
        if (targets.isEmpty()) {
            return new Outcome(true, List.of(String.format("heartbeat   %-16s no federatedTargets: nothing to send", name)));
        }
        HeartbeatReport report = heartbeats.send(endpoint(cluster), partition.partitioning(), targets);
        List<String> lines = new ArrayList<>();
        String schema = report.schemaReadAt()
                .map(at -> report.databases() + " database(s), read " + TIME.format(at)
                        + (report.schemaFailure().isPresent() ? " (kept: this read failed)" : ""))
                .orElse("never read");
        lines.add(String.format("heartbeat   %-16s sent to %d of %d target(s); schema: %s; %d round trip(s) to the partition",
                name, report.reached().size(), targets.size(), schema, report.partitionRoundTrips()));
        report.degraded().forEach(d -> lines.add("  degraded " + d.describe()));
        report.schemaFailure().ifPresent(f -> lines.add("  failed  schema: " + f));
        for (TargetFailure failure : report.failures()) {
            lines.add((failure.hubNotSetUp() ? "  not set up " : "  failed  ") + failure.endpoint() + ": " + failure.message());
        }
        return new Outcome(report.schemaFailure().isEmpty() && report.failures().isEmpty(), lines,
                report.schemaFailure().isEmpty() && report.failures().stream().allMatch(TargetFailure::hubNotSetUp));
    }

    Outcome federate(ADXCluster cluster) {
        FederationReport report = federation.run(hub(cluster), releaseDepartures);
        List<String> lines = new ArrayList<>();
        String databases = report.partitionsByDatabase().isEmpty() ? "none"
                : report.partitionsByDatabase().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        lines.add(String.format("federation  %-16s %d partition(s) live, %d malformed heartbeat(s); partitions per database: %s;"
                        + " in sync: %d entity group(s), %d function(s); sent %d command(s), %s, in %d round trip(s)",
                cluster.getMetadata().getName(), report.partitions(), report.malformed().size(), databases,
                report.entityGroupsInSync(), report.functionsInSync(), report.commandsSent(), bytes(report.ddlBytes()),
                report.roundTrips()));
        if (!report.completed().isEmpty()) {
            lines.add("  done    " + counts(report.completed()));
        }
        if (!report.failures().isEmpty()) {
            lines.add("  failed  " + counts(report.failures()));
        }
        report.failureMessages().forEach(m -> lines.add("  failed  " + m));
        lines.addAll(guards(report));
        return new Outcome(report.succeeded(), lines);
    }

    /** What the safety rules did: not failures, but a person may need to act on them. */
    static List<String> guards(FederationReport report) {
        List<String> lines = new ArrayList<>();
        if (!report.heldDepartures().isEmpty()) {
            lines.add("  held    departures of " + String.join(", ", report.heldDepartures().endpoints()) + ": "
                    + report.heldDepartures().reason() + " (adxfed sync --release-departures applies them)");
        }
        ExcludedPartitions excluded = report.excluded();
        if (excluded.total() > 0) {
            lines.add("  left out " + excluded.blocked() + " blocked, " + excluded.notSelected() + " not selected, "
                    + excluded.metadataMissing() + " lacking metadata the partitionSelector reads");
        }
        report.conflicts().forEach(c -> lines.add("  kept    " + c + ": the user's, not the operator's; left as it is"));
        report.malformed().stream().filter(MalformedHeartbeat::keptLastSchema)
                .forEach(m -> lines.add("  last usable schema " + m.clusterEndpoint() + ": " + m.problem()));
        report.hubDatabasesMissing().forEach(db -> lines.add("  missing database " + db + " on the hub, which refused to"
                + " create it: create it in Azure, or set spec.provision"));
        return lines;
    }

    /** The hub as the federation pass takes it, with the CRD's defaults; {@link ClusterFile} refused what is invalid. */
    static Hub hub(ADXCluster cluster) {
        if (!(ClusterModel.of(cluster) instanceof ClusterModel.Federated hub)) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName() + " is not a valid Federated cluster",
                    CommandFailure.USAGE);
        }
        return hub.hub(endpoint(cluster));
    }

    /** Without Kubernetes there is nothing to provision: the cluster must name its endpoint. */
    static String endpoint(ADXCluster cluster) {
        String endpoint = cluster.getSpec().endpoint;
        if (endpoint == null || endpoint.isBlank()) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName()
                    + " has no spec.endpoint; sync and plan work on existing clusters", CommandFailure.USAGE);
        }
        return endpoint;
    }

    private static String counts(Map<String, Integer> byKind) {
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String bytes(long n) {
        return n < 1024 ? n + " B" : String.format("%.1f KiB", n / 1024.0);
    }
}
