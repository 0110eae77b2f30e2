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
import dev.adxfed.operator.kusto.FailedCalls;
import dev.adxfed.operator.provision.ClusterProvisioning;
import dev.adxfed.operator.provision.ProvisionResult;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reconciles an ADXCluster: checks its criteriaExpression, provisions it in Azure when it has
 * spec.provision, runs the pass of its role (Partition: heartbeat; Federated: federation), patches
 * the status decided from the outcome, and comes back after the role's interval, or sooner with
 * backoff after a failure (of the pass, or of the status patch) or while Azure is at work. The passes
 * do the I/O; this class only orchestrates. Deleting an ADXCluster deletes nothing in Azure. Each pass
 * is reported to the {@link ProgressWatchdog}, and its log lines carry a pass id in the MDC.
 */
final class ADXClusterReconciler implements Reconciler<ADXCluster> {

    /** The MDC key of the pass a log line belongs to (JOSDK puts the resource's namespace and name beside it). */
    static final String PASS = "pass";

    private static final Logger LOG = LoggerFactory.getLogger(ADXClusterReconciler.class);

    private final ClusterCriteria criteria;
    private final ClusterProvisioning provisioning;
    private final HeartbeatSender heartbeats;
    private final FederationPass federation;
    private final OperatorMetrics metrics;
    private final Duration heartbeatInterval;
    private final Duration federationInterval;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final ProgressWatchdog watchdog;
    private final FailureEvents events;

    ADXClusterReconciler(ClusterCriteria criteria, ClusterProvisioning provisioning, HeartbeatSender heartbeats,
                         FederationPass federation, OperatorMetrics metrics, Duration heartbeatInterval,
                         Duration federationInterval, RetryBackoff backoff, Clock clock, ProgressWatchdog watchdog,
                         FailureEvents events) {
        this.criteria = criteria;
        this.provisioning = provisioning;
        this.heartbeats = heartbeats;
        this.federation = federation;
        this.metrics = metrics;
        this.heartbeatInterval = heartbeatInterval;
        this.federationInterval = federationInterval;
        this.backoff = backoff;
        this.clock = clock;
        this.watchdog = watchdog;
        this.events = events;
    }

    @Override
    public UpdateControl<ADXCluster> reconcile(ADXCluster cluster, Context<ADXCluster> context) {
        String key = key(cluster);
        watchdog.passStarted(key);
        FailedCalls.clear();
        try (MDC.MDCCloseable pass = MDC.putCloseable(PASS, UUID.randomUUID().toString().substring(0, 8))) {
            return pass(cluster, context, key);
        } finally {
            watchdog.passEnded(key);
        }
    }

    private UpdateControl<ADXCluster> pass(ADXCluster cluster, Context<ADXCluster> context, String key) {
        String namespace = cluster.getMetadata().getNamespace();
        String name = namespace + "/" + cluster.getMetadata().getName();
        ClusterRole role = cluster.getSpec().effectiveRole();
        Instant start = clock.instant();
        boolean release = role == ClusterRole.Federated && ReleaseDepartures.requested(cluster);
        Outcome outcome = run(name, cluster, release);
        Outcome pass = outcome instanceof Outcome.Provisioned provisioned ? provisioned.pass() : outcome;
        if (release && pass instanceof Outcome.FederationDone done && done.report().heartbeatsRead()) {
            ReleaseDepartures.consumed(context.getClient(), cluster);
        }
        String hub = role == ClusterRole.Federated ? nullToEmpty(cluster.getSpec().endpoint) : "";
        if (outcome instanceof Outcome.NotSelected) {
            metrics.reconciled(role.name(), hub, "skipped", Duration.between(start, clock.instant()));
            metrics.gone(namespace, cluster.getMetadata().getName());
            backoff.forget(key);
            LOG.debug("ADXCluster {}: criteriaExpression is false for this cluster; skipped", name);
            return UpdateControl.noUpdate();
        }
        metrics.follows(namespace, cluster.getMetadata().getName(), role.name(), hub.isEmpty() ? null : hub,
                role == ClusterRole.Federated ? Set.of() : targets(cluster));
        StatusDecision.Decision decision = StatusDecision.decide(cluster, outcome, clock.instant(),
                FailedCalls.lastClientRequestId());
        metrics.reconciled(role.name(), hub, decision.reason().result(), Duration.between(start, clock.instant()));
        metrics.ready(namespace, cluster.getMetadata().getName(), role.name(), decision.ready());
        events.decided(context.getClient(), cluster, decision);
        ADXCluster patch = new ADXCluster();
        patch.setMetadata(new ObjectMetaBuilder().withName(cluster.getMetadata().getName())
                .withNamespace(namespace).build());
        patch.setStatus(decision.status());
        Duration next = backoff.next(key, decision.reason().retrySoon(), interval(role));
        LOG.info("ADXCluster {}: status {} {}; next pass in {}", name, decision.reason().text(),
                patch.getStatus().conditions.get(0).getMessage(), next);
        return UpdateControl.patchStatus(patch).rescheduleAfter(next);
    }

