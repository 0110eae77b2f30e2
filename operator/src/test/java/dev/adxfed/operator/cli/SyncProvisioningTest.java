package dev.adxfed.operator.cli;

import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmEndpoint;
import dev.adxfed.operator.arm.ClusterId;
import dev.adxfed.operator.arm.KustoCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adxfed sync} on a Federated ADXCluster with spec.provision and no endpoint, against nothing but the
 * emulator and its local Azure Resource Manager: issue 16's "done when".
 */
class SyncProvisioningTest {

    @TempDir
    Path dir;
    private static EmulatedFederation clusters;
    private static String arm;

    @BeforeAll
    static void start() throws IOException {
        clusters = new EmulatedFederation();
        clusters.emulator.arm().provisioningDelay(Duration.ofMillis(300));
        arm = clusters.emulator.armEndpoint().toString();
    }

    @AfterEach
    void disarm() {
        clusters.emulator.arm().faults().clear();
    }

    @AfterAll
    static void stop() {
        clusters.close();
    }

    Path provisionedHub() throws IOException {
        return Files.writeString(dir.resolve("hub.yaml"), """
                apiVersion: adx-mon.azure.com/v1
                kind: ADXCluster
                metadata:
                  name: hub
                spec:
                  clusterName: synchub
                  role: Federated
                  databases:
                    - databaseName: Metrics
                      telemetryType: Metrics
                  provision:
                    subscriptionId: 00000000-0000-0000-0000-000000000001
                    resourceGroup: adxfed
                    location: westus
                    skuName: Standard_E2ads_v5
                    tier: Standard
                  federation:
                    heartbeatDatabase: FederationHeartbeats
                    heartbeatTable: Heartbeat
                """);
    }

    @Test
    void aProvisionedHubIsMadeThenFederatesAndANewPartitionDatabaseIsMadeThroughArm() throws IOException {
        Path hub = provisionedHub();
        Run first = Run.adxfed("sync", "-f", hub.toString(), "--arm-endpoint", arm);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("  azure   create cluster synchub in westus: sku Standard_E2ads_v5")
                .contains("  azure   create cluster synchub: done")
                .containsPattern("(?m)^provision +hub +ready at http://127\\.0\\.0\\.1:\\d+; 6 step\\(s\\) done")
                .contains("federation  hub");
        ArmClient client = ArmClient.create(ArmEndpoint.parse(arm), null);
        ClusterId id = new ClusterId("00000000-0000-0000-0000-000000000001", "adxfed", "synchub");
        KustoCluster cluster = client.cluster(id).orElseThrow();
        assertThat(cluster.state()).isEqualTo("Running");
        assertThat(cluster.sku().name()).isEqualTo("Standard_E2ads_v5");
        String uri = cluster.uri();
        Run databases = Run.adxfed("query", "--endpoint", uri, "--database", "Metrics", ".show databases | project DatabaseName");
        assertThat(databases.out()).as(databases.toString()).contains("Metrics").contains("FederationHeartbeats");
        Run refused = Run.adxfed("query", "--endpoint", uri, "--database", "Metrics",
                ".create database Logs persist (@'/kustodata/dbs/Logs/md', @'/kustodata/dbs/Logs/data')");
        assertThat(refused.exitCode()).as("a regular ADX cluster makes databases through ARM only").isNotZero();

        Run heartbeats = Run.adxfed("sync", "-f", clusters.partitionsFile(dir, uri).toString());
        assertThat(heartbeats.exitCode()).as(heartbeats.toString()).isZero();
        Run federation = Run.adxfed("sync", "-f", hub.toString(), "--arm-endpoint", arm);
        assertThat(federation.exitCode()).as(federation.toString()).isZero();
        assertThat(federation.out()).contains("partitions per database: Logs 2, Metrics 2");
        assertThat(client.databases(id)).as("Logs made on the hub through ARM").contains("Logs");
        Run group = Run.adxfed("query", "--endpoint", uri, "--database", "Logs", ".show entity_group Logs_Partitions");
        assertThat(group.out()).as(group.toString()).contains("Logs_Partitions").contains("(1 row)");

        clusters.emulator.arm().faults().inject(Fault.delay(Duration.ofMillis(1)).matching("^(PUT|PATCH|POST|DELETE) "));
        Run again = Run.adxfed("sync", "-f", hub.toString(), "--arm-endpoint", arm);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing to do in Azure").contains("sent 0 command(s)");
        assertThat(clusters.emulator.arm().faults().hits()).as("a further sync changes nothing in Azure").isZero();
    }

    @Test
    void theAdxMonProvisionedExampleIsMadeThroughTheLocalArm() {
        Run run = Run.adxfed("sync", "-f", RepositoryRoot.path("deploy/examples/adx-mon-provisioned.yaml").toString(),
                "--arm-endpoint", arm);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^heartbeat +provisioned +no federatedTargets: nothing to send");
        KustoCluster cluster = ArmClient.create(ArmEndpoint.parse(arm), null)
                .cluster(new ClusterId("00000000-0000-0000-0000-000000000000", "adx-mon", "adxmonprovisioned")).orElseThrow();
        assertThat(cluster.state()).isEqualTo("Running");
        assertThat(cluster.sku().name()).isEqualTo("Standard_L8as_v3");
        assertThat(cluster.properties().optimizedAutoscale()).isEqualTo(new KustoCluster.OptimizedAutoscale(1, true, 2, 6));
        Run databases = Run.adxfed("query", "--endpoint", cluster.uri(), "--database", "Metrics", ".show databases | project DatabaseName");
        assertThat(databases.out()).as(databases.toString()).contains("Metrics");
    }

    @Test
    void planShowsWhatASyncWouldMakeInAzureAndMakesNothing() throws IOException {
        Path hub = Files.writeString(dir.resolve("planned.yaml"), Files.readString(provisionedHub())
                .replace("synchub", "planhub").replace("-000000000001", "-000000000002"));
        Run plan = Run.adxfed("plan", "-f", hub.toString(), "--arm-endpoint", arm);

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("// hub in Azure (" + arm + "): a sync would")
                .contains("//   register the Microsoft.Kusto resource provider in subscription 00000000-0000-0000-0000-000000000002")
                .contains("//   create cluster planhub in westus: sku Standard_E2ads_v5, tier Standard")
                .contains("//   create database Metrics (kind ReadWrite, retention P30D)")
                .contains("// hub: no running cluster yet; nothing more to plan until it exists");
        ArmClient client = ArmClient.create(ArmEndpoint.parse(arm), null);
        assertThat(client.cluster(new ClusterId("00000000-0000-0000-0000-000000000002", "adxfed", "planhub"))).isEmpty();
    }

    @Test
    void missingProvisionFieldsAreAllNamedAndNothingIsSent() throws IOException {
        Path hub = Files.writeString(dir.resolve("hub.yaml"), Files.readString(provisionedHub())
                .replace("    location: westus\n", "").replace("    tier: Standard\n", ""));

        Run run = Run.adxfed("sync", "-f", hub.toString(), "--arm-endpoint", arm);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ADXCluster hub: spec.provision cannot be acted on: missing spec.provision.location,"
                + " spec.provision.tier");
    }

    @Test
    void plainHttpOffTheLoopbackIsRefusedForArm() throws IOException {
        Run run = Run.adxfed("sync", "-f", provisionedHub().toString(), "--arm-endpoint", "http://management.example.com");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--arm-endpoint").contains("plain http is only for a local endpoint");
    }
}
