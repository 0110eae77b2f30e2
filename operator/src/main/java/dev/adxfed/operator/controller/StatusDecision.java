package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.FederationStatus;
import dev.adxfed.operator.api.HeartbeatStatus;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.TargetFailure;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.provision.ProvisionResult;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one place an ADXCluster's status is decided: from the resource as it was and the outcome of
 * this reconcile. Times of the last success are carried over when this pass failed. Every list and
 * message is bounded ({@link StatusLimits}).
 */
final class StatusDecision {

    /** The status to write and the reason it carries (which also says how the reconcile is counted and retried). */
    record Decision(ADXClusterStatus status, ConditionReason reason) {

        /** Whether the condition is True. */
        boolean ready() {
            return reason == ConditionReason.COMPLETE;
        }

        Condition condition() {
            return status.conditions.get(0);
        }
    }

    private StatusDecision() {}

    /** @param failedCall the ClientRequestId of this pass's last failed Kusto call, if one failed */
    static Decision decide(ADXCluster cluster, Outcome outcome, Instant now, Optional<String> failedCall) {
        ADXClusterStatus before = cluster.getStatus() == null ? new ADXClusterStatus() : cluster.getStatus();
        ADXClusterStatus status = new ADXClusterStatus();
        ProvisionResult provisioned = outcome instanceof Outcome.Provisioned p ? p.result()
                : outcome instanceof Outcome.Provisioning p ? p.result() : null;
        Outcome pass = outcome instanceof Outcome.Provisioned p ? p.pass() : outcome;
        status.endpoint = endpoint(cluster, before, provisioned);
        status.lastFailureClientRequestId = failedCall.orElse(before.lastFailureClientRequestId);
        status.appliedProvisionState = provisioned != null ? provisioned.applied() : before.appliedProvisionState;
        status.heartbeat = before.heartbeat;
        status.federation = before.federation;
        Reasoned decided;
        if (pass instanceof Outcome.HeartbeatDone done) {
            status.heartbeat = heartbeat(done.report(), before.heartbeat);
            decided = heartbeatCondition(done.report());
        } else if (pass instanceof Outcome.FederationDone done) {
            decided = FederationCondition.of(done.report(), cluster.getMetadata().getName(), cluster.getSpec().provision != null);
            status.federation = federation(done.report(), before.federation, decided.reason().advancesSync(), now);
        } else if (pass instanceof Outcome.NoTargets) {
            decided = new Reasoned(ConditionReason.COMPLETE, (provisioned == null ? "Bring-your-own cluster at " : "Cluster at ")
                    + status.endpoint + "; no federated targets to heartbeat into.");
        } else if (pass instanceof Outcome.CriteriaError error) {
            decided = new Reasoned(ConditionReason.CRITERIA_EXPRESSION_ERROR, error.message());
        } else if (pass instanceof Outcome.InvalidSpec invalid) {
            decided = new Reasoned(ConditionReason.INVALID_SPEC, invalid.message());
        } else if (pass instanceof Outcome.Provisioning provisioning) {
            decided = ProvisionCondition.stopped(provisioning.result(), cluster.getSpec().clusterName);
        } else if (pass instanceof Outcome.PassFailed failed) {
            decided = new Reasoned(ConditionReason.RECONCILE_FAILED, failed.message());
        } else {
            throw new IllegalArgumentException("no status for " + outcome);
        }
        if (outcome instanceof Outcome.Provisioned) {
            decided = ProvisionCondition.beforePass(provisioned, cluster.getSpec().clusterName, decided);
        }
        String conditionStatus = decided.reason() == ConditionReason.PERMISSION_RESTRICTED && status.endpoint == null
                ? "False" : decided.reason().conditionStatus();
        Condition condition = new ConditionBuilder().withType(ADXClusterStatus.CONDITION_TYPE)
                .withStatus(conditionStatus)
                .withReason(decided.reason().text())
                .withMessage(StatusLimits.clip(decided.message(), StatusLimits.MESSAGE_CHARS))
                .withObservedGeneration(cluster.getMetadata().getGeneration()).build();
        condition.setLastTransitionTime(transitionTime(before, condition, now));
        status.conditions = new ArrayList<>(List.of(condition));
        return new Decision(status, decided.reason());
    }

    /** The cluster's URI once provisioning found it; spec.endpoint for a bring-your-own cluster; else what was known. */
    private static String endpoint(ADXCluster cluster, ADXClusterStatus before, ProvisionResult provisioned) {
        String found = provisioned instanceof ProvisionResult.Ready ready ? ready.endpoint()
                : provisioned instanceof ProvisionResult.Restricted restricted ? restricted.endpoint() : null;
        if (found != null) {
            return found;
        }
        return provisioned == null || cluster.getSpec().endpoint != null ? cluster.getSpec().endpoint : before.endpoint;
    }

