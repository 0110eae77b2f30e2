package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.monitoring.MonitoringFiles;
import dev.adxfed.operator.monitoring.PromQlReferences;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.adxfed.operator.controller.OperatorOnMockApi.hub;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionCluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static dev.adxfed.operator.controller.OperatorOnMockApi.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric and label the shipped dashboard and alert rules read is one the operator exports:
 * the operator on the CRUD mock with emulator clusters (a partition heartbeats, the hub federates),
 * its {@code /metrics} scraped, and each query of deploy/monitoring/ checked against the scrape.
 */
@EnableKubernetesMockClient(crud = true)
class MonitoringAgainstOperatorTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(?:\\{(.*)})?\\s+\\S+$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"(?:[^\"\\\\]|\\\\.)*\"");
    /** The labels a ServiceMonitor's scrape puts on every series of the target. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "service", "endpoint",
            "container");

    KubernetesClient client;

    @Test
    void everyMetricAndLabelOfTheDashboardAndTheRulesIsExported() throws Exception {
        try (Emulator emulator = Emulator.start(partitionsAndHubs(2, "hub"));
             OperatorOnMockApi operator = new OperatorOnMockApi(client)) {
            OperatorRuntime runtime = operator.startWithoutLeaderElection(
                    new KustoClients(StageTimeouts.all(Duration.ofSeconds(5))), Duration.ofMillis(500), Duration.ofSeconds(1),
                    Map.of());
            VirtualCluster hub = emulator.cluster("hub").orElseThrow();
            for (VirtualCluster partition : emulator.clusters().subList(0, 2)) {
                operator.create(partitionCluster(partition.name(), partition.url(), null, hub));
            }
            operator.create(hub("hub", hub.url()));

            String live = "adxfed_partitions_live{database=\"Metrics\",hub=\"" + hub.url() + "\"} 2.0";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(runtime)).contains(live)
                    .contains("adxfed_database_commands_total{"));

            String scrape = scrape(runtime);
            String hubLabel = "hub=\"" + hub.url() + "\"";
            double oldest = sample(scrape, "adxfed_heartbeat_age_seconds{" + hubLabel + ",stat=\"oldest\"}");
            double newest = sample(scrape, "adxfed_heartbeat_age_seconds{" + hubLabel + ",stat=\"newest\"}");
            assertThat(oldest).as("the partitions heartbeated moments ago").isBetween(0.0, 60.0);
            // each gauge reads the clock when it is scraped, so the newest may be read a moment after the oldest
            assertThat(newest).isBetween(0.0, oldest + 0.5);
            assertThat(sample(scrape, "adxfed_partitions_stale{" + hubLabel + "}")).isZero();
            assertThat(sample(scrape, "adxfed_heartbeat_ttl_seconds{" + hubLabel + "}")).isEqualTo(3600.0);

            Map<String, Set<String>> exported = exported(scrape);
            List<String> missing = new ArrayList<>();
            MonitoringFiles.queries().forEach((where, expr) -> missing.addAll(missingFrom(exported, where, expr)));
            assertThat(missing).as("metrics and labels the dashboard and rules read, that /metrics lacks").isEmpty();
        }
    }

    @Test
    void aQueryOverAMetricOrLabelTheOperatorDoesNotExportIsReported() {
        Map<String, Set<String>> exported = exported("""
                # HELP adxfed_departures_held Silent partitions
                # TYPE adxfed_departures_held gauge
                adxfed_departures_held{hub="http://127.0.0.1:1"} 0.0
                """);

        assertThat(missingFrom(exported, "alert A", "sum by (hub) (adxfed_departures_held) > 0")).isEmpty();
        assertThat(missingFrom(exported, "alert B", "adxfed_departure_held > 0"))
                .containsExactly("alert B: metric adxfed_departure_held");
        assertThat(missingFrom(exported, "alert C", "sum by (database) (adxfed_departures_held{kind=\"x\"})"))
                .containsExactly("alert C: label kind of adxfed_departures_held", "alert C: label database");
        assertThat(missingFrom(exported, "alert D", "absent(up{job=\"adxfed-operator\",namespace=\"adx-mon\"} == 1)")).isEmpty();

        Map<String, Set<String>> renamed = exported("""
                adxfed_resource_ready{name="hub",namespace="metrics",role="Federated"} 1.0
                """);
        assertThat(missingFrom(renamed, "alert E",
                "max by (exported_namespace, name) (adxfed_resource_ready{job=\"adxfed-operator\",namespace=\"adx-mon\"}) == 0"))
                .isEmpty();
        assertThat(missingFrom(exported, "alert F", "sum by (exported_namespace) (adxfed_departures_held)"))
                .containsExactly("alert F: label exported_namespace");
    }

    /** What of {@code expr} the scrape lacks: metrics, labels matched on them, labels grouped by. */
    static List<String> missingFrom(Map<String, Set<String>> exported, String where, String expr) {
        PromQlReferences refs = PromQlReferences.of(expr);
        List<String> missing = new ArrayList<>();
        Set<String> labels = new TreeSet<>();
        refs.matchedLabels().forEach((metric, matched) -> {
            Set<String> has = exported.get(metric);
            if (has == null) {
                missing.add(where + ": metric " + metric);
                return;
            }
            labels.addAll(has);
            matched.stream().filter(l -> !has.contains(l)).forEach(l -> missing.add(where + ": label " + l + " of " + metric));
        });
        refs.groupingLabels().stream().filter(l -> !labels.contains(l)).forEach(l -> missing.add(where + ": label " + l));
        return missing;
    }

    /**
     * Metric name to every label name its series carry once Prometheus scraped them through the shipped
     * ServiceMonitor: the labels of the Prometheus text format, those named like a target label renamed
     * {@code exported_<name>} (the target's label wins), the target labels, and the {@code up} series of the scrape.
     */
    static Map<String, Set<String>> exported(String scrape) {
        Map<String, Set<String>> exported = new TreeMap<>();
        exported.put("up", new TreeSet<>(TARGET_LABELS));
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Set<String> labels = exported.computeIfAbsent(sample.group(1), n -> new TreeSet<>(TARGET_LABELS));
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.add(TARGET_LABELS.contains(label.group(1)) ? "exported_" + label.group(1) : label.group(1));
                }
            }
        }
        return exported;
    }

    /** The value of the one sample of {@code series} (name and labels as the scrape writes them). */
    private static double sample(String scrape, String series) {
        List<String> values = scrape.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1))
                .toList();
        assertThat(values).as(series).hasSize(1);
        return Double.parseDouble(values.get(0));
    }
}
