package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        EmulatorConfig sample = EmulatorConfig.sample(1);
        List<EmulatorConfig.ClusterConfig> clusters = new java.util.ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("old-hub", 0, List.of()));
        clusters.add(new EmulatorConfig.ClusterConfig("new-hub", 0, List.of()));
        try (Emulator emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null));
             OperatorRuntime runtime = OperatorAgainstEmulatorTest.startWithoutLeaderElection(client,
                     new KustoClients(StageTimeouts.all(Duration.ofSeconds(5))), Duration.ofMillis(500),
                     Duration.ofMillis(200), Map.of("region", "westeurope"))) {
            VirtualCluster partition = emulator.clusters().get(0);
            String oldHub = emulator.cluster("old-hub").orElseThrow().url();
            String newHub = emulator.cluster("new-hub").orElseThrow().url();
            create(OperatorAgainstEmulatorTest.partitionCluster("partition", partition.url(), null,
                    emulator.cluster("old-hub").orElseThrow()));
            create(hub(oldHub));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .contains("adxfed_partitions_live{database=\"Metrics\",hub=\"" + oldHub + "\"} 1.0")
                    .contains("adxfed_heartbeats_sent_total{result=\"success\",target=\"" + oldHub + "\"}")
                    .contains("adxfed_resource_ready{name=\"hub\",resource_namespace=\"test\",role=\"Federated\"} 1.0")
                    .contains("adxfed_resource_ready{name=\"partition\",resource_namespace=\"test\",role=\"Partition\"} 1.0"));

            edit("partition", c -> c.getSpec().federation.federatedTargets.get(0).endpoint = newHub);
            edit("hub", c -> c.getSpec().endpoint = newHub);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .contains("adxfed_partitions_live{database=\"Metrics\",hub=\"" + newHub + "\"} 1.0")
                    .doesNotContain("\"" + oldHub + "\""));

            edit("partition", c -> c.getSpec().criteriaExpression = "region == 'eastus'");
            client.resources(ADXCluster.class).inNamespace("test").withName("hub").delete();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime))
                    .doesNotContain("\"" + newHub + "\"")
                    .doesNotContain("adxfed_resource_ready{"));
            assertThat(scrape(runtime)).as("the operator's own series stay")
                    .contains("adxfed_reconciles_total{hub=\"\",result=\"skipped\",role=\"Partition\"}");
        }
    }

    private static ADXCluster hub(String endpoint) {
        ADXCluster hub = OperatorAgainstEmulatorTest.cluster("hub", endpoint, null);
        hub.getSpec().role = ClusterRole.Federated;
        hub.getSpec().federation = new FederationSpec();
        hub.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        hub.getSpec().federation.heartbeatTable = "Heartbeat";
        return hub;
    }

    /** The operator patches the status meanwhile: an edit of what was read before that patch is refused (409) and made again. */
    private void edit(String name, java.util.function.Consumer<ADXCluster> change) {
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
                .until(() -> client.resources(ADXCluster.class).inNamespace("test").withName(name).edit(c -> {
                    change.accept(c);
                    return c;
                }) != null);
    }

    private void create(ADXCluster cluster) {
        client.resources(ADXCluster.class).inNamespace("test").resource(cluster).create();
    }

    private static String scrape(OperatorRuntime runtime) throws Exception {
        return OperatorAgainstEmulatorTest.get(runtime.metricsPort(), "/metrics").body();
    }
}
