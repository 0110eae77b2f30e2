package dev.adxfed.operator.cli;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code adxfed operator} as a user starts it: a kubeconfig, a partition resource, and its heartbeat arriving at the hub. */
@EnableKubernetesMockClient(crud = true)
class OperatorCommandRunTest {

    static KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void reconcilesAPartitionAndServesHealthAndMetricsUntilStopped() throws Exception {
        EmulatorConfig sample = EmulatorConfig.sample(1);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of(
                new EmulatorConfig.DatabaseConfig("FederationHeartbeats", false, List.of(),
                        List.of(new HeartbeatTable("FederationHeartbeats", "Heartbeat").createCommand())))));
        try (Emulator emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null))) {
            String partition = emulator.clusters().get(0).url();
            String hub = emulator.cluster("hub").orElseThrow().url();
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: mock
                        cluster: {server: "%s", insecure-skip-tls-verify: true}
                    users:
                      - name: mock
                        user: {token: test}
                    contexts:
                      - name: mock
                        context: {cluster: mock, user: mock, namespace: test}
                    current-context: mock
                    """.formatted(client.getConfiguration().getMasterUrl()));

            StringWriter out = new StringWriter();
            CommandLine cli = Adxfed.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            Thread running = new Thread(() -> cli.execute("operator", "--kubeconfig", kubeconfig.toString(),
                    "--no-leader-election", "--metrics-port", "0", "--health-port", "0", "--heartbeat-interval", "1m"),
                    "operator-under-test");
            running.start();
            try {
                Pattern ports = Pattern.compile("metrics on :(\\d+), probes on :(\\d+)");
                await().atMost(Duration.ofSeconds(30)).until(() -> ports.matcher(out.toString()).find());
                Matcher m = ports.matcher(out.toString());
                assertThat(m.find()).isTrue();
                String metrics = "http://127.0.0.1:" + m.group(1);
                String probes = "http://127.0.0.1:" + m.group(2);
                assertThat(get(probes + "/readyz")).isEqualTo(200);

                client.resource(Serialization.unmarshal(EmulatedFederation.partition("eastus", partition, hub), ADXCluster.class))
                        .inNamespace("test").create();

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        Run.adxfed("query", "--endpoint", hub, "--database", "FederationHeartbeats", "Heartbeat | count").out())
                        .containsPattern("(?m)^ *1$"));
                // The heartbeat lands before the pass that sent it is counted.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(body(metrics + "/metrics"))
                        .contains("adxfed_heartbeats_sent_total{result=\"success\",target=\"" + hub + "\"} 1.0")
                        .contains("adxfed_reconciles_total{hub=\"\",result=\"complete\",role=\"Partition\"}"));
            } finally {
                ((OperatorCommand) cli.getSubcommands().get("operator").getCommand()).stop();
                running.join(Duration.ofSeconds(20).toMillis());
            }
            assertThat(running.isAlive()).as("the operator stopped").isFalse();
            assertThat(out.toString()).contains("adxfed operator: watching ADXClusters in all namespaces");
        }
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
