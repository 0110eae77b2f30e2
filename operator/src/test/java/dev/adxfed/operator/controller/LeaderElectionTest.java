package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.provision.ArmSettings;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two replicas on one Lease: only the holder reconciles; when it stops, the other takes over. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    KubernetesMockServer server;
    KubernetesClient client;
    OperatorRuntime first;
    OperatorRuntime second;

    @AfterEach
    void stop() {
        for (OperatorRuntime runtime : new OperatorRuntime[] {first, second}) {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    @Test
    void onlyTheLeaseHolderReconciles() throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        // JOSDK checks it may use Leases before it campaigns; the mock has no RBAC to answer that.
        SelfSubjectRulesReview allowed = new SelfSubjectRulesReviewBuilder().withNewStatus()
                .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("create", "update", "get").build())
                .withIncomplete(false).endStatus().build();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, allowed).always();
        ADXCluster cluster = OperatorAgainstEmulatorTest.cluster("byo", "https://byo.westeurope.kusto.windows.net", null);
        client.resources(ADXCluster.class).inNamespace("test").resource(cluster).create();

        first = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(first) > 0);
        second = start();
        Thread.sleep(2000);

        assertThat(reconciles(first)).isGreaterThan(1);
        assertThat(reconciles(second)).as("the replica without the Lease").isZero();

        first.close();
        first = null;
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(second) > 0);
    }

    OperatorRuntime start() throws Exception {
        OperatorSettings settings = new OperatorSettings(null, List.of("test"), Duration.ofMillis(300),
                Duration.ofMillis(300), Map.of(), "adxfed-test", "test", 0, 0, ArmSettings.DEFAULT, RuntimeLimits.defaults()
                .withLeaseTimings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300)));
        KustoConnector noKusto = (endpoint, identity) -> {
            throw new AssertionError("a cluster without targets needs no Kusto call");
        };
        return OperatorRuntime.start(settings, OperatorAgainstEmulatorTest.wiring(client, noKusto,
                OperatorRuntime.FIRST_RETRY, ProgressWatchdog.Thresholds.defaults()));
    }

    static double reconciles(OperatorRuntime runtime) {
        return runtime.metrics().registry().find("adxfed.reconciles").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
