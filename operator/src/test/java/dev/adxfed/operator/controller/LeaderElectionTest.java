package dev.adxfed.operator.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.adxfed.operator.controller.OperatorOnMockApi.NO_KUSTO;
import static dev.adxfed.operator.controller.OperatorOnMockApi.cluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.leadingEvery;
import static dev.adxfed.operator.controller.OperatorOnMockApi.reconciles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two replicas on one Lease: only the holder reconciles; when it stops, the other takes over. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    KubernetesMockServer server;
    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);

    @Test
    void onlyTheLeaseHolderReconciles() throws Exception {
        OperatorOnMockApi.letReplicasUseLeases(server);
        operator.create(cluster("byo", "https://byo.westeurope.kusto.windows.net", null));

        OperatorRuntime first = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(first) > 0);
        OperatorRuntime second = start();
        Thread.sleep(2000);

        assertThat(reconciles(first)).isGreaterThan(1);
        assertThat(reconciles(second)).as("the replica without the Lease").isZero();

        operator.stop(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(second) > 0);
    }

    private OperatorRuntime start() throws Exception {
        RuntimeLimits limits = RuntimeLimits.defaults()
                .withLeaseTimings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300));
        return operator.start(leadingEvery(Duration.ofMillis(300), limits), NO_KUSTO, OperatorRuntime.FIRST_RETRY,
                ProgressWatchdog.Thresholds.defaults());
    }
}
