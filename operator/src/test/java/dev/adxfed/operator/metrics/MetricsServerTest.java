package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.TargetFailure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsServerTest {

    static HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passReportsShowUpInPrometheusFormatAndReadinessFollowsTheOperator() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OperatorMetrics metrics = new OperatorMetrics(registry);
        metrics.federation("http://hub", new FederationReport(true, 2,
                List.of(new MalformedHeartbeat("https://bad", "Schema is not JSON")),
                new TreeMap<>(Map.of("Metrics", 2)), 3, 4, Map.of("entityGroup.create", 3),
                Map.of("function.createOrAlter", 1), List.of("..."), 8, 4, 1000));
        metrics.heartbeat(new HeartbeatReport(Instant.EPOCH, 2, Optional.of(Instant.EPOCH), Optional.empty(),
                List.of("http://hub-a"), List.of(new TargetFailure("http://hub-b", "heartbeat.ingest", "timed out")), 3));
        metrics.reconcileDuration("Federated", Duration.ofMillis(250));
        AtomicBoolean ready = new AtomicBoolean();

        try (MetricsServer server = new MetricsServer(0, registry, ready::get)) {
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            String scrape = get(server, "/metrics").body();

            assertThat(scrape)
                    .contains("adxfed_federation_commands_total{hub=\"http://hub\",kind=\"entityGroup.create\",result=\"completed\"} 3.0")
                    .contains("adxfed_federation_commands_total{hub=\"http://hub\",kind=\"function.createOrAlter\",result=\"failed\"} 1.0")
                    .contains("adxfed_heartbeat_rows_total{hub=\"http://hub\",result=\"malformed\"} 1.0")
                    .contains("adxfed_partitions{database=\"Metrics\",hub=\"http://hub\"} 2.0")
                    .contains("adxfed_heartbeats_total{result=\"failed\",target=\"http://hub-b\"} 1.0")
                    .contains("adxfed_reconcile_duration_seconds_count{role=\"Federated\"} 1");
        }
    }
}
