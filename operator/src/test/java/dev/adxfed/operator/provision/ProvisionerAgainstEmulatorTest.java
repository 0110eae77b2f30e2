package dev.adxfed.operator.provision;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.AppliedProvisionState;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.DatabaseSpec;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.api.TelemetryType;
import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmEndpoint;
import dev.adxfed.operator.arm.ClusterId;
import dev.adxfed.operator.arm.KustoCluster;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ARM client and the provisioner against the emulator's local Azure Resource Manager. */
class ProvisionerAgainstEmulatorTest {

    private static final AtomicInteger SUBSCRIPTIONS = new AtomicInteger();

    static Emulator emulator;
    static ArmClient arm;
    static KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(10)));

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.sample(1).withArm(new EmulatorConfig.ArmConfig(0, 300L)));
        arm = ArmClient.create(ArmEndpoint.parse(emulator.armEndpoint().toString()), null, Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.arm().faults().clear();
    }

    /** A Federated cluster asking for one database, in a subscription of its own where nothing is registered yet. */
    static ADXCluster hub(String name) {
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("adx").build());
        ADXClusterSpec spec = new ADXClusterSpec();
        spec.clusterName = name;
        spec.role = ClusterRole.Federated;
        spec.federation = new FederationSpec();
        spec.federation.heartbeatDatabase = "FederationHeartbeats";
        spec.federation.heartbeatTable = "Heartbeat";
        DatabaseSpec metrics = new DatabaseSpec();
        metrics.databaseName = "Metrics";
        metrics.retentionInDays = 90;
        metrics.telemetryType = TelemetryType.Metrics;
        spec.databases = List.of(metrics);
        spec.provision = new ProvisionSpec();
        spec.provision.subscriptionId = "sub-provisioner-" + SUBSCRIPTIONS.incrementAndGet();
        spec.provision.resourceGroup = "adxfed-rg";
        spec.provision.location = "westus";
        spec.provision.skuName = "Standard_E2ads_v5";
        spec.provision.tier = "Standard";
        cluster.setSpec(spec);
        return cluster;
    }

    static ProvisionResult provision(ADXCluster cluster, AppliedProvisionState applied, List<String> progress) {
        ProvisionTarget target = ProvisionTarget.of(cluster.getSpec(), "FederationHeartbeats");
        return new Provisioner(arm).run(target, applied, null, Duration.ofSeconds(60), progress::add);
    }

    static List<String> databases(String endpoint) {
        List<String> names = new ArrayList<>();
        kusto.connect(endpoint, null).mgmt(Stage.HUB_DATABASES, null, ".show databases")
                .forEach(row -> names.add(row.string("DatabaseName")));
        return names;
    }

    /** Counts the requests that match: a fault that holds each for a millisecond and counts its hits. */
    static void countRequests(String match) {
        emulator.arm().faults().inject(Fault.delay(Duration.ofMillis(1)).matching(match));
    }

    @Test
    void fromNothingToARunningClusterWithItsDatabasesAndThenNothingMoreToDo() {
        ADXCluster hub = hub("provhub1");
        List<String> progress = new ArrayList<>();
        ProvisionResult result = provision(hub, null, progress);

        assertThat(result).isInstanceOf(ProvisionResult.Ready.class);
        ProvisionResult.Ready ready = (ProvisionResult.Ready) result;
        assertThat(ready.done()).anyMatch(s -> s.startsWith("register the Microsoft.Kusto resource provider"))
                .anyMatch(s -> s.startsWith("create resource group adxfed-rg"))
                .anyMatch(s -> s.startsWith("create cluster provhub1 in westus: sku Standard_E2ads_v5, tier Standard,"
                        + " identity SystemAssigned"))
                .anyMatch(s -> s.startsWith("create database Metrics (kind ReadWrite, retention P90D)"))
                .anyMatch(s -> s.startsWith("create database FederationHeartbeats"));
        assertThat(progress).as("the long-running operations were followed").anyMatch(s -> s.startsWith("create cluster provhub1: "));
        assertThat(ready.endpoint()).isEqualTo(emulator.cluster("provhub1").orElseThrow().url());
        assertThat(ready.applied().skuName).isEqualTo("Standard_E2ads_v5");
        KustoCluster made = arm.cluster(ProvisionTarget.of(hub.getSpec(), null).cluster()).orElseThrow();
        assertThat(made.state()).isEqualTo("Running");
        assertThat(made.properties().engineType()).isEqualTo("V3");
        assertThat(databases(ready.endpoint())).containsExactlyInAnyOrder("Metrics", "FederationHeartbeats");
        Kusto made_ = kusto.connect(ready.endpoint(), null);
        assertThatThrownBy(() -> made_.mgmt(Stage.DATABASE_CREATE, null, ".create database Logs persist (@'/a', @'/b')"))
                .isInstanceOf(KustoException.class);

        countRequests("^(PUT|PATCH|POST|DELETE) ");
        ProvisionResult again = provision(hub, ready.applied(), new ArrayList<>());
        assertThat(again).isInstanceOf(ProvisionResult.Ready.class);
        assertThat(again.done()).isEmpty();
        assertThat(emulator.arm().faults().hits()).as("nothing sent to change Azure").isZero();
    }

    @Test
    void aSkuAndAutoscaleChangeOfTheSpecIsOneUpdateAndAChangeMadeInAzureStays() {
        ADXCluster hub = hub("provhub2");
        ProvisionResult.Ready first = (ProvisionResult.Ready) provision(hub, null, new ArrayList<>());

        hub.getSpec().provision.skuName = "Standard_E4ads_v5";
        hub.getSpec().provision.autoScale = true;
        hub.getSpec().provision.autoScaleMin = 2;
        hub.getSpec().provision.autoScaleMax = 5;
        countRequests("^(PUT|PATCH) .+/clusters/provhub2$");
        ProvisionResult.Ready updated = (ProvisionResult.Ready) provision(hub, first.applied(), new ArrayList<>());
        assertThat(emulator.arm().faults().hits()).as("one PATCH with both changes").isEqualTo(1);
        assertThat(updated.done()).anyMatch(s -> s.startsWith("update cluster provhub2: sku Standard_E2ads_v5/Standard ->"
                + " Standard_E4ads_v5/Standard; optimized autoscale 2-5"));
        ClusterId id = ProvisionTarget.of(hub.getSpec(), null).cluster();
        KustoCluster cluster = arm.cluster(id).orElseThrow();
        assertThat(cluster.sku().name()).isEqualTo("Standard_E4ads_v5");
        assertThat(cluster.properties().optimizedAutoscale().maximum()).isEqualTo(5);
        assertThat(updated.applied().skuName).isEqualTo("Standard_E4ads_v5");
        assertThat(updated.applied().autoScaleMax).isEqualTo(5);

        // Someone scales the cluster in the portal; the spec did not change, so that stays.
        arm.updateCluster(id, new KustoCluster(null, null, new KustoCluster.Sku("Standard_E8ads_v5", "Standard", null), null, null))
                .follow(Duration.ofSeconds(30), step -> {});
        emulator.arm().faults().clear();
        countRequests("^(PUT|PATCH) ");
        ProvisionResult after = provision(hub, updated.applied(), new ArrayList<>());
        assertThat(after).isInstanceOf(ProvisionResult.Ready.class);
        assertThat(emulator.arm().faults().hits()).isZero();
        assertThat(arm.cluster(id).orElseThrow().sku().name()).isEqualTo("Standard_E8ads_v5");
    }

    @Test
    void a403OnReadingTheClusterIsPermissionRestrictedWithTheKnownEndpointAndChangesNothing() {
        ADXCluster hub = hub("provhub3");
        emulator.arm().faults().inject(Fault.kustoError(403, "AuthorizationFailed", "The client 'adxfed' does not have"
                + " authorization to perform action 'Microsoft.Kusto/clusters/read'").matching("^GET .+/clusters/provhub3$"));
        ProvisionResult result = new Provisioner(arm).run(ProvisionTarget.of(hub.getSpec(), null), null,
                "https://provhub3.westus.kusto.windows.net", Duration.ofSeconds(30), step -> {});

        assertThat(result).isInstanceOf(ProvisionResult.Restricted.class);
        ProvisionResult.Restricted restricted = (ProvisionResult.Restricted) result;
        assertThat(restricted.endpoint()).isEqualTo("https://provhub3.westus.kusto.windows.net");
        assertThat(restricted.message()).contains("AuthorizationFailed").contains("Microsoft.Kusto/clusters/read");
        emulator.arm().faults().clear();
        assertThat(arm.cluster(ProvisionTarget.of(hub.getSpec(), null).cluster())).as("nothing was made").isEmpty();
    }

    @Test
    void aThrottledRequestIsRetriedAfterRetryAfter() {
        ADXCluster hub = hub("provhub4");
        emulator.arm().faults().inject(Fault.throttle().retryAfter(Duration.ofSeconds(1)).matching("^GET .+/clusters/provhub4$")
                .times(1));
        ProvisionResult result = provision(hub, null, new ArrayList<>());

        assertThat(result).isInstanceOf(ProvisionResult.Ready.class);
        assertThat(emulator.arm().faults().hits()).as("the 429 was answered, and retried").isEqualTo(1);
    }

    @Test
    void anArmErrorComesBackWithItsCodeAndMessage() {
        ADXCluster hub = hub("provhub5");
        emulator.arm().faults().inject(Fault.kustoError(409, "Conflict", "Cluster 'provhub5' is being deleted")
                .matching("^PUT .+/clusters/provhub5$"));
        ProvisionResult result = provision(hub, null, new ArrayList<>());

        assertThat(result).isInstanceOf(ProvisionResult.Failed.class);
        assertThat(((ProvisionResult.Failed) result).message()).isEqualTo("Azure Resource Manager: Conflict: Cluster"
                + " 'provhub5' is being deleted (HTTP 409)");
    }
}
