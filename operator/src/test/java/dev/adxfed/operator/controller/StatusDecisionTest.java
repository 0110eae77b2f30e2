package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeartbeatTimes;
import dev.adxfed.operator.federation.HeldDepartures;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.TargetFailure;
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
        return StatusDecision.decide(cluster, outcome, now).status();
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
    void provisioningIsReportedAsNotSupportedWithoutFailingABringYourOwnCluster() {
        ADXCluster byo = cluster(null);
        byo.getSpec().provision = new ProvisionSpec();
        ADXClusterStatus status = decide(byo, new Outcome.NoTargets(), T1);

        assertThat(status.conditions.get(0).getStatus()).isEqualTo("True");
        assertThat(status.conditions.get(0).getMessage()).contains("spec.provision is not supported yet");

        byo.getSpec().endpoint = null;
        ADXClusterStatus none = decide(byo, new Outcome.ProvisioningNotSupported(), T1);
        assertThat(none.conditions.get(0).getStatus()).isEqualTo("False");
        assertThat(none.conditions.get(0).getReason()).isEqualTo("ProvisioningNotSupported");
    }
}