    /** A reason with its message, before it becomes a condition. */
    record Reasoned(ConditionReason reason, String message) {}

    private static Reasoned heartbeatCondition(HeartbeatReport report) {
        if (report.failures().isEmpty() && report.schemaFailure().isEmpty()) {
            return new Reasoned(ConditionReason.COMPLETE, "Heartbeat with " + report.databases()
                    + " databases sent to " + report.reached().size() + " federated targets.");
        }
        if (report.schemaFailure().isEmpty() && report.failures().stream().allMatch(TargetFailure::hubNotSetUp)) {
            return new Reasoned(ConditionReason.HUB_NOT_SET_UP, "Heartbeat reached " + report.reached().size() + " of "
                    + (report.reached().size() + report.failures().size()) + " federated targets; not set up yet: "
                    + StatusLimits.summary(report.failures().stream().map(f -> f.endpoint() + ": " + f.message()).toList())
                    + ".");
        }
        List<String> problems = new ArrayList<>();
        report.schemaFailure().ifPresent(f -> problems.add(f + (report.schemaReadAt().isPresent()
                ? " (sent the schema read at " + report.schemaReadAt().get() + ")" : "")));
        report.failures().forEach(f -> problems.add(f.endpoint() + ": " + f.message()));
        return new Reasoned(ConditionReason.HEARTBEAT_FAILED, "Heartbeat reached " + report.reached().size()
                + " of " + (report.reached().size() + report.failures().size()) + " federated targets. "
                + StatusLimits.summary(problems) + ".");
    }

    private static HeartbeatStatus heartbeat(HeartbeatReport report, HeartbeatStatus before) {
        HeartbeatStatus status = new HeartbeatStatus();
        status.lastHeartbeatTime = report.sent() ? report.at().toString() : before == null ? null : before.lastHeartbeatTime;
        status.lastSchemaReadTime = report.schemaReadAt().map(Instant::toString).orElse(null);
        status.databases = report.databases();
        status.targetsReached = StatusLimits.first(report.reached());
        status.failures = StatusLimits.first(report.failures().stream()
                .map(f -> f.endpoint() + " " + f.stage() + ": " + f.message()).toList());
        return status;
    }

    private static FederationStatus federation(FederationReport report, FederationStatus before, boolean synced,
                                               Instant now) {
        FederationStatus status = new FederationStatus();
        status.partitions = report.partitions();
        status.malformedHeartbeats = report.malformed().size();
        List<String> keptSchema = report.malformed().stream().filter(MalformedHeartbeat::keptLastSchema)
                .map(m -> m.clusterEndpoint() + ": " + m.problem()).sorted().toList();
        status.lastUsableSchemaPartitions = keptSchema.isEmpty() ? null : StatusLimits.first(keptSchema);
        status.lastUsableSchemaPartitionCount = keptSchema.size();
        status.databases = StatusLimits.first(report.partitionsByDatabase().keySet());
        status.databaseCount = report.partitionsByDatabase().size();
        status.entityGroupsInSync = report.entityGroupsInSync();
        status.functionsInSync = report.functionsInSync();
        status.failures = Map.copyOf(report.failures());
        status.conflicts = StatusLimits.first(report.conflicts());
        status.conflictCount = report.conflicts().size();
        status.heldDepartures = StatusLimits.first(report.heldDepartures().endpoints());
        status.heldDepartureCount = report.heldDepartures().endpoints().size();
        status.missingHubDatabases = StatusLimits.first(report.hubDatabasesMissing());
        status.missingHubDatabaseCount = report.hubDatabasesMissing().size();
        status.excludedPartitions = excluded(report.excluded());
        status.lastSyncTime = now.toString();
        status.lastSuccessfulSyncTime = synced ? now.toString() : before == null ? null : before.lastSuccessfulSyncTime;
        return status;
    }

    private static Map<String, Integer> excluded(ExcludedPartitions excluded) {
        Map<String, Integer> byWhy = new TreeMap<>();
        byWhy.put("blocked", excluded.blocked());
        byWhy.put("notSelected", excluded.notSelected());
        byWhy.put("metadataMissing", excluded.metadataMissing());
        return byWhy;
    }

    /** Kubernetes convention: the transition time moves only when the condition's status changes. */
    private static String transitionTime(ADXClusterStatus before, Condition now, Instant at) {
        return before.conditions == null ? at.toString() : before.conditions.stream()
                .filter(c -> ADXClusterStatus.CONDITION_TYPE.equals(c.getType()) && now.getStatus().equals(c.getStatus())
                        && c.getLastTransitionTime() != null)
                .map(Condition::getLastTransitionTime).findFirst().orElse(at.toString());
    }

    static String joined(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
