package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.provision.ArmSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator as deployed, minus Kubernetes itself: JOSDK against fabric8's CRUD mock API server,
 * Kusto through the official SDK against emulator clusters (two sample partitions and an empty hub).
 */
@EnableKubernetesMockClient(crud = true)
class OperatorAgainstEmulatorTest {

    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static Emulator emulator;
    static VirtualCluster partition;
    static VirtualCluster unselectedPartition;
    static VirtualCluster thirdPartition;
    static VirtualCluster hub;
    static VirtualCluster quietHub;
    static VirtualCluster faultyHub;
    static KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)));

    KubernetesClient client;
    OperatorRuntime runtime;

    @BeforeAll
    static void startEmulator() throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        EmulatorConfig sample = EmulatorConfig.sample(3);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        clusters.add(new EmulatorConfig.ClusterConfig("quiet-hub", 0, List.of()));
        clusters.add(new EmulatorConfig.ClusterConfig("faulty-hub", 0, List.of()));
        emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null));
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

    @AfterEach
    void stopOperator() {
        if (runtime != null) {
            runtime.close();
        }
    }

    void startOperator() throws Exception {
        startOperator(kusto);
    }

    void startOperator(KustoConnector kusto) throws Exception {
        startOperator(kusto, Duration.ofMillis(500), OperatorRuntime.FIRST_RETRY);
    }

    void startOperator(KustoConnector kusto, Duration federationInterval, Duration firstRetry) throws Exception {
        runtime = startWithoutLeaderElection(client, kusto, federationInterval, firstRetry,
                Map.of("region", "westeurope", "environment", "test"));
    }

    /** The operator on the mock API server, heartbeating every 500 ms, with these cluster labels and no lease. */
    static OperatorRuntime startWithoutLeaderElection(KubernetesClient client, KustoConnector kusto, Duration federationInterval,
                                                      Duration firstRetry, Map<String, String> clusterLabels) throws Exception {
        return startWithoutLeaderElection(client, kusto, federationInterval, firstRetry, clusterLabels, ArmSettings.DEFAULT);
    }

    /** The same, provisioning through {@code arm} (the emulator's local Azure Resource Manager). */
    static OperatorRuntime startWithoutLeaderElection(KubernetesClient client, KustoConnector kusto, Duration federationInterval,
                                                      Duration firstRetry, Map<String, String> clusterLabels,
                                                      ArmSettings arm) throws Exception {
        OperatorSettings settings = new OperatorSettings(null, List.of(), Duration.ofMillis(500), federationInterval,
                clusterLabels, null, null, 0, 0, arm, RuntimeLimits.defaults());
        return OperatorRuntime.start(settings, wiring(client, kusto, firstRetry, ProgressWatchdog.Thresholds.defaults()));
    }

    /** The mock API server's client (kept open), JSON merge patches, the system clock. */
    static OperatorRuntime.Wiring wiring(KubernetesClient client, KustoConnector kusto, Duration firstRetry,
                                         ProgressWatchdog.Thresholds liveness) {
        return new OperatorRuntime.Wiring(client, false, report -> kusto, false,
                () -> { throw new AssertionError("leadership lost while running"); }, Clock.systemUTC(), firstRetry,
                liveness);
    }

    @Test
    void partitionHeartbeatsAndTheHubFederatesWithStatusAndMetrics() throws Exception {
        startOperator();
        create(partitionCluster("partition-1", partition.url(), null));
        create(partitionCluster("elsewhere", unselectedPartition.url(), "region == 'eastus'"));
        ADXCluster federated = cluster("hub", hub.url(), null);
        federated.getSpec().role = ClusterRole.Federated;
        federated.getSpec().federation = new FederationSpec();
        federated.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        federated.getSpec().federation.heartbeatTable = "Heartbeat";
        create(federated);

        Kusto hubKusto = kusto.connect(hub.url(), null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Metrics"))
                    .containsEntry("Metrics_Partitions", "[\"cluster('" + partition.url() + "').database('Metrics')\"]");
            assertThat(functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
            assertThat(condition("hub").getStatus()).isEqualTo("True");
            // The status is written after the pass whose groups we just saw: wait for it too.
            assertThat(status("hub").federation.partitions).isEqualTo(1);
        });

        ADXClusterStatus hubStatus = status("hub");
        assertThat(condition("hub").getReason()).isEqualTo("Complete");
        assertThat(condition("hub").getMessage()).startsWith("1 partitions, 2 databases");
        assertThat(hubStatus.endpoint).isEqualTo(hub.url());
        assertThat(hubStatus.federation.partitions).isEqualTo(1);
        assertThat(hubStatus.federation.databases).containsExactly("Logs", "Metrics");
        assertThat(hubStatus.federation.functionsInSync).isPositive();
        assertThat(hubStatus.federation.lastSuccessfulSyncTime).isNotNull();
        assertThat(hubStatus.federation.failures).isEmpty();

        ADXClusterStatus partitionStatus = status("partition-1");
        assertThat(condition("partition-1").getReason()).isEqualTo("Complete");
        assertThat(partitionStatus.heartbeat.targetsReached).containsExactly(hub.url());
        assertThat(partitionStatus.heartbeat.lastHeartbeatTime).isNotNull();

        ADXClusterStatus skipped = status("elsewhere");
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
        create(partitionCluster("typo", partition.url(), "regoin == 'westeurope'"));
        create(partitionCluster("down", "http://127.0.0.1:1", null));
        ADXCluster provisioned = cluster("provisioned", null, null);
        provisioned.getSpec().provision = new dev.adxfed.operator.api.ProvisionSpec();
        create(provisioned);
        ADXCluster confused = partitionCluster("confused", partition.url(), null);
        confused.getSpec().role = ClusterRole.Federated;
        confused.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        confused.getSpec().federation.heartbeatTable = "Heartbeat";
        create(confused);

        // A created resource may carry an empty status already: wait for the operator's condition.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(status("typo").conditions).isNotEmpty();
            assertThat(status("down").conditions).isNotEmpty();
            assertThat(status("provisioned").conditions).isNotEmpty();
            assertThat(status("confused").conditions).isNotEmpty();
        });

        assertThat(condition("typo").getStatus()).isEqualTo("False");
        assertThat(condition("typo").getReason()).isEqualTo("CriteriaExpressionError");
        assertThat(condition("typo").getMessage()).contains("regoin").contains("cloud, environment, region");
        assertThat(condition("down").getStatus()).isEqualTo("False");
        assertThat(condition("down").getReason()).isEqualTo("HeartbeatFailed");
        assertThat(condition("down").getMessage()).contains("schema.showDatabases failed on http://127.0.0.1:1");
        assertThat(condition("provisioned").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition("provisioned").getMessage()).contains("missing spec.provision.subscriptionId,"
                + " spec.provision.resourceGroup, spec.provision.location, spec.provision.skuName, spec.provision.tier");
        assertThat(condition("confused").getReason()).as("refused in the words adxfed sync uses").isEqualTo("InvalidSpec");
        assertThat(condition("confused").getMessage()).isEqualTo("spec.federation.federatedTargets: is a Partition's"
                + " setting, but spec.role is Federated: a hub does not heartbeat; remove federatedTargets, or make this"
                + " a Partition; spec.federation.partitioning: is a Partition's setting, but spec.role is Federated:"
                + " remove partitioning, or make this a Partition");
        assertThat(get(runtime.healthPort(), "/livez").statusCode()).as("still alive").isEqualTo(200);
        assertThat(status("down").lastFailureClientRequestId).as("the failed call, to find on the cluster")
                .startsWith("adxfed;schema.showDatabases;");
    }

    @Test
    void threePartitionsFederateThenADeletedOneLeavesAfterTheTtlAndTheUnchangedHubSendsNoDdl() throws Exception {
        startOperator();
        create(partitionCluster("west", partition.url(), null, quietHub));
        create(partitionCluster("east", unselectedPartition.url(), null, quietHub));
        create(partitionCluster("south", thirdPartition.url(), null, quietHub));
        ADXCluster federated = cluster("quiet-hub", quietHub.url(), null);
        federated.getSpec().role = ClusterRole.Federated;
        federated.getSpec().federation = new FederationSpec();
        federated.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        federated.getSpec().federation.heartbeatTable = "Heartbeat";
        federated.getSpec().federation.heartbeatTTL = "3s";
        create(federated);

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

        client.resources(ADXCluster.class).inNamespace("test").withName("east").delete();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (String database : List.of("Logs", "Metrics", "FederationHeartbeats")) {
                assertThat(entityGroups(hubKusto, database).get("Logs_Partitions")).contains(west, south).doesNotContain(east);
            }
            for (String database : List.of("Logs", "Metrics")) {
                assertThat(functionBodies(hubKusto, database)).isNotEmpty().noneMatch(body -> body.contains(unselectedPartition.url()));
            }
        });

        // Several federation passes (every 500 ms) over an unchanged topology: not one more script.
        long scripts = scriptsSent(hubKusto);
        Thread.sleep(2_500);
        assertThat(status("quiet-hub").federation.lastSuccessfulSyncTime).isNotNull();
        assertThat(scriptsSent(hubKusto)).as("database scripts sent once the topology stopped changing").isEqualTo(scripts);
    }

    @Test
    void aRefusedEntityGroupScriptLeavesFunctionsInSyncAndShowsInTheStatus() throws Exception {
        faultyHub.faults().inject(Fault.kustoError("BadRequest_Forbidden", "entity groups are refused by the test")
                .matching("\\.create entity_group"));
        startOperator();
        create(partitionCluster("north", partition.url(), null, faultyHub));
        ADXCluster federated = cluster("faulty-hub", faultyHub.url(), null);
        federated.getSpec().role = ClusterRole.Federated;
        federated.getSpec().federation = new FederationSpec();
        federated.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        federated.getSpec().federation.heartbeatTable = "Heartbeat";
        create(federated);

        Kusto hubKusto = kusto.connect(faultyHub.url(), null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(functions(hubKusto, "Metrics")).contains("Cpu", "Memory");
            assertThat(condition("faulty-hub").getReason()).isEqualTo("FederationFailed");
        });
        assertThat(entityGroups(hubKusto, "Metrics")).isEmpty();
        assertThat(condition("faulty-hub").getStatus()).isEqualTo("False");
        assertThat(status("faulty-hub").federation.failures).containsKey("entityGroup.create");
        assertThat(status("faulty-hub").federation.functionsInSync).isPositive();
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

    static ADXCluster cluster(String name, String endpoint, String criteria) {
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("test").build());
        cluster.setSpec(new ADXClusterSpec());
        cluster.getSpec().clusterName = name;
        cluster.getSpec().endpoint = endpoint;
        cluster.getSpec().criteriaExpression = criteria;
        return cluster;
    }

    static ADXCluster partitionCluster(String name, String endpoint, String criteria) {
        return partitionCluster(name, endpoint, criteria, hub);
    }

    static ADXCluster partitionCluster(String name, String endpoint, String criteria, VirtualCluster target) {
        ADXCluster cluster = cluster(name, endpoint, criteria);
        FederatedTarget heartbeatTarget = new FederatedTarget();
        heartbeatTarget.endpoint = target.url();
        heartbeatTarget.heartbeatDatabase = "FederationHeartbeats";
        heartbeatTarget.heartbeatTable = "Heartbeat";
        cluster.getSpec().federation = new FederationSpec();
        cluster.getSpec().federation.federatedTargets = List.of(heartbeatTarget);
        cluster.getSpec().federation.partitioning = Map.of("region", name);
        return cluster;
    }

    void create(ADXCluster cluster) {
        client.resources(ADXCluster.class).inNamespace("test").resource(cluster).create();
    }

    ADXClusterStatus status(String name) {
        return client.resources(ADXCluster.class).inNamespace("test").withName(name).get().getStatus();
    }

    Condition condition(String name) {
        ADXClusterStatus status = status(name);
        assertThat(status).as("status of " + name).isNotNull();
        assertThat(status.conditions).extracting(Condition::getType).containsExactly(ADXClusterStatus.CONDITION_TYPE);
        return status.conditions.get(0);
    }

    static Map<String, String> entityGroups(Kusto cluster, String database) {
        Map<String, String> groups = new TreeMap<>();
        for (KustoRow row : cluster.mgmt(Stage.ENTITY_GROUPS_SHOW, database, ".show entity_groups")) {
            groups.put(row.string("Name"), row.string("Entities"));
        }
        return groups;
    }

    static List<String> functions(Kusto cluster, String database) {
        return cluster.mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").stream().map(r -> r.string("Name")).toList();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
