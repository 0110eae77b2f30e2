package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.DatabaseSpec;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.api.TelemetryType;
import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmEndpoint;
import dev.adxfed.operator.arm.ClusterId;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.provision.ArmSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import static dev.adxfed.operator.controller.OperatorOnMockApi.hub;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator provisioning through the emulator's local Azure Resource Manager: JOSDK on the CRUD mock
 * API server, ARM through the operator's ARM client, Kusto through the official SDK.
 */
@EnableKubernetesMockClient(crud = true)
class ProvisioningAgainstOperatorTest {

    static Emulator emulator;
    static VirtualCluster partition;
    static VirtualCluster byoHub;
    static ArmClient arm;
    static ArmSettings armSettings;
    static KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)));

    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(partitionsAndHubs(1, "byohub").withArm(new EmulatorConfig.ArmConfig(0, 300L)));
        partition = emulator.clusters().get(0);
        byoHub = emulator.cluster("byohub").orElseThrow();
        ArmEndpoint endpoint = ArmEndpoint.parse(emulator.armEndpoint().toString());
        armSettings = new ArmSettings(endpoint, null, Duration.ofMillis(100), Duration.ofSeconds(30));
        arm = ArmClient.create(endpoint, null, Duration.ofMillis(100));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void clearArmFaults() {
        emulator.arm().faults().clear();
    }

    void startOperator() throws Exception {
        operator.startWithoutLeaderElection(kusto, Duration.ofMillis(500), Duration.ofMillis(200), Map.of(), armSettings);
    }

    static ADXCluster provisionedHub(String name, String clusterName, String subscription) {
        ADXCluster hub = hub(name, null);
        hub.getSpec().clusterName = clusterName;
        DatabaseSpec metrics = new DatabaseSpec();
        metrics.databaseName = "Metrics";
        metrics.telemetryType = TelemetryType.Metrics;
        hub.getSpec().databases = List.of(metrics);
        hub.getSpec().provision = new ProvisionSpec();
        hub.getSpec().provision.subscriptionId = subscription;
        hub.getSpec().provision.resourceGroup = "adxfed";
        hub.getSpec().provision.location = "westus";
        hub.getSpec().provision.skuName = "Standard_E2ads_v5";
        hub.getSpec().provision.tier = "Standard";
        return hub;
    }

    static ADXCluster partitionInto(String name, String... hubs) {
        ADXCluster cluster = cluster(name, partition.url(), null);
        List<FederatedTarget> targets = new ArrayList<>();
        for (String hub : hubs) {
            FederatedTarget target = new FederatedTarget();
            target.endpoint = hub;
            target.heartbeatDatabase = "FederationHeartbeats";
            target.heartbeatTable = "Heartbeat";
            targets.add(target);
        }
        cluster.getSpec().federation = new FederationSpec();
        cluster.getSpec().federation.federatedTargets = targets;
        return cluster;
    }

    @Test
    void aProvisionedHubGoesFromNothingToReadyGetsItsPartitionsDatabasesThroughArmAndASkuChangeIsOneUpdate() throws Exception {
        emulator.arm().faults().inject(Fault.throttle().retryAfter(Duration.ofSeconds(1))
                .matching("^GET .+/clusters/opshub1$").times(1));
        startOperator();
        operator.create(provisionedHub("hub", "opshub1", "sub-operator-1"));

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            assertThat(operator.status("hub").endpoint).isNotNull();
            assertThat(operator.condition("hub").getReason()).isEqualTo("NoLivePartitions");
        });
        assertThat(emulator.arm().faults().hits()).as("ARM throttled a read once; it was retried").isEqualTo(1);
        String endpoint = operator.status("hub").endpoint;
        assertThat(endpoint).isEqualTo(emulator.cluster("opshub1").orElseThrow().url());
        assertThat(operator.status("hub").appliedProvisionState.skuName).isEqualTo("Standard_E2ads_v5");
        ClusterId id = new ClusterId("sub-operator-1", "adxfed", "opshub1");
        assertThat(arm.cluster(id).orElseThrow().state()).isEqualTo("Running");
        assertThat(arm.databases(id)).containsExactlyInAnyOrder("Metrics", "FederationHeartbeats");

        // The sample partition has Logs too, which the hub lacks and refuses to make with .create database.
        operator.create(partitionInto("partition", endpoint));
        Kusto hubKusto = kusto.connect(endpoint, null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Logs")).containsKey("Logs_Partitions");
            assertThat(entityGroups(hubKusto, "Metrics")).containsKey("Metrics_Partitions");
            assertThat(operator.condition("hub").getReason()).isEqualTo("Complete");
        });
        assertThat(arm.databases(id)).as("made through ARM").contains("Logs");
        assertThat(operator.condition("hub").getStatus()).isEqualTo("True");
        assertThat(operator.condition("hub").getMessage()).startsWith("Cluster opshub1 is Running in Azure at " + endpoint);

        emulator.arm().faults().clear();
        emulator.arm().faults().inject(Fault.delay(Duration.ofMillis(1)).matching("^(PUT|PATCH) .+/clusters/opshub1$"));
        operator.edit("hub", hub -> hub.getSpec().provision.skuName = "Standard_E4ads_v5");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(operator.status("hub").appliedProvisionState.skuName).isEqualTo("Standard_E4ads_v5"));
        assertThat(arm.cluster(id).orElseThrow().sku().name()).isEqualTo("Standard_E4ads_v5");
        Instant updatedBy = Instant.parse(operator.status("hub").federation.lastSyncTime);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(Instant.parse(operator.status("hub").federation.lastSyncTime)).isAfter(updatedBy));
        assertThat(emulator.arm().faults().hits()).as("one update, and none in the passes after it").isEqualTo(1);
    }

    @Test
    void aForbiddenClusterIsPermissionRestrictedAndFederationGoesOnWithWhatExists() throws Exception {
        Kusto hubKusto = kusto.connect(byoHub.url(), null);
        for (String database : List.of("FederationHeartbeats", "Metrics", "Logs")) {
            hubKusto.mgmt(Stage.DATABASE_CREATE, null, ".create database " + database + " persist (@'/a/" + database
                    + "', @'/b/" + database + "') ifnotexists");
        }
        emulator.arm().faults().inject(Fault.kustoError(403, "AuthorizationFailed", "The client 'adxfed' does not have"
                + " authorization to perform action 'Microsoft.Kusto/clusters/read'").matching("^GET .+/clusters/byohub$"));
        startOperator();
        ADXCluster hub = provisionedHub("restricted", "byohub", "sub-operator-2");
        hub.getSpec().endpoint = byoHub.url();
        operator.create(hub);
        operator.create(partitionInto("partition", byoHub.url()));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Logs")).containsKey("Logs_Partitions");
            assertThat(operator.condition("restricted").getReason()).isEqualTo("PermissionRestricted");
            assertThat(operator.status("restricted").federation.partitions).isEqualTo(1);
        });
        Condition condition = operator.condition("restricted");
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getMessage()).contains("AuthorizationFailed").contains("federation goes on");
        assertThat(operator.status("restricted").endpoint).isEqualTo(byoHub.url());
        emulator.arm().faults().clear();
        assertThat(arm.cluster(new ClusterId("sub-operator-2", "adxfed", "byohub")).isPresent())
                .as("nothing made in Azure").isFalse();
    }
}
