package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.adxfed.operator.controller.OperatorOnMockApi.hub;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionCluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static dev.adxfed.operator.controller.OperatorOnMockApi.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-hub, per-target and per-resource series go with their resource: a hub re-pointed to another cluster
 * and a partition re-pointed to another target leave no series of the old ones; a deselected partition and a
 * deleted hub leave none of theirs. Scraped from the operator on the CRUD mock with emulator clusters.
 */
@EnableKubernetesMockClient(crud = true)
class SeriesFollowResourcesTest {

    KubernetesClient client;

    @Test
    void seriesOfADeletedDeselectedOrRePointedResourceLeaveTheScrape() throws Exception {
        try (Emulator emulator = Emulator.start(partitionsAndHubs(1, "old-hub", "new-hub"));
             OperatorOnMockApi operator = new OperatorOnMockApi(client)) {
            OperatorRuntime runtime = operator.startWithoutLeaderElection(
                    new KustoClients(StageTimeouts.all(Duration.ofSeconds(5))), Duration.ofMillis(500),
                    Duration.ofMillis(200), Map.of("region", "westeurope"));
            VirtualCluster partition = emulator.clusters().get(0);
            String oldHub = emulator.cluster("old-hub").orElseThrow().url();
            String newHub = emulator.cluster("new-hub").orElseThrow().url();
            operator.create(partitionCluster("partition", partition.url(), null, emulator.cluster("old-hub").orElseThrow()));
            operator.create(hub("hub", oldHub));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .contains("adxfed_partitions_live{database=\"Metrics\",hub=\"" + oldHub + "\"} 1.0")
                    .contains("adxfed_heartbeats_sent_total{result=\"success\",target=\"" + oldHub + "\"}")
                    .contains("adxfed_resource_ready{name=\"hub\",resource_namespace=\"test\",role=\"Federated\"} 1.0")
                    .contains("adxfed_resource_ready{name=\"partition\",resource_namespace=\"test\",role=\"Partition\"} 1.0"));

            operator.edit("partition", c -> c.getSpec().federation.federatedTargets.get(0).endpoint = newHub);
            operator.edit("hub", c -> c.getSpec().endpoint = newHub);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .contains("adxfed_partitions_live{database=\"Metrics\",hub=\"" + newHub + "\"} 1.0")
                    .doesNotContain("\"" + oldHub + "\""));

            operator.edit("partition", c -> c.getSpec().criteriaExpression = "region == 'eastus'");
            operator.delete("hub");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .doesNotContain("\"" + newHub + "\"")
                    .doesNotContain("adxfed_resource_ready{"));
            assertThat(scrape(runtime)).as("the operator's own series stay")
                    .contains("adxfed_reconciles_total{hub=\"\",result=\"skipped\",role=\"Partition\"}");
        }
    }
}
