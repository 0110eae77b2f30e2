package dev.adxfed.operator.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.api.FederationStatus;
import dev.adxfed.operator.api.HeartbeatStatus;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.FederationSettings;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orchestrates only: decides whether to act (criteriaExpression), mirrors the endpoint, dispatches
 * on the role to the heartbeat sender or the federation pass, and writes what they report into the
 * status. All Kusto work is in those two passes, which the command line uses too.
 */
@ControllerConfiguration(name = "adxcluster")
public final class ADXClusterReconciler implements Reconciler<ADXCluster> {

    private static final Logger LOG = LoggerFactory.getLogger(ADXClusterReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often each role runs again. */
    public record Intervals(Duration heartbeat, Duration federation) {}

    private final HeartbeatSender sender;
    private final FederationPass federation;
    private final CriteriaExpression criteria;
    private final Intervals intervals;
    private final OperatorMetrics metrics;
    private final Clock clock;

    public ADXClusterReconciler(HeartbeatSender sender, FederationPass federation, CriteriaExpression criteria,
                                Intervals intervals, OperatorMetrics metrics, Clock clock) {
        this.sender = sender;
        this.federation = federation;
        this.criteria = criteria;
        this.intervals = intervals;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ADXCluster> reconcile(ADXCluster cluster, Context<ADXCluster> context) {
        String name = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
        ADXClusterSpec spec = cluster.getSpec();
        ADXCluster patch = statusPatch(cluster);
        ADXClusterStatus status = patch.getStatus();
        long generation = cluster.getMetadata().getGeneration() == null ? 0 : cluster.getMetadata().getGeneration();
        Instant start = clock.instant();

        CriteriaExpression.Verdict verdict = criteria.evaluate(spec.criteriaExpression);
        if (verdict instanceof CriteriaExpression.Verdict.Invalid invalid) {
            LOG.warn("ADXCluster {}: {}", name, invalid.message());
            new ClusterCondition("False", ClusterCondition.CRITERIA_ERROR, invalid.message()).applyTo(status, generation, start);
            return UpdateControl.patchStatus(patch);
        }
        if (verdict instanceof CriteriaExpression.Verdict.Skip) {
            new ClusterCondition("False", ClusterCondition.CRITERIA_FALSE,
                    "criteriaExpression is false for this operator's cluster labels; not reconciled")
                    .applyTo(status, generation, start);
            return UpdateControl.patchStatus(patch);
        }
        if (spec.endpoint == null || spec.endpoint.isBlank()) {
            String message = spec.provision != null
                    ? "provisioning clusters in Azure (spec.provision) is not supported by adxfed yet: set spec.endpoint"
                    : "no spec.endpoint and no provisioning configuration";
            new ClusterCondition("False", ClusterCondition.PROVISIONING_DISABLED, message).applyTo(status, generation, start);
            return UpdateControl.patchStatus(patch);
        }
        status.endpoint = spec.endpoint;
        new ClusterCondition("True", ClusterCondition.PROVISIONING_SKIPPED, "Using existing endpoint " + spec.endpoint
                + (spec.provision != null ? "; spec.provision is not supported by adxfed yet and was ignored" : ""))
                .applyTo(status, generation, start);

        Duration next = switch (spec.effectiveRole()) {
            case Federated -> {
                federate(name, spec, status);
                yield intervals.federation();
            }
            case Partition -> {
                heartbeat(name, spec, status);
                yield intervals.heartbeat();
            }
        };
        metrics.reconcileDuration(spec.effectiveRole().name(), Duration.between(start, clock.instant()));
        return UpdateControl.patchStatus(patch).rescheduleAfter(next);
    }

    private void heartbeat(String name, ADXClusterSpec spec, ADXClusterStatus status) {
        FederationSpec federationSpec = spec.federation;
        if (federationSpec == null || federationSpec.federatedTargets == null || federationSpec.federatedTargets.isEmpty()) {
            LOG.info("ADXCluster {}: partition without spec.federation.federatedTargets; no heartbeat to send", name);
            return;
        }
        HeartbeatReport report = sender.send(spec.endpoint, federationSpec.partitioning, federationSpec.federatedTargets);
        metrics.heartbeat(report);
        HeartbeatStatus heartbeat = status.heartbeat == null ? new HeartbeatStatus() : status.heartbeat;
        if (report.sent()) {
            heartbeat.lastHeartbeatTime = report.at().toString();
        }
        report.schemaReadAt().ifPresent(t -> heartbeat.lastSchemaReadTime = t.toString());
        heartbeat.databases = report.databases();
        heartbeat.targetsReached = report.reached();
        List<String> failures = new ArrayList<>();
        report.schemaFailure().ifPresent(failures::add);
        report.failures().forEach(f -> failures.add(f.endpoint() + ": " + f.message()));
        heartbeat.failures = failures;
        status.heartbeat = heartbeat;
        LOG.info("ADXCluster {}: heartbeat reached {} of {} targets", name, report.reached().size(),
                federationSpec.federatedTargets.size());
    }

    private void federate(String name, ADXClusterSpec spec, ADXClusterStatus status) {
        FederationSpec federationSpec = spec.federation;
        if (federationSpec == null || federationSpec.heartbeatDatabase == null || federationSpec.heartbeatTable == null) {
            LOG.info("ADXCluster {}: federated without spec.federation.heartbeatDatabase and heartbeatTable; nothing to do", name);
            return;
        }
        Hub hub = new Hub(spec.endpoint, new HeartbeatTable(federationSpec.heartbeatDatabase, federationSpec.heartbeatTable),
                federationSpec.heartbeatTtl(), FederationSettings.of(federationSpec));
        FederationReport report = federation.run(hub);
        metrics.federation(spec.endpoint, report);
        FederationStatus result = status.federation == null ? new FederationStatus() : status.federation;
        result.partitions = report.partitions();
        result.malformedHeartbeats = report.malformed().size();
        result.databases = List.copyOf(report.partitionsByDatabase().keySet());
        result.entityGroupsInSync = report.entityGroupsInSync();
        result.functionsInSync = report.functionsInSync();
        Map<String, Integer> failures = new TreeMap<>(report.failures());
        result.failures = failures;
        if (report.succeeded()) {
            result.lastSuccessfulSyncTime = clock.instant().toString();
        }
        status.federation = result;
        LOG.info("ADXCluster {}: federated {} partitions, {} groups and {} functions in sync, failures {}", name,
                report.partitions(), report.entityGroupsInSync(), report.functionsInSync(), failures);
    }

    /** A fresh resource with just name, namespace and a copy of the status, so only the status is patched. */
    private static ADXCluster statusPatch(ADXCluster cluster) {
        ADXCluster patch = new ADXCluster();
        patch.setMetadata(new ObjectMetaBuilder().withName(cluster.getMetadata().getName())
                .withNamespace(cluster.getMetadata().getNamespace()).build());
        patch.setStatus(cluster.getStatus() == null ? new ADXClusterStatus()
                : JSON.convertValue(cluster.getStatus(), ADXClusterStatus.class));
        return patch;
    }
}
