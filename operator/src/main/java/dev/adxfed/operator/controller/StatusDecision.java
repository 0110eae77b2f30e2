package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.FederationStatus;
import dev.adxfed.operator.api.HeartbeatStatus;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place an ADXCluster's status is decided: from the resource as it was and the outcome of
 * this reconcile. Times of the last success are carried over when this pass failed.
 */
final class StatusDecision {

    /** Condition messages list at most this many failures; the counts cover all of them. */
    static final int FAILURES_SHOWN = 3;

    private StatusDecision() {}

    static ADXClusterStatus decide(ADXCluster cluster, Outcome outcome, Instant now) {
        ADXClusterStatus before = cluster.getStatus() == null ? new ADXClusterStatus() : cluster.getStatus();
        ADXClusterStatus status = new ADXClusterStatus();
        status.endpoint = cluster.getSpec().endpoint;
        status.appliedProvisionState = before.appliedProvisionState;
        status.heartbeat = before.heartbeat;
        status.federation = before.federation;
        String provisionNote = cluster.getSpec().provision != null && cluster.getSpec().endpoint != null
                ? " spec.provision is not supported yet: the cluster is used as bring-your-own." : "";
        Condition condition;
        if (outcome instanceof Outcome.HeartbeatDone done) {
            status.heartbeat = heartbeat(done.report(), before.heartbeat);
            condition = heartbeatCondition(done.report(), provisionNote);
        } else if (outcome instanceof Outcome.FederationDone done) {
            status.federation = federation(done.report(), before.federation, now);
            condition = federationCondition(done.report(), provisionNote);
        } else if (outcome instanceof Outcome.NoTargets) {
            condition = condition(true, ConditionReason.COMPLETE, "Bring-your-own cluster at " + status.endpoint
                    + "; no federated targets to heartbeat into." + provisionNote);
        } else if (outcome instanceof Outcome.CriteriaError error) {
            condition = condition(false, ConditionReason.CRITERIA_EXPRESSION_ERROR, error.message());
        } else if (outcome instanceof Outcome.InvalidSpec invalid) {
            condition = condition(false, ConditionReason.INVALID_SPEC, invalid.message());
        } else if (outcome instanceof Outcome.ProvisioningNotSupported) {
            condition = condition(false, ConditionReason.PROVISIONING_NOT_SUPPORTED, "spec.provision is not supported"
                    + " yet and spec.endpoint is empty: give the endpoint of an existing cluster.");
        } else if (outcome instanceof Outcome.PassFailed failed) {
            condition = condition(false, ConditionReason.RECONCILE_FAILED, failed.message());
        } else {
            throw new IllegalArgumentException("no status for " + outcome);
        }
        condition.setObservedGeneration(cluster.getMetadata().getGeneration());
        condition.setLastTransitionTime(transitionTime(before, condition, now));
        status.conditions = new ArrayList<>(List.of(condition));
        return status;
    }

    private static Condition heartbeatCondition(HeartbeatReport report, String note) {
        if (report.failures().isEmpty() && report.schemaFailure().isEmpty()) {
            return condition(true, ConditionReason.COMPLETE, "Heartbeat with " + report.databases()
                    + " databases sent to " + report.reached().size() + " federated targets." + note);
        }
        List<String> problems = new ArrayList<>();
        report.schemaFailure().ifPresent(f -> problems.add(f + (report.schemaReadAt().isPresent()
                ? " (sent the schema read at " + report.schemaReadAt().get() + ")" : "")));
        report.failures().forEach(f -> problems.add(f.endpoint() + ": " + f.message()));
        return condition(false, ConditionReason.HEARTBEAT_FAILED, "Heartbeat reached " + report.reached().size()
                + " of " + (report.reached().size() + report.failures().size()) + " federated targets. "
                + summary(problems) + note);
    }

    private static Condition federationCondition(FederationReport report, String note) {
        String counts = report.partitions() + " partitions, " + report.partitionsByDatabase().size() + " databases, "
                + report.entityGroupsInSync() + " entity groups and " + report.functionsInSync() + " functions in sync.";
        if (report.succeeded()) {
            return condition(true, ConditionReason.COMPLETE, counts + note);
        }
        String failures = report.failures().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return condition(false, ConditionReason.FEDERATION_FAILED, counts + " Failures: " + failures + ". "
                + summary(report.failureMessages()) + note);
    }

    private static String summary(List<String> problems) {
        String shown = problems.stream().limit(FAILURES_SHOWN).collect(Collectors.joining("; "));
        int more = problems.size() - FAILURES_SHOWN;
        return shown + (more > 0 ? "; and " + more + " more." : "");
    }

    private static HeartbeatStatus heartbeat(HeartbeatReport report, HeartbeatStatus before) {
        HeartbeatStatus status = new HeartbeatStatus();
        status.lastHeartbeatTime = report.sent() ? report.at().toString() : before == null ? null : before.lastHeartbeatTime;
        status.lastSchemaReadTime = report.schemaReadAt().map(Instant::toString).orElse(null);
        status.databases = report.databases();
        status.targetsReached = report.reached();
        status.failures = report.failures().stream().map(f -> f.endpoint() + " " + f.stage() + ": " + f.message()).toList();
        return status;
    }

    private static FederationStatus federation(FederationReport report, FederationStatus before, Instant now) {
        FederationStatus status = new FederationStatus();
        status.partitions = report.partitions();
        status.malformedHeartbeats = report.malformed().size();
        status.databases = List.copyOf(report.partitionsByDatabase().keySet());
        status.entityGroupsInSync = report.entityGroupsInSync();
        status.functionsInSync = report.functionsInSync();
        status.failures = Map.copyOf(report.failures());
        status.lastSuccessfulSyncTime = report.succeeded() ? now.toString()
                : before == null ? null : before.lastSuccessfulSyncTime;
        return status;
    }

    private static Condition condition(boolean ok, ConditionReason reason, String message) {
        return new ConditionBuilder().withType(ADXClusterStatus.CONDITION_TYPE).withStatus(ok ? "True" : "False")
                .withReason(reason.text()).withMessage(message).build();
    }

    /** Kubernetes convention: the transition time moves only when the condition's status changes. */
    private static String transitionTime(ADXClusterStatus before, Condition now, Instant at) {
        return before.conditions == null ? at.toString() : before.conditions.stream()
                .filter(c -> ADXClusterStatus.CONDITION_TYPE.equals(c.getType()) && now.getStatus().equals(c.getStatus())
                        && c.getLastTransitionTime() != null)
                .map(Condition::getLastTransitionTime).findFirst().orElse(at.toString());
    }
}
