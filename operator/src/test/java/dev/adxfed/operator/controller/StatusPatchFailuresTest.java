package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXClusterStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.adxfed.operator.controller.OperatorOnMockApi.NO_KUSTO;
import static dev.adxfed.operator.controller.OperatorOnMockApi.cluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.passingEvery;
import static dev.adxfed.operator.controller.OperatorOnMockApi.reconciles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the API server refuses does not park a resource: status patches answered 429 (API Priority and
 * Fairness) or 422 are retried as a failed pass is, counted, and the status is written once the server
 * takes it; failures are recorded as Events, one per change of failure, not one per retry.
 */
@EnableKubernetesMockClient(crud = true)
class StatusPatchFailuresTest {

    private static final String STATUS = "/apis/adx-mon.azure.com/v1/namespaces/test/adxclusters/byo/status";

    KubernetesMockServer server;
    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);
    OperatorRuntime runtime;

    @Test
    void statusPatchesRefusedWith429Or422AreRetriedCountedAndFinallyWritten() throws Exception {
        // Two reconciles' worth of 429 (each is tried twice by the client), then two 422s, then the CRUD mock.
        server.expect().patch().withPath(STATUS).andReturn(429, refusal(429, "TooManyRequests")).times(4);
        server.expect().patch().withPath(STATUS).andReturn(422, refusal(422, "Invalid")).times(2);
        operator.create(cluster("byo", "https://byo.westeurope.kusto.windows.net", null));

        runtime = start();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            ADXClusterStatus status = operator.status("byo");
            assertThat(status).as("the status, written after the refusals").isNotNull();
            assertThat(status.conditions.get(0).getReason()).isEqualTo("Complete");
        });
        assertThat(patchFailures("429")).isEqualTo(2.0);
        assertThat(patchFailures("422")).isEqualTo(2.0);
    }

    @Test
    void aFailureIsRecordedAsOneEventPerChangeNotPerRetry() throws Exception {
        operator.create(cluster("byo", "https://byo.westeurope.kusto.windows.net", "regoin == 'westeurope'"));
        runtime = start();

        await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(runtime) >= 4);
        assertThat(events()).as("four failing passes, one failure").singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("CriteriaExpressionError");
            assertThat(event.getMessage()).contains("regoin");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("byo");
            assertThat(event.getInvolvedObject().getKind()).isEqualTo("ADXCluster");
        });

        edit(null);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(operator.status("byo").conditions.get(0).getStatus()).isEqualTo("True"));
        edit("environment == ");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events()).hasSize(2));
        assertThat(events()).extracting(Event::getReason).containsOnly("CriteriaExpressionError");
    }

    private void edit(String criteria) {
        operator.edit("byo", c -> c.getSpec().criteriaExpression = criteria);
    }

    private List<Event> events() {
        return client.v1().events().inNamespace(OperatorOnMockApi.NAMESPACE).list().getItems();
    }

    private OperatorRuntime start() throws Exception {
        return operator.retryingOnce().start(passingEvery(Duration.ofMillis(300), Map.of("region", "westeurope")),
                NO_KUSTO, Duration.ofMillis(100), ProgressWatchdog.Thresholds.defaults());
    }

    private double patchFailures(String code) {
        return runtime.metrics().registry().find("adxfed.status.patch.failures").tag("code", code).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static io.fabric8.kubernetes.api.model.Status refusal(int code, String reason) {
        return new StatusBuilder().withCode(code).withReason(reason).withMessage("refused by the test").build();
    }
}
