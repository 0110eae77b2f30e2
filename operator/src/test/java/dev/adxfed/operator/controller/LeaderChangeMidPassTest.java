package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.provision.ArmSettings;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leader stops in the middle of a hub's pass (its entity-group script held by the hub) and the other
 * replica takes over: the Lease is handed over on shutdown rather than left to expire, and the new leader
 * converges the hub, with the partition in its groups and functions and the status written.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderChangeMidPassTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void theOtherReplicaTakesTheReleasedLeaseAndConvergesTheHub() throws Exception {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().withResourceRules(new ResourceRuleBuilder()
                        .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("create", "update", "get")
                        .build()).withIncomplete(false).endStatus().build()).always();
        EmulatorConfig sample = EmulatorConfig.sample(1);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));
        try (Emulator emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null))) {
            VirtualCluster hub = emulator.cluster("hub").orElseThrow();
            hub.faults().inject(Fault.delay(Duration.ofSeconds(10)).matching("^\\.execute database script").times(1));
            create(OperatorAgainstEmulatorTest.partitionCluster("partition", emulator.clusters().get(0).url(), null, hub));
            create(federated(hub.url()));

            List<OperatorRuntime> running = new ArrayList<>();
            OperatorRuntime first = start(kusto);
            running.add(first);
            try {
                // The partition's passes finish while the hub's waits on its script: the first leads.
                await().atMost(Duration.ofSeconds(60)).until(() -> LeaderElectionTest.reconciles(first) > 0);
                OperatorRuntime second = start(kusto);
                running.add(second);
                await().atMost(Duration.ofSeconds(60)).until(() -> hub.faults().hits() == 1);
                String firstHolder = lease().getSpec().getHolderIdentity();
                assertThat(firstHolder).isNotBlank();

                running.remove(first);
                first.close();
                Instant handedOver = Instant.now();
                String holder = lease().getSpec().getHolderIdentity();
                assertThat(holder).as("the stopped leader no longer holds the Lease").isNotEqualTo(firstHolder);

                Kusto hubKusto = kusto.connect(hub.url(), null);
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(LeaderElectionTest.reconciles(second)).isPositive();
                    ADXClusterStatus status = client.resources(ADXCluster.class).inNamespace("test").withName("hub").get()
                            .getStatus();
                    assertThat(status.conditions.get(0).getReason()).isEqualTo("Complete");
                    assertThat(Instant.parse(status.federation.lastSuccessfulSyncTime)).isAfter(handedOver);
                    assertThat(status.federation.partitions).isEqualTo(1);
                });
                assertThat(OperatorAgainstEmulatorTest.entityGroups(hubKusto, "Metrics")).containsEntry("Metrics_Partitions",
                        "[\"cluster('" + emulator.clusters().get(0).url() + "').database('Metrics')\"]");
                assertThat(OperatorAgainstEmulatorTest.functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
            } finally {
                running.forEach(OperatorRuntime::close);
            }
        }
    }

    private OperatorRuntime start(KustoClients kusto) throws Exception {
        // A long Lease and a short termination timeout: the next leader cannot be waiting out the Lease, and the
        // stopping leader abandons its held pass.
        RuntimeLimits limits = new RuntimeLimits(2, Duration.ofSeconds(120), Duration.ofSeconds(60),
                Duration.ofMillis(300), Duration.ofSeconds(1));
        OperatorSettings settings = new OperatorSettings(null, List.of("test"), Duration.ofMillis(500),
                Duration.ofMillis(500), Map.of(), "adxfed-test", "test", 0, 0, ArmSettings.DEFAULT, limits);
        return OperatorRuntime.start(settings, OperatorAgainstEmulatorTest.wiring(client, kusto, Duration.ofMillis(200),
                ProgressWatchdog.Thresholds.defaults()));
    }

    private Lease lease() {
        return client.leases().inNamespace("test").withName("adxfed-test").get();
    }

    private static ADXCluster federated(String endpoint) {
        ADXCluster hub = OperatorAgainstEmulatorTest.cluster("hub", endpoint, null);
        hub.getSpec().role = ClusterRole.Federated;
        hub.getSpec().federation = new FederationSpec();
        hub.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        hub.getSpec().federation.heartbeatTable = "Heartbeat";
        return hub;
    }

    private void create(ADXCluster cluster) {
        client.resources(ADXCluster.class).inNamespace("test").resource(cluster).create();
    }
}
