package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.heartbeat.DegradedHeartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.metrics.OperatorMetrics;
import dev.adxfed.operator.model.ClusterModel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reconciles an ADXCluster: checks its criteriaExpression, runs the pass of its role (Partition:
 * heartbeat; Federated: federation), patches the status decided from the outcome, and comes back
 * after the role's interval, or sooner with backoff after a failure. The passes do the I/O; this
 * class only orchestrates.
 */
final class ADXClusterReconciler implements Reconciler<ADXCluster> {

    private static final Logger LOG = LoggerFactory.getLogger(ADXClusterReconciler.class);

    private final ClusterCriteria criteria;
    private final HeartbeatSender heartbeats;
    private final FederationPass federation;
    private final OperatorMetrics metrics;
    private final Duration heartbeatInterval;
    private final Duration federationInterval;
    private final RetryBackoff backoff;
    private final Clock clock;

    ADXClusterReconciler(ClusterCriteria criteria, HeartbeatSender heartbeats, FederationPass federation,
                         OperatorMetrics metrics, Duration heartbeatInterval, Duration federationInterval,
                         RetryBackoff backoff, Clock clock) {
        this.criteria = criteria;
        this.heartbeats = heartbeats;
        this.federation = federation;
        this.metrics = metrics;
        this.heartbeatInterval = heartbeatInterval;
        this.federationInterval = federationInterval;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ADXCluster> reconcile(ADXCluster cluster, Context<ADXCluster> context) {
        String name = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
        String key = cluster.getMetadata().getUid() != null ? cluster.getMetadata().getUid() : name;
        ClusterRole role = cluster.getSpec().effectiveRole();
        Instant start = clock.instant();
        boolean release = role == ClusterRole.Federated && ReleaseDepartures.requested(cluster);
        Outcome outcome = run(name, cluster, release);
        if (release && outcome instanceof Outcome.FederationDone done && done.report().heartbeatsRead()) {
            ReleaseDepartures.consumed(context.getClient(), cluster);
        }
        if (outcome instanceof Outcome.NotSelected) {
            metrics.reconciled(role.name(), "skipped", Duration.between(start, clock.instant()));
            backoff.forget(key);
            LOG.debug("ADXCluster {}: criteriaExpression is false for this cluster; skipped", name);
            return UpdateControl.noUpdate();
        }
        StatusDecision.Decision decision = StatusDecision.decide(cluster, outcome, clock.instant());
        metrics.reconciled(role.name(), decision.reason().result(), Duration.between(start, clock.instant()));
        ADXCluster patch = new ADXCluster();
        patch.setMetadata(new ObjectMetaBuilder().withName(cluster.getMetadata().getName())
                .withNamespace(cluster.getMetadata().getNamespace()).build());
        patch.setStatus(decision.status());
        Duration next = backoff.next(key, decision.reason().retrySoon(),
                role == ClusterRole.Federated ? federationInterval : heartbeatInterval);
        LOG.info("ADXCluster {}: status {} {}; next pass in {}", name, decision.reason().text(),
                patch.getStatus().conditions.get(0).getMessage(), next);
        return UpdateControl.patchStatus(patch).rescheduleAfter(next);
    }

    private Outcome run(String name, ADXCluster cluster, boolean releaseDepartures) {
        ClusterCriteria.Verdict verdict = criteria.evaluate(cluster.getSpec().criteriaExpression);
        if (verdict instanceof ClusterCriteria.Verdict.NoMatch) {
            return new Outcome.NotSelected();
        }
        if (verdict instanceof ClusterCriteria.Verdict.Invalid invalid) {
            LOG.warn("ADXCluster {}: {}", name, invalid.message());
            return new Outcome.CriteriaError(invalid.message());
        }
        ClusterModel model = ClusterModel.of(cluster);
        if (model instanceof ClusterModel.Invalid invalid) {
            return new Outcome.InvalidSpec(invalid.message());
        }
        try {
            if (model instanceof ClusterModel.Federated hub) {
                return hub.endpoint().isEmpty() ? new Outcome.ProvisioningNotSupported()
                        : federate(name, hub.hub(hub.endpoint().get()), releaseDepartures);
            }
            ClusterModel.Partition partition = (ClusterModel.Partition) model;
            return partition.endpoint().isEmpty() ? new Outcome.ProvisioningNotSupported()
                    : heartbeat(name, partition.endpoint().get(), partition);
        } catch (RuntimeException e) {
            LOG.error("ADXCluster {}: {} pass failed", name, cluster.getSpec().effectiveRole(), e);
            return new Outcome.PassFailed(cluster.getSpec().effectiveRole() + " pass failed: " + e);
        }
    }

    private Outcome heartbeat(String name, String endpoint, ClusterModel.Partition partition) {
        if (partition.targets().isEmpty()) {
            return new Outcome.NoTargets();
        }
        HeartbeatReport report = heartbeats.send(endpoint, partition.partitioning(), partition.targets());
        metrics.heartbeat(report);
        LOG.info("ADXCluster {}: schema {} ({} databases, {} round trips); heartbeat reached {} of {} targets",
                name, report.schemaFailure().map(f -> "read failed: " + f).orElse("read"), report.databases(),
                report.partitionRoundTrips(), report.reached().size(), report.reached().size() + report.failures().size());
        if (!report.degraded().isEmpty()) {
            LOG.info("ADXCluster {}: heartbeat over {} target(s)' Schema limit: {}", name, report.degraded().size(),
                    report.degraded().stream().map(DegradedHeartbeat::describe).toList());
        }
        return new Outcome.HeartbeatDone(report);
    }

    private Outcome federate(String name, Hub hub, boolean releaseDepartures) {
        FederationReport report = federation.run(hub, releaseDepartures);
        metrics.federation(hub.endpoint(), report);
        LOG.info("ADXCluster {}: heartbeats {} ({} partitions, {} malformed, {} excluded, {} departures held{}); {}"
                        + " databases ({} missing on the hub); {} entity groups and {} functions in sync, {} conflicts;"
                        + " {} commands sent ({} bytes) in {} round trips; failures {}",
                name, report.heartbeatsRead() ? "read" : "not read", report.partitions(), report.malformed().size(),
                report.excluded().total(), report.heldDepartures().endpoints().size(),
                releaseDepartures ? ", release requested" : "", report.partitionsByDatabase().size(),
                report.hubDatabasesMissing().size(), report.entityGroupsInSync(), report.functionsInSync(),
                report.conflicts().size(), report.commandsSent(), report.ddlBytes(), report.roundTrips(), report.failures());
        return new Outcome.FederationDone(report);
    }
}
