package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.AppliedProvisionState;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeartbeatTimes;
import dev.adxfed.operator.federation.HeldDepartures;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.TargetFailure;
import dev.adxfed.operator.provision.ProvisionResult;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class StatusDecisionTest {

    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-25T10:10:00Z");

    static ADXCluster cluster(ADXClusterStatus status) {
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName("hub").withNamespace("adx-mon").withGeneration(3L).build());
        cluster.setSpec(new ADXClusterSpec());
        cluster.getSpec().endpoint = "https://hub.westeurope.kusto.windows.net";
        cluster.setStatus(status);
        return cluster;
    }

    static ADXClusterStatus decide(ADXCluster cluster, Outcome outcome, Instant now) {
        return StatusDecision.decide(cluster, outcome, now, Optional.empty()).status();
    }

    static FederationReport federation(Map<String, Integer> failures, List<String> messages) {
        return new FederationReport(true, 3, List.of(new MalformedHeartbeat("ftp://x", "not http(s)")),
                new TreeMap<>(Map.of("Logs", 2, "Metrics", 3)), 4, 7, Map.of("entityGroup.create", 2), failures,
                messages, 9, 2, 300, List.of(), List.of(), HeldDepartures.NONE, ExcludedPartitions.NONE, List.of(),
                HeartbeatTimes.none(Duration.ofHours(1)), false);
    }

    @Test
    void aCleanFederationPassIsCompleteWithWhatItDid() {
        ADXClusterStatus status = decide(cluster(null), new Outcome.FederationDone(federation(Map.of(),
                List.of())), T1);

        Condition condition = status.conditions.get(0);
        assertThat(condition.getType()).isEqualTo("adxcluster.adx-mon.azure.com");
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getReason()).isEqualTo("Complete");
        assertThat(condition.getMessage()).isEqualTo("3 partitions, 2 databases, 4 entity groups and 7 functions in sync.");
        assertThat(condition.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.endpoint).isEqualTo("https://hub.westeurope.kusto.windows.net");
        assertThat(status.federation.databases).containsExactly("Logs", "Metrics");
        assertThat(status.federation.malformedHeartbeats).isEqualTo(1);
        assertThat(status.federation.lastSuccessfulSyncTime).isEqualTo(T1.toString());
    }

    @Test
    void aFailedPassCountsFailuresByKindAndKeepsTheLastSuccessfulSync() {
        ADXClusterStatus before = decide(cluster(null),
                new Outcome.FederationDone(federation(Map.of(), List.of())), T1);
        List<String> messages = List.of("entityGroup.alter Metrics_Partitions in Metrics: Failed SEM0614 duplicate",
                "function.createOrAlter Cpu in Metrics: Failed boom", "function.createOrAlter Mem in Metrics: Failed boom",
                "function.createOrAlter Disk in Metrics: Failed boom");

        ADXClusterStatus after = decide(cluster(before), new Outcome.FederationDone(
                federation(Map.of("entityGroup.alter", 1, "function.createOrAlter", 3), messages)), T2);

        Condition condition = after.conditions.get(0);
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("FederationFailed");
        assertThat(condition.getMessage()).contains("Failures: ").contains("entityGroup.alter=1")
                .contains("function.createOrAlter=3").contains("SEM0614 duplicate").endsWith("; and 1 more.");
        assertThat(condition.getLastTransitionTime()).isEqualTo(T2.toString());
        assertThat(after.federation.failures).containsEntry("function.createOrAlter", 3);
        assertThat(after.federation.lastSuccessfulSyncTime).isEqualTo(T1.toString());
    }

    @Test
    void theTransitionTimeMovesOnlyWhenTheConditionStatusChanges() {
        ADXClusterStatus first = decide(cluster(null),
                new Outcome.FederationDone(federation(Map.of(), List.of())), T1);
        ADXClusterStatus second = decide(cluster(first),
                new Outcome.FederationDone(federation(Map.of(), List.of())), T2);

        assertThat(second.conditions.get(0).getLastTransitionTime()).isEqualTo(T1.toString());
    }

    @Test
    void aHeartbeatThatMissedATargetNamesItAndKeepsTheLastHeartbeatTime() {
        HeartbeatReport sent = new HeartbeatReport(T1, 2, Optional.of(T1), Optional.empty(), List.of("https://hub"),
                List.of(), 3);
        ADXClusterStatus before = decide(cluster(null), new Outcome.HeartbeatDone(sent), T1);
        HeartbeatReport missed = new HeartbeatReport(T2, 2, Optional.of(T1), Optional.of("schema.read failed: timed out"),
                List.of(), List.of(new TargetFailure("https://hub", "heartbeat.ingest", "heartbeat.ingest failed: 403")), 1);

        ADXClusterStatus after = decide(cluster(before), new Outcome.HeartbeatDone(missed), T2);

        assertThat(before.conditions.get(0).getReason()).isEqualTo("Complete");
        Condition condition = after.conditions.get(0);
        assertThat(condition.getReason()).isEqualTo("HeartbeatFailed");
        assertThat(condition.getMessage()).startsWith("Heartbeat reached 0 of 1 federated targets.")
                .contains("schema.read failed: timed out (sent the schema read at " + T1 + ")")
                .contains("https://hub: heartbeat.ingest failed: 403");
        assertThat(after.heartbeat.lastHeartbeatTime).isEqualTo(T1.toString());
        assertThat(after.heartbeat.failures).containsExactly("https://hub heartbeat.ingest: heartbeat.ingest failed: 403");
    }

    @Test
    void aPartitionWhoseHubsAreNotSetUpYetSaysSoAndIsRetriedSoon() {
        TargetFailure notSetUp = new TargetFailure("https://hub", "heartbeat.ingest", "the hub has no heartbeat table"
                + " FederationHeartbeats.Heartbeat yet (it is not set up): sync the hub first", true);
        HeartbeatReport early = new HeartbeatReport(T1, 2, Optional.of(T1), Optional.empty(), List.of(), List.of(notSetUp), 3);
        HeartbeatReport mixed = new HeartbeatReport(T1, 2, Optional.of(T1), Optional.empty(), List.of(),
                List.of(notSetUp, new TargetFailure("https://other", "heartbeat.ingest", "403")), 3);

        StatusDecision.Decision decided = StatusDecision.decide(cluster(null), new Outcome.HeartbeatDone(early), T1,
                Optional.empty());

        Condition condition = decided.status().conditions.get(0);
        assertThat(condition.getReason()).isEqualTo("HubNotSetUp");
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getMessage()).isEqualTo("Heartbeat reached 0 of 1 federated targets; not set up yet:"
                + " https://hub: the hub has no heartbeat table FederationHeartbeats.Heartbeat yet (it is not set up):"
                + " sync the hub first.");
        assertThat(decided.reason().retrySoon()).as("the hub's first pass makes the table").isTrue();
        assertThat(decide(cluster(null), new Outcome.HeartbeatDone(mixed), T1).conditions.get(0).getReason())
                .as("any other failure is a failure").isEqualTo("HeartbeatFailed");
    }

    static ADXCluster provisioned(ADXClusterStatus status) {
        ADXCluster cluster = cluster(status);
        cluster.getSpec().endpoint = null;
        cluster.getSpec().clusterName = "adxfed-hub";
        cluster.getSpec().provision = new ProvisionSpec();
        return cluster;
    }

    static AppliedProvisionState applied(String sku) {
        AppliedProvisionState state = new AppliedProvisionState();
        state.skuName = sku;
        state.tier = "Standard";
        return state;
    }

    @Test
    void provisioningSaysWhereItStandsWhileAzureIsAtWork() {
        ADXClusterStatus creating = decide(provisioned(null), new Outcome.Provisioning(new ProvisionResult.InProgress(true,
                "creating cluster adxfed-hub in Azure", applied("Standard_E8ads_v5"), List.of("create resource group rg"))), T1);
        assertThat(creating.conditions.get(0).getStatus()).isEqualTo("Unknown");
        assertThat(creating.conditions.get(0).getReason()).isEqualTo("Creating");
        assertThat(creating.conditions.get(0).getMessage()).contains("Creating cluster adxfed-hub in Azure")
                .contains("create resource group rg");
        assertThat(creating.endpoint).isNull();
        assertThat(creating.appliedProvisionState.skuName).isEqualTo("Standard_E8ads_v5");

        ADXClusterStatus waiting = decide(provisioned(creating), new Outcome.Provisioning(new ProvisionResult.InProgress(false,
                "waiting for Azure: cluster adxfed-hub is Creating", applied("Standard_E8ads_v5"), List.of())), T2);
        assertThat(waiting.conditions.get(0).getReason()).isEqualTo("Waiting");
        assertThat(waiting.conditions.get(0).getStatus()).isEqualTo("Unknown");
    }

    @Test
    void aReadyClusterTakesItsUriAsEndpointAndRecordsTheAppliedState() {
        ADXClusterStatus status = decide(provisioned(null), new Outcome.Provisioned(new ProvisionResult.Ready(
                "https://adxfed-hub.westeurope.kusto.windows.net", applied("Standard_E16ads_v5"), List.of()),
                new Outcome.NoTargets()), T1);

        assertThat(status.endpoint).isEqualTo("https://adxfed-hub.westeurope.kusto.windows.net");
        assertThat(status.appliedProvisionState.skuName).isEqualTo("Standard_E16ads_v5");
        assertThat(status.conditions.get(0).getStatus()).isEqualTo("True");
        assertThat(status.conditions.get(0).getReason()).isEqualTo("Complete");
        assertThat(status.conditions.get(0).getMessage()).startsWith("Cluster adxfed-hub is Running in Azure at"
                + " https://adxfed-hub.westeurope.kusto.windows.net");
    }

    @Test
    void a403IsPermissionRestrictedAndTheConditionIsTrueOnlyWithAnEndpointToGoOnWith() {
        ADXCluster known = provisioned(null);
        known.getSpec().endpoint = "https://hub.westeurope.kusto.windows.net";
        ADXClusterStatus goingOn = decide(known, new Outcome.Provisioned(new ProvisionResult.Restricted(
                "https://hub.westeurope.kusto.windows.net", "Azure Resource Manager refused (AuthorizationFailed: no"
                + " Microsoft.Kusto/clusters/read (HTTP 403))", null, List.of()), new Outcome.NoTargets()), T1);
        assertThat(goingOn.conditions.get(0).getReason()).isEqualTo("PermissionRestricted");
        assertThat(goingOn.conditions.get(0).getStatus()).isEqualTo("True");
        assertThat(goingOn.conditions.get(0).getMessage()).contains("AuthorizationFailed").contains("federation goes on");

        ADXClusterStatus unknown = decide(provisioned(null), new Outcome.Provisioning(new ProvisionResult.Restricted(null,
                "Azure Resource Manager refused (AuthorizationFailed: no right (HTTP 403))", null, List.of())), T1);
        assertThat(unknown.conditions.get(0).getReason()).isEqualTo("PermissionRestricted");
        assertThat(unknown.conditions.get(0).getStatus()).isEqualTo("False");
        assertThat(unknown.conditions.get(0).getMessage()).contains("set spec.endpoint");
    }

    @Test
    void anArmErrorIsShownWithItsCodeAndMessage() {
        ADXClusterStatus status = decide(provisioned(null), new Outcome.Provisioning(new ProvisionResult.Failed(
                "Azure Resource Manager: Conflict: cluster is being deleted (HTTP 409)", null, List.of())), T1);
        assertThat(status.conditions.get(0).getReason()).isEqualTo("ProvisioningFailed");
        assertThat(status.conditions.get(0).getStatus()).isEqualTo("False");
        assertThat(status.conditions.get(0).getMessage()).contains("Conflict: cluster is being deleted");
    }
}
