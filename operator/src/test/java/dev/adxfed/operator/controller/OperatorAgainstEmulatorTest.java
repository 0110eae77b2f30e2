package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.adxfed.operator.controller.OperatorOnMockApi.cluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.entityGroups;
import static dev.adxfed.operator.controller.OperatorOnMockApi.functions;
import static dev.adxfed.operator.controller.OperatorOnMockApi.get;
import static dev.adxfed.operator.controller.OperatorOnMockApi.hub;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionCluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator as deployed, minus Kubernetes itself: JOSDK against fabric8's CRUD mock API server,
 * Kusto through the official SDK against emulator clusters (two sample partitions and an empty hub).
 */
@EnableKubernetesMockClient(crud = true)
class OperatorAgainstEmulatorTest {

    static Emulator emulator;
    static VirtualCluster partition;
    static VirtualCluster unselectedPartition;
    static VirtualCluster thirdPartition;
    static VirtualCluster hub;
    static VirtualCluster quietHub;
    static VirtualCluster faultyHub;
    static KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)));

    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);
    OperatorRuntime runtime;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(partitionsAndHubs(3, "hub", "quiet-hub", "faulty-hub"));
        partition = emulator.clusters().get(0);
        unselectedPartition = emulator.clusters().get(1);
        thirdPartition = emulator.clusters().get(2);
        hub = emulator.clusters().get(3);
        quietHub = emulator.clusters().get(4);
        faultyHub = emulator.clusters().get(5);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    void startOperator() throws Exception {
        runtime = operator.startWithoutLeaderElection(kusto, Duration.ofMillis(500), OperatorRuntime.FIRST_RETRY,
                Map.of("region", "westeurope", "environment", "test"));
    }

    @Test
    void partitionHeartbeatsAndTheHubFederatesWithStatusAndMetrics() throws Exception {
        startOperator();
        operator.create(partitionCluster("partition-1", partition.url(), null, hub));
        operator.create(partitionCluster("elsewhere", unselectedPartition.url(), "region == 'eastus'", hub));
        operator.create(hub("hub", hub.url()));

        Kusto hubKusto = kusto.connect(hub.url(), null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Metrics"))
                    .containsEntry("Metrics_Partitions", "[\"cluster('" + partition.url() + "').database('Metrics')\"]");
            assertThat(functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
            assertThat(operator.condition("hub").getStatus()).isEqualTo("True");
            // The status is written after the pass whose groups we just saw: wait for it too.
            assertThat(operator.status("hub").federation.partitions).isEqualTo(1);
        });

        ADXClusterStatus hubStatus = operator.status("hub");
        assertThat(operator.condition("hub").getReason()).isEqualTo("Complete");
        assertThat(operator.condition("hub").getMessage()).startsWith("1 partitions, 2 databases");
        assertThat(hubStatus.endpoint).isEqualTo(hub.url());
        assertThat(hubStatus.federation.partitions).isEqualTo(1);
        assertThat(hubStatus.federation.databases).containsExactly("Logs", "Metrics");
        assertThat(hubStatus.federation.functionsInSync).isPositive();
        assertThat(hubStatus.federation.lastSuccessfulSyncTime).isNotNull();
        assertThat(hubStatus.federation.failures).isEmpty();

        ADXClusterStatus partitionStatus = operator.status("partition-1");
        assertThat(operator.condition("partition-1").getReason()).isEqualTo("Complete");
        assertThat(partitionStatus.heartbeat.targetsReached).containsExactly(hub.url());
        assertThat(partitionStatus.heartbeat.lastHeartbeatTime).isNotNull();

        ADXClusterStatus skipped = operator.status("elsewhere");
        assertThat(skipped == null ? List.of() : skipped.conditions).as("criteriaExpression false: skipped quietly")
                .isEmpty();
        assertThat(entityGroups(hubKusto, "Metrics").get("Metrics_Partitions")).doesNotContain(unselectedPartition.url());

        String metrics = get(runtime.metricsPort(), "/metrics").body();
        assertThat(metrics)
                .contains("adxfed_reconciles_total{hub=\"" + hub.url() + "\",result=\"complete\",role=\"Federated\"}")
                .contains("adxfed_reconciles_total{hub=\"\",result=\"skipped\",role=\"Partition\"}")
                .contains("adxfed_resource_ready{name=\"hub\",resource_namespace=\"test\",role=\"Federated\"} 1.0")
                .contains("jvm_memory_used_bytes{").contains("jvm_gc_max_data_size_bytes").contains("jvm_threads_live_threads")
                .contains("process_cpu_usage").contains("process_uptime_seconds")
                .contains("adxfed_heartbeats_sent_total{result=\"success\",target=\"" + hub.url() + "\"}")
                .contains("adxfed_partitions_live{database=\"Metrics\",hub=\"" + hub.url() + "\"} 1.0")
                .contains("adxfed_heartbeat_rows_read_total{hub=\"" + hub.url() + "\"}")
                .contains("adxfed_script_commands_total{kind=\"entityGroup.create\",result=\"completed\"}")
                .contains("adxfed_database_commands_total{database=\"Metrics\",hub=\"" + hub.url()
                        + "\",kind=\"entityGroup.create\",result=\"completed\"}")
                .contains("adxfed_database_commands_total{database=\"Logs\",hub=\"" + hub.url()
                        + "\",kind=\"function.createOrAlter\",result=\"completed\"}")
                .contains("adxfed_kusto_call_duration_seconds_count{result=\"success\",stage=\"heartbeat.read\"}")
                .contains("operator_sdk_reconciliations_started_total");
        assertThat(get(runtime.healthPort(), "/livez").statusCode()).isEqualTo(200);
        assertThat(get(runtime.healthPort(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(runtime.healthPort(), "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void badCriteriaUnreachableEndpointsAndProvisioningShowInTheStatus() throws Exception {
        startOperator();
        operator.create(partitionCluster("typo", partition.url(), "regoin == 'westeurope'", hub));
        operator.create(partitionCluster("down", "http://127.0.0.1:1", null, hub));
        ADXCluster provisioned = cluster("provisioned", null, null);
        provisioned.getSpec().provision = new dev.adxfed.operator.api.ProvisionSpec();
        operator.create(provisioned);
        ADXCluster confused = partitionCluster("confused", partition.url(), null, hub);
        confused.getSpec().role = ClusterRole.Federated;
        confused.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        confused.getSpec().federation.heartbeatTable = "Heartbeat";
        operator.create(confused);

        // A created resource may carry an empty status already: wait for the operator's condition.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(operator.status("typo").conditions).isNotEmpty();
            assertThat(operator.status("down").conditions).isNotEmpty();
            assertThat(operator.status("provisioned").conditions).isNotEmpty();
            assertThat(operator.status("confused").conditions).isNotEmpty();
        });

        assertThat(operator.condition("typo").getStatus()).isEqualTo("False");
        assertThat(operator.condition("typo").getReason()).isEqualTo("CriteriaExpressionError");
        assertThat(operator.condition("typo").getMessage()).contains("regoin").contains("cloud, environment, region");
        assertThat(operator.condition("down").getStatus()).isEqualTo("False");
        assertThat(operator.condition("down").getReason()).isEqualTo("HeartbeatFailed");
        assertThat(operator.condition("down").getMessage()).contains("schema.showDatabases failed on http://127.0.0.1:1");
        assertThat(operator.condition("provisioned").getReason()).isEqualTo("InvalidSpec");
        assertThat(operator.condition("provisioned").getMessage()).contains("missing spec.provision.subscriptionId,"
                + " spec.provision.resourceGroup, spec.provision.location, spec.provision.skuName, spec.provision.tier");
        assertThat(operator.condition("confused").getReason()).as("refused in the words adxfed sync uses")
                .isEqualTo("InvalidSpec");
        assertThat(operator.condition("confused").getMessage()).isEqualTo("spec.federation.federatedTargets: is a Partition's"
                + " setting, but spec.role is Federated: a hub does not heartbeat; remove federatedTargets, or make this"
                + " a Partition; spec.federation.partitioning: is a Partition's setting, but spec.role is Federated:"
                + " remove partitioning, or make this a Partition");
        assertThat(get(runtime.healthPort(), "/livez").statusCode()).as("still alive").isEqualTo(200);
        assertThat(operator.status("down").lastFailureClientRequestId).as("the failed call, to find on the cluster")
                .startsWith("adxfed;schema.showDatabases;");
    }

    @Test
    void threePartitionsFederateThenADeletedOneLeavesAfterTheTtlAndTheUnchangedHubSendsNoDdl() throws Exception {
        startOperator();
        operator.create(partitionCluster("west", partition.url(), null, quietHub));
        operator.create(partitionCluster("east", unselectedPartition.url(), null, quietHub));
        operator.create(partitionCluster("south", thirdPartition.url(), null, quietHub));
        ADXCluster federated = hub("quiet-hub", quietHub.url());
        federated.getSpec().federation.heartbeatTTL = "3s";
        operator.create(federated);

        Kusto hubKusto = kusto.connect(quietHub.url(), null);
        String west = "cluster('" + partition.url() + "').database('Logs')";
        String east = "cluster('" + unselectedPartition.url() + "').database('Logs')";
        String south = "cluster('" + thirdPartition.url() + "').database('Logs')";
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (String database : List.of("Logs", "Metrics", "FederationHeartbeats")) {
                assertThat(entityGroups(hubKusto, database).get("Logs_Partitions")).contains(west, east, south);
                assertThat(entityGroups(hubKusto, database).get("Metrics_Partitions"))
                        .contains(thirdPartition.url(), partition.url(), unselectedPartition.url());
            }
            assertThat(functionBodies(hubKusto, "Metrics")).anyMatch(body -> body.contains(thirdPartition.url()));
        });
        long cpuRows = 0;
        for (VirtualCluster p : List.of(partition, unselectedPartition, thirdPartition)) {
            cpuRows += count(kusto.connect(p.url(), null), "Metrics", "Cpu | count");
        }
        assertThat(cpuRows).isPositive();
        assertThat(count(hubKusto, "Metrics", "Cpu | count")).as("the federated function").isEqualTo(cpuRows);
        assertThat(count(hubKusto, "Metrics", "macro-expand Metrics_Partitions as X ( X.Cpu | count ) | summarize Count = sum(Count)"))
                .as("macro-expand over the named group").isEqualTo(cpuRows);

        operator.delete("east");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (String database : List.of("Logs", "Metrics", "FederationHeartbeats")) {
                assertThat(entityGroups(hubKusto, database).get("Logs_Partitions")).contains(west, south).doesNotContain(east);
            }
            for (String database : List.of("Logs", "Metrics")) {
                assertThat(functionBodies(hubKusto, database)).isNotEmpty().noneMatch(body -> body.contains(unselectedPartition.url()));
            }
        });

        // Two more successful federation passes (every 500 ms) over an unchanged topology: not one more script.
        long scripts = scriptsSent(hubKusto);
        for (int pass = 0; pass < 2; pass++) {
            Instant before = Instant.parse(operator.status("quiet-hub").federation.lastSuccessfulSyncTime);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    Instant.parse(operator.status("quiet-hub").federation.lastSuccessfulSyncTime).isAfter(before));
        }
        assertThat(scriptsSent(hubKusto)).as("database scripts sent once the topology stopped changing").isEqualTo(scripts);
    }

    @Test
    void aRefusedEntityGroupScriptLeavesFunctionsInSyncAndShowsInTheStatus() throws Exception {
        faultyHub.faults().inject(Fault.kustoError("BadRequest_Forbidden", "entity groups are refused by the test")
                .matching("\\.create entity_group"));
        startOperator();
        operator.create(partitionCluster("north", partition.url(), null, faultyHub));
        operator.create(hub("faulty-hub", faultyHub.url()));

        Kusto hubKusto = kusto.connect(faultyHub.url(), null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
            assertThat(operator.condition("faulty-hub").getReason()).isEqualTo("FederationFailed");
        });
        assertThat(entityGroups(hubKusto, "Metrics")).isEmpty();
        assertThat(operator.condition("faulty-hub").getStatus()).isEqualTo("False");
        assertThat(operator.status("faulty-hub").federation.failures).containsKey("entityGroup.create");
        assertThat(operator.status("faulty-hub").federation.functionsInSync).isPositive();
    }

    static List<String> functionBodies(Kusto cluster, String database) {
        return cluster.mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").stream().map(r -> r.string("Body")).toList();
    }

    static long count(Kusto cluster, String database, String query) {
        List<Long> counts = new ArrayList<>();
        cluster.query(Stage.HEARTBEAT_READ, database, query, row -> counts.add(Long.parseLong(row.string("Count"))));
        assertThat(counts).as(query).hasSize(1);
        return counts.get(0);
    }

    static long scriptsSent(Kusto cluster) {
        return cluster.mgmt(Stage.FUNCTIONS_SHOW, "FederationHeartbeats",
                ".show commands-and-queries | where Text startswith '.execute database script' | count")
                .get(0).string("Count").transform(Long::parseLong);
    }
}
