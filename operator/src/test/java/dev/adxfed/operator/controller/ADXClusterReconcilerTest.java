package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reconciler run by JOSDK against fabric8's CRUD mock API server, with emulator clusters behind it. */
@EnableKubernetesMockClient(crud = true)
class ADXClusterReconcilerTest {

    static KubernetesClient client;
    static Emulator emulator;
    static VirtualCluster partition;
    static VirtualCluster hub;
    static Operator operator;
    static SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        EmulatorConfig sample = EmulatorConfig.sample(1);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null));
        partition = emulator.clusters().get(0);
        hub = emulator.clusters().get(1);

        KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));
        ADXClusterReconciler reconciler = new ADXClusterReconciler(new HeartbeatSender(kusto, Clock.systemUTC()),
                new FederationPass(kusto), new CriteriaExpression(ClusterLabels.parse("westeurope", "test", "public", "")),
                new ADXClusterReconciler.Intervals(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new OperatorMetrics(registry), Clock.systemUTC());
        operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                .withUseSSAToPatchPrimaryResource(false));
        operator.register(reconciler);
        operator.start();
    }

    @AfterAll
    static void stop() {
        operator.stop();
        emulator.close();
    }

    static ADXCluster cluster(String name, ADXClusterSpec spec) {
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("test").build());
        spec.clusterName = name;
        cluster.setSpec(spec);
        return client.resource(cluster).create();
    }

    static Condition condition(String name) {
        ADXCluster current = client.resources(ADXCluster.class).inNamespace("test").withName(name).get();
        if (current == null || current.getStatus() == null || current.getStatus().conditions == null) {
            return null;
        }
        return current.getStatus().conditions.stream()
                .filter(c -> ADXClusterStatus.CONDITION_TYPE.equals(c.getType())).findFirst().orElse(null);
    }

    static ADXClusterStatus status(String name) {
        return client.resources(ADXCluster.class).inNamespace("test").withName(name).get().getStatus();
    }

    @Test
    void aPartitionHeartbeatsIntoAHubThatFederatesIt() {
        ADXClusterSpec hubSpec = new ADXClusterSpec();
        hubSpec.endpoint = hub.url();
        hubSpec.role = ClusterRole.Federated;
        hubSpec.federation = new FederationSpec();
        hubSpec.federation.heartbeatDatabase = "FederationHeartbeats";
        hubSpec.federation.heartbeatTable = "Heartbeat";
        hubSpec.criteriaExpression = "region == 'westeurope'";
        cluster("hub", hubSpec);

        ADXClusterSpec partitionSpec = new ADXClusterSpec();
        partitionSpec.endpoint = partition.url();
        partitionSpec.federation = new FederationSpec();
        partitionSpec.federation.partitioning = Map.of("region", partition.name());
        FederatedTarget target = new FederatedTarget();
        target.endpoint = hub.url();
        target.heartbeatDatabase = "FederationHeartbeats";
        target.heartbeatTable = "Heartbeat";
        target.managedIdentityClientId = "";
        partitionSpec.federation.federatedTargets = List.of(target);
        cluster("partition-1", partitionSpec);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ADXClusterStatus status = status("hub");
            assertThat(status.federation).isNotNull();
            assertThat(status.federation.partitions).isEqualTo(1);
            assertThat(status.federation.databases).containsExactly("Logs", "Metrics");
            assertThat(status.federation.entityGroupsInSync).isEqualTo(6);
            assertThat(status.federation.failures).isEmpty();
            assertThat(status.federation.lastSuccessfulSyncTime).isNotNull();
        });
        ADXClusterStatus partitionStatus = status("partition-1");
        assertThat(partitionStatus.endpoint).isEqualTo(partition.url());
        assertThat(partitionStatus.heartbeat.targetsReached).containsExactly(hub.url());
        assertThat(partitionStatus.heartbeat.databases).isEqualTo(2);
        Condition hubCondition = condition("hub");
        assertThat(hubCondition.getStatus()).isEqualTo("True");
        assertThat(hubCondition.getReason()).isEqualTo("ProvisioningSkipped");
        assertThat(hubCondition.getMessage()).isEqualTo("Using existing endpoint " + hub.url());
        assertThat(registry.find("adxfed.heartbeats").tag("result", "sent").counter()).isNotNull();
        assertThat(registry.find("adxfed.partitions").tag("database", "Metrics").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aFalseCriteriaExpressionSkipsQuietlyAndABrokenOneIsShown() {
        ADXClusterSpec elsewhere = new ADXClusterSpec();
        elsewhere.endpoint = partition.url();
        elsewhere.criteriaExpression = "region in ['eastus', 'westus']";
        cluster("elsewhere", elsewhere);
        ADXClusterSpec broken = new ADXClusterSpec();
        broken.endpoint = partition.url();
        broken.criteriaExpression = "regoin == 'westeurope'";
        cluster("broken", broken);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(condition("elsewhere")).isNotNull();
            assertThat(condition("broken")).isNotNull();
        });
        assertThat(condition("elsewhere").getReason()).isEqualTo("CriteriaExpressionFalse");
        assertThat(condition("elsewhere").getStatus()).isEqualTo("False");
        assertThat(status("elsewhere").heartbeat).isNull();
        assertThat(condition("broken").getReason()).isEqualTo("CriteriaExpressionError");
        assertThat(condition("broken").getMessage()).contains("regoin");
    }

    @Test
    void provisioningIsReportedAsNotSupportedWithoutFailingTheRest() {
        ADXClusterSpec provisioned = new ADXClusterSpec();
        provisioned.provision = new ProvisionSpec();
        provisioned.provision.location = "eastus2";
        cluster("provisioned", provisioned);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(condition("provisioned")).isNotNull());
        assertThat(condition("provisioned").getReason()).isEqualTo("ProvisioningDisabled");
        assertThat(condition("provisioned").getMessage()).contains("spec.provision) is not supported by adxfed yet");
    }
}
