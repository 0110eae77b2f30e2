package dev.adxfed.operator.controller;

import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.provision.ArmSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator as deployed, minus Kubernetes itself: {@link OperatorRuntime} (JOSDK) on fabric8's CRUD mock API
 * server, the ADXCluster resources a user applies there (namespace {@value #NAMESPACE}), and what the operator
 * reports back: status, condition, metrics, and the entity groups and functions it made on a hub. The runtimes
 * it starts stop when it closes, or after each test where it is a {@code @RegisterExtension} field.
 */
final class OperatorOnMockApi implements AutoCloseable, AfterEachCallback {

    static final String NAMESPACE = "test";
    /** The Lease replicas campaign for when a test runs them with leader election. */
    static final String LEASE = "adxfed-test";
    /** For clusters without federatedTargets: the operator has no reason to call Kusto for them. */
    static final KustoConnector NO_KUSTO = (endpoint, identity) -> {
        throw new AssertionError("a cluster without targets needs no Kusto call");
    };

    // Held here: a logger nobody references may be collected, and its level with it.
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final Supplier<KubernetesClient> client;
    private final boolean ownsClient;
    private final List<AutoCloseable> started = new ArrayList<>();

    OperatorOnMockApi(KubernetesClient client) {
        this(() -> client, false);
    }

    /** As a test's field: the mock server extension injects the test's client only after the field is set. */
    OperatorOnMockApi(Supplier<KubernetesClient> client) {
        this(client, false);
    }

    private OperatorOnMockApi(Supplier<KubernetesClient> client, boolean ownsClient) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /**
     * The same API server through a client that retries a refused or throttled call once: fabric8 itself retries
     * ten times with a backoff growing to minutes. Closed, with the operators started through it, by {@link #close}.
     */
    OperatorOnMockApi retryingOnce() {
        KubernetesClient impatientClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client().getConfiguration())
                .withRequestRetryBackoffLimit(1).withRequestRetryBackoffInterval(10).build()).build();
        OperatorOnMockApi impatient = new OperatorOnMockApi(() -> impatientClient, true);
        started.add(impatient);
        return impatient;
    }

    /** The operator over all namespaces, heartbeating every 500 ms, with these cluster labels and no lease. */
    OperatorRuntime startWithoutLeaderElection(KustoConnector kusto, Duration federationInterval, Duration firstRetry,
                                               Map<String, String> clusterLabels) throws Exception {
        return startWithoutLeaderElection(kusto, federationInterval, firstRetry, clusterLabels, ArmSettings.DEFAULT);
    }

    /** The same, provisioning through {@code arm} (the emulator's local Azure Resource Manager). */
    OperatorRuntime startWithoutLeaderElection(KustoConnector kusto, Duration federationInterval, Duration firstRetry,
                                               Map<String, String> clusterLabels, ArmSettings arm) throws Exception {
        return start(new OperatorSettings(null, List.of(), Duration.ofMillis(500), federationInterval, clusterLabels,
                null, null, 0, 0, arm, RuntimeLimits.defaults()), kusto, firstRetry, ProgressWatchdog.Thresholds.defaults());
    }

    /** The operator as {@code settings} say: the system clock, JSON merge patches, the client kept open. */
    OperatorRuntime start(OperatorSettings settings, KustoConnector kusto, Duration firstRetry,
                          ProgressWatchdog.Thresholds liveness) throws Exception {
        OperatorRuntime runtime = OperatorRuntime.start(settings, new OperatorRuntime.Wiring(client(), false,
                report -> kusto, false, () -> { throw new AssertionError("leadership lost while running"); },
                Clock.systemUTC(), firstRetry, liveness));
        started.add(runtime);
        return runtime;
    }

    /** JOSDK checks it may use Leases before it campaigns; the mock has no RBAC to answer that. */
    static void letReplicasUseLeases(KubernetesMockServer server) {
        SelfSubjectRulesReview allowed = new SelfSubjectRulesReviewBuilder().withNewStatus()
                .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("create", "update", "get").build())
                .withIncomplete(false).endStatus().build();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, allowed).always();
    }

    /** Both intervals {@code interval}, namespace {@value #NAMESPACE} only, no lease. */
    static OperatorSettings passingEvery(Duration interval, Map<String, String> clusterLabels) {
        return new OperatorSettings(null, List.of(NAMESPACE), interval, interval, clusterLabels, null, null, 0, 0,
                ArmSettings.DEFAULT, RuntimeLimits.defaults());
    }

    /** Both intervals {@code interval}, namespace {@value #NAMESPACE} only, campaigning for {@value #LEASE} there. */
    static OperatorSettings leadingEvery(Duration interval, RuntimeLimits limits) {
        return new OperatorSettings(null, List.of(NAMESPACE), interval, interval, Map.of(), LEASE, NAMESPACE, 0, 0,
                ArmSettings.DEFAULT, limits);
    }

    /** Stops one of the operators started here, before the others. */
    void stop(OperatorRuntime runtime) {
        started.remove(runtime);
        runtime.close();
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.remove(started.size() - 1).close();
        }
        if (ownsClient) {
            client().close();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    private KubernetesClient client() {
        return client.get();
    }

    void create(ADXCluster cluster) {
        client().resources(ADXCluster.class).inNamespace(NAMESPACE).resource(cluster).create();
    }

    ADXCluster read(String name) {
        return resource(name).get();
    }

    /** The operator patches the status meanwhile: an edit of what was read before that patch is refused (409) and made again. */
    void edit(String name, Consumer<ADXCluster> change) {
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException refused && refused.getCode() == 409)
                .until(() -> resource(name).edit(cluster -> {
                    change.accept(cluster);
                    return cluster;
                }) != null);
    }

    void delete(String name) {
        resource(name).delete();
    }

    ADXClusterStatus status(String name) {
        return read(name).getStatus();
    }

    /** The one condition the operator writes; fails while there is none yet. */
    Condition condition(String name) {
        ADXClusterStatus status = status(name);
        assertThat(status).as("status of " + name).isNotNull();
        assertThat(status.conditions).extracting(Condition::getType).containsExactly(ADXClusterStatus.CONDITION_TYPE);
        return status.conditions.get(0);
    }

    private Resource<ADXCluster> resource(String name) {
        return client().resources(ADXCluster.class).inNamespace(NAMESPACE).withName(name);
    }

    /** The sample partition clusters, then an empty cluster for each of {@code hubs}. */
    static EmulatorConfig partitionsAndHubs(int partitions, String... hubs) {
        EmulatorConfig sample = EmulatorConfig.sample(partitions);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        for (String hub : hubs) {
            clusters.add(new EmulatorConfig.ClusterConfig(hub, 0, List.of()));
        }
        return new EmulatorConfig(sample.host(), clusters, null);
    }

    static ADXCluster cluster(String name, String endpoint, String criteria) {
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        cluster.setSpec(new ADXClusterSpec());
        cluster.getSpec().clusterName = name;
        cluster.getSpec().endpoint = endpoint;
        cluster.getSpec().criteriaExpression = criteria;
        return cluster;
    }

    /** A Partition heartbeating to {@code target}, partitioned by its own name. */
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

    /** A Federated cluster reading heartbeats from FederationHeartbeats.Heartbeat. */
    static ADXCluster hub(String name, String endpoint) {
        ADXCluster hub = cluster(name, endpoint, null);
        hub.getSpec().role = ClusterRole.Federated;
        hub.getSpec().federation = new FederationSpec();
        hub.getSpec().federation.heartbeatDatabase = "FederationHeartbeats";
        hub.getSpec().federation.heartbeatTable = "Heartbeat";
        return hub;
    }

    /** Reconciles the runtime finished, whatever their result. */
    static double reconciles(OperatorRuntime runtime) {
        return runtime.metrics().registry().find("adxfed.reconciles").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    static String scrape(OperatorRuntime runtime) throws Exception {
        return get(runtime.metricsPort(), "/metrics").body();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> entityGroups(Kusto hub, String database) {
        Map<String, String> groups = new TreeMap<>();
        for (KustoRow row : hub.mgmt(Stage.ENTITY_GROUPS_SHOW, database, ".show entity_groups")) {
            groups.put(row.string("Name"), row.string("Entities"));
        }
        return groups;
    }

    static List<String> functions(Kusto hub, String database) {
        return hub.mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").stream().map(r -> r.string("Name")).toList();
    }
}
