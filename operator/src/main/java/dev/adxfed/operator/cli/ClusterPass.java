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
import dev.adxfed.operator.provision.ArmSettings;
import dev.adxfed.operator.provision.ClusterProvisioning;
import dev.adxfed.operator.provision.ProvisionResult;
import dev.adxfed.operator.model.ClusterModel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs what a reconcile runs, without Kubernetes: provisioning in Azure when spec.provision is set, then
 * the pass the role calls for (heartbeat for a Partition, federation for a Federated cluster), and says
 * what it did in a few lines. Without Kubernetes no applied state is kept between runs, so an existing
 * cluster's settings are never changed from here. The heartbeat side
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
    private final ClusterProvisioning provisioning;
    private final Consumer<String> progress;

    public ClusterPass(KustoConnector kusto, Clock clock) {
        this(kusto, clock, false, ClusterProvisioning.of(ArmSettings.DEFAULT), step -> {});
    }

    /**
     * @param releaseDepartures apply removals the departure guard would hold
     * @param provisioning      acts on spec.provision before the pass
     * @param progress          told each provisioning step and poll as it happens
     */
    public ClusterPass(KustoConnector kusto, Clock clock, boolean releaseDepartures, ClusterProvisioning provisioning,
                       Consumer<String> progress) {
        this.heartbeats = new HeartbeatSender(kusto, clock);
        this.federation = new FederationPass(kusto, clock);
        this.releaseDepartures = releaseDepartures;
        this.provisioning = provisioning;
        this.progress = progress;
    }

    /** As a reconcile does: provisioning first (when spec.provision is set), then the role's pass on the cluster's endpoint. */
    public Outcome run(ADXCluster cluster) {
        if (cluster.getSpec().provision == null) {
            return pass(cluster, endpoint(cluster));
        }
        String name = cluster.getMetadata().getName();
        ProvisionResult result;
        try {
            result = provisioning.provision(cluster, cluster.getSpec().effectiveRole() == ClusterRole.Federated
                    ? hub(cluster, cluster.getSpec().endpoint).heartbeatTable().database() : null, progress);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("ADXCluster " + name + ": " + e.getMessage(), CommandFailure.USAGE, e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("provision   %-16s %s", name, result.describe()));
        String endpoint = result instanceof ProvisionResult.Ready ready ? ready.endpoint()
                : result instanceof ProvisionResult.Restricted restricted ? restricted.endpoint() : null;
        if (endpoint == null) {
            if (result instanceof ProvisionResult.Restricted) {
                lines.add("  failed  the cluster's endpoint is not known: set spec.endpoint to use it as it is");
            }
            return new Outcome(false, lines);
        }
        Outcome pass = pass(cluster, endpoint);
        lines.addAll(pass.lines());
        return new Outcome(pass.succeeded(), lines, pass.notSetUp());
    }

    private Outcome pass(ADXCluster cluster, String endpoint) {
        return cluster.getSpec().effectiveRole() == ClusterRole.Federated ? federate(cluster, endpoint)
                : heartbeat(cluster, endpoint);
    }

    Outcome heartbeat(ADXCluster cluster) {
        return heartbeat(cluster, endpoint(cluster));
    }

    private Outcome heartbeat(ADXCluster cluster, String endpoint) {
        if (!(ClusterModel.of(cluster) instanceof ClusterModel.Partition partition)) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName() + " is not a valid Partition",
                    CommandFailure.USAGE);
        }
        List<FederatedTarget> targets = partition.targets();
        String name = partition.name();
        if (targets.isEmpty()) {
            return new Outcome(true, List.of(String.format("heartbeat   %-16s no federatedTargets: nothing to send", name)));
        }
        HeartbeatReport report = heartbeats.send(endpoint, partition.partitioning(), targets);
        List<String> lines = new ArrayList<>();
        String schema = report.schemaReadAt()
                .map(at -> report.databases() + " database(s), read " + TIME.format(at)
                        + (report.schemaFailure().isPresent() ? " (kept: this read failed)" : ""))
                .orElse("never read");
        lines.add(String.format("heartbeat   %-16s sent to %d of %d target(s); schema: %s; %d round trip(s) to the partition",
                name, report.reached().size(), targets.size(), schema, report.partitionRoundTrips()));
        report.degraded().forEach(d -> lines.add("  degraded " + d.describe()));
        report.schemaFailure().ifPresent(f -> lines.add("  failed  schema: " + f));
        for (TargetFailure failure : report.targetFailures()) {
            lines.add((failure.hubNotSetUp() ? "  not set up " : "  failed  ") + failure.endpoint() + ": " + failure.message());
        }
        return new Outcome(report.schemaFailure().isEmpty() && report.failures().isEmpty(), lines,
                report.schemaFailure().isEmpty() && report.failures().stream().allMatch(TargetFailure::hubNotSetUp));
    }

    Outcome federate(ADXCluster cluster) {
        return federate(cluster, endpoint(cluster));
    }

    private Outcome federate(ADXCluster cluster, String endpoint) {
        FederationReport report = federation.run(provisioning.hub(hub(cluster, endpoint), cluster.getSpec()), releaseDepartures);
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
        // A database the hub refused to create leaves its partitions unfederated until a person makes it.
        return new Outcome(report.succeeded() && report.hubDatabasesMissing().isEmpty(), lines);
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
        report.conflicts().forEach(c -> lines.add("  kept    " + c + ": " + c.why()));
        report.malformed().stream().filter(MalformedHeartbeat::keptLastSchema)
                .forEach(m -> lines.add("  last usable schema " + m.clusterEndpoint() + ": " + m.problem()));
        report.hubDatabasesMissing().forEach(db -> lines.add("  missing database " + db + " on the hub, which refused to"
                + " create it: create it in Azure (az kusto database create), or give the hub's ADXCluster spec.provision"
                + " (subscriptionId, resourceGroup, location, skuName, tier) so that sync makes it through Azure Resource Manager"));
        return lines;
    }

    /** The hub as the federation pass takes it, with the CRD's defaults; {@link ClusterFile} refused what is invalid. */
    static Hub hub(ADXCluster cluster) {
        return hub(cluster, endpoint(cluster));
    }

    /** The same at the endpoint in use (a provisioned cluster's URI). */
    static Hub hub(ADXCluster cluster, String endpoint) {
        if (!(ClusterModel.of(cluster) instanceof ClusterModel.Federated hub)) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName() + " is not a valid Federated cluster",
                    CommandFailure.USAGE);
        }
        return hub.hub(endpoint);
    }

    /** The endpoint of a cluster that is not provisioned: it must name one. */
    static String endpoint(ADXCluster cluster) {
        String endpoint = cluster.getSpec().endpoint;
        if (endpoint == null || endpoint.isBlank()) {
            throw new CommandFailure("ADXCluster " + cluster.getMetadata().getName()
                    + " has neither spec.endpoint nor spec.provision: give the URL of an existing cluster, or"
                    + " spec.provision to make one in Azure", CommandFailure.USAGE);
        }
        return endpoint;
    }

    /** Checks up front that a cluster can be passed: it has an endpoint, or spec.provision to find or make one. */
    static void check(ADXCluster cluster) {
        if (cluster.getSpec().provision == null) {
            endpoint(cluster);
        }
    }

    private static String counts(Map<String, Integer> byKind) {
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String bytes(long n) {
        return n < 1024 ? n + " B" : String.format("%.1f KiB", n / 1024.0);
    }
}
