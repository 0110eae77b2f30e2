package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.adxfed.operator.controller.OperatorOnMockApi.entityGroups;
import static dev.adxfed.operator.controller.OperatorOnMockApi.functions;
import static dev.adxfed.operator.controller.OperatorOnMockApi.hub;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionCluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static dev.adxfed.operator.controller.OperatorOnMockApi.reconciles;
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
        OperatorOnMockApi.letReplicasUseLeases(server);
        KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));
        try (Emulator emulator = Emulator.start(partitionsAndHubs(1, "hub"));
             OperatorOnMockApi operator = new OperatorOnMockApi(client)) {
            VirtualCluster hub = emulator.cluster("hub").orElseThrow();
            hub.faults().inject(Fault.delay(Duration.ofSeconds(10)).matching("^\\.execute database script").times(1));
            operator.create(partitionCluster("partition", emulator.clusters().get(0).url(), null, hub));
            operator.create(hub("hub", hub.url()));

            OperatorRuntime first = start(operator, kusto);
            // The partition's passes finish while the hub's waits on its script: the first leads.
            await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(first) > 0);
            OperatorRuntime second = start(operator, kusto);
            await().atMost(Duration.ofSeconds(60)).until(() -> hub.faults().hits() == 1);
            String firstHolder = lease().getSpec().getHolderIdentity();
            assertThat(firstHolder).isNotBlank();

            operator.stop(first);
            Instant handedOver = Instant.now();
            String holder = lease().getSpec().getHolderIdentity();
            assertThat(holder).as("the stopped leader no longer holds the Lease").isNotEqualTo(firstHolder);

            Kusto hubKusto = kusto.connect(hub.url(), null);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                assertThat(reconciles(second)).isPositive();
                ADXClusterStatus status = operator.status("hub");
                assertThat(status.conditions.get(0).getReason()).isEqualTo("Complete");
                assertThat(Instant.parse(status.federation.lastSuccessfulSyncTime)).isAfter(handedOver);
                assertThat(status.federation.partitions).isEqualTo(1);
            });
            assertThat(entityGroups(hubKusto, "Metrics")).containsEntry("Metrics_Partitions",
                    "[\"cluster('" + emulator.clusters().get(0).url() + "').database('Metrics')\"]");
            assertThat(functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
        }
    }

    private static OperatorRuntime start(OperatorOnMockApi operator, KustoClients kusto) throws Exception {
        // A long Lease and a short termination timeout: the next leader cannot be waiting out the Lease, and the
        // stopping leader abandons its held pass.
        RuntimeLimits limits = new RuntimeLimits(2, Duration.ofSeconds(120), Duration.ofSeconds(60),
                Duration.ofMillis(300), Duration.ofSeconds(1));
        return operator.start(OperatorOnMockApi.leadingEvery(Duration.ofMillis(500), limits), kusto,
                Duration.ofMillis(200), ProgressWatchdog.Thresholds.defaults());
    }

    private Lease lease() {
        return client.leases().inNamespace(OperatorOnMockApi.NAMESPACE).withName(OperatorOnMockApi.LEASE).get();
    }
}