    /**
     * The pass threw, or JOSDK could not patch the status it decided (429 under API Priority and Fairness, 403,
     * 422, no answer): the pass is retried as a failed pass is, with backoff, instead of JOSDK's few retries
     * and then nothing until the maximal interval.
     */
    @Override
    public ErrorStatusUpdateControl<ADXCluster> updateErrorStatus(ADXCluster cluster, Context<ADXCluster> context,
                                                                  Exception e) {
        Duration next = backoff.next(key(cluster), true, interval(cluster.getSpec().effectiveRole()));
        String name = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
        if (e instanceof KubernetesClientException refused) {
            metrics.statusPatchFailed(Math.max(refused.getCode(), 0));
            LOG.warn("ADXCluster {}: the status could not be written (HTTP {}): {}; next pass in {}", name,
                    refused.getCode(), refused.getMessage(), next);
        } else {
            LOG.error("ADXCluster {}: reconcile failed; next pass in {}", name, next, e);
        }
        return ErrorStatusUpdateControl.<ADXCluster>noStatusUpdate().rescheduleAfter(next);
    }

    private Duration interval(ClusterRole role) {
        return role == ClusterRole.Federated ? federationInterval : heartbeatInterval;
    }

    private static String key(ADXCluster cluster) {
        return cluster.getMetadata().getUid() != null ? cluster.getMetadata().getUid()
                : cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
    }

    private static Set<String> targets(ADXCluster cluster) {
        if (cluster.getSpec().federation == null || cluster.getSpec().federation.federatedTargets == null) {
            return Set.of();
        }
        return cluster.getSpec().federation.federatedTargets.stream().map(t -> t.endpoint).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
        ProvisionResult provisioned = null;
        String endpoint = model instanceof ClusterModel.Federated hub ? hub.endpoint().orElse(null)
                : ((ClusterModel.Partition) model).endpoint().orElse(null);
        if (cluster.getSpec().provision != null) {
            try {
                provisioned = provisioning.provision(cluster, model instanceof ClusterModel.Federated hub
                        ? hub.heartbeatTable().database() : null, step -> LOG.debug("ADXCluster {}: {}", name, step));
            } catch (IllegalArgumentException e) {
                return new Outcome.InvalidSpec(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("ADXCluster {}: provisioning failed", name, e);
                return new Outcome.PassFailed("provisioning failed: " + e);
            }
            LOG.info("ADXCluster {}: provisioning {}", name, provisioned.describe());
            endpoint = provisioned instanceof ProvisionResult.Ready ready ? ready.endpoint()
                    : provisioned instanceof ProvisionResult.Restricted restricted ? restricted.endpoint() : null;
            if (endpoint == null) {
                return new Outcome.Provisioning(provisioned);
            }
        }
        Outcome pass;
        try {
            pass = model instanceof ClusterModel.Federated hub
                    ? federate(name, provisioning.hub(hub.hub(endpoint), cluster.getSpec()), releaseDepartures)
                    : heartbeat(name, endpoint, (ClusterModel.Partition) model);
        } catch (IllegalArgumentException e) {
            pass = new Outcome.InvalidSpec(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("ADXCluster {}: {} pass failed", name, cluster.getSpec().effectiveRole(), e);
            pass = new Outcome.PassFailed(cluster.getSpec().effectiveRole() + " pass failed: " + e);
        }
        return provisioned == null ? pass : new Outcome.Provisioned(provisioned, pass);
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
