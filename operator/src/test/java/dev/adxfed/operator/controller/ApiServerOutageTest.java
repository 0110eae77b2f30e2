package dev.adxfed.operator.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.adxfed.operator.controller.OperatorOnMockApi.NO_KUSTO;
import static dev.adxfed.operator.controller.OperatorOnMockApi.cluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.get;
import static dev.adxfed.operator.controller.OperatorOnMockApi.passingEvery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An API server that stops answering does not restart a healthy operator: /readyz goes 503 once the
 * informers stop watching, while /livez stays 200 because passes go on from the cache (their status patches
 * failing and retried) and tick the watchdog. Thresholds are short here; in production a tick every 5 s,
 * stalled after a minute.
 */
@EnableKubernetesMockClient(crud = true)
class ApiServerOutageTest {

    KubernetesMockServer server;
    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);

    @Test
    void livenessHoldsWhileTheApiServerIsGoneAndReadinessFollowsTheInformers() throws Exception {
        ProgressWatchdog.Thresholds shortThresholds = new ProgressWatchdog.Thresholds(Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        operator.create(cluster("byo", "https://byo.westeurope.kusto.windows.net", null));
        OperatorRuntime runtime = operator.retryingOnce().start(passingEvery(Duration.ofMillis(300), Map.of()), NO_KUSTO,
                Duration.ofMillis(100), shortThresholds);
        int port = runtime.healthPort();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.watchdog().lastPassEnded().isPresent());
        assertThat(status(port, "/readyz")).isEqualTo(200);
        assertThat(status(port, "/livez")).isEqualTo(200);

        server.shutdown();
        Instant down = Instant.now();

        await().atMost(Duration.ofSeconds(60)).until(() -> status(port, "/readyz") == 503);
        assertThat(status(port, "/healthz")).as("the old path answers as /readyz").isEqualTo(503);
        // Longer than the stall threshold: a watchdog nobody ticked would have failed liveness by now.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                runtime.watchdog().lastPassEnded().orElseThrow().isAfter(down.plusSeconds(6)));
        assertThat(status(port, "/livez")).isEqualTo(200);
        assertThat(runtime.metrics().registry().find("adxfed.status.patch.failures").counters().stream()
                .mapToDouble(Counter::count).sum()).as("passes during the outage could not write the status")
                .isPositive();
    }

    private static int status(int port, String path) throws Exception {
        return get(port, path).statusCode();
    }
}
