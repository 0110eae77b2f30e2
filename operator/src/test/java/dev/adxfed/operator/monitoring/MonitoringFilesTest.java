package dev.adxfed.operator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/monitoring/ is well formed and complete: the panels and alerts docs/operations.md describes,
 * installable with kustomize. Whether the operator exports what they read is
 * {@code MonitoringAgainstOperatorTest}'s.
 */
class MonitoringFilesTest {

    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.(\\w+)");

    @Test
    void theDashboardHasAPanelForEachViewTheOperatorsPeopleNeed() {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.path("uid").asText()).isEqualTo("adxfed-operator");
        Set<Integer> ids = new HashSet<>();
        Map<String, String> queries = MonitoringFiles.queries();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as(panel.path("title").asText()).isBetween(1, 24);
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).as(panel.path("title").asText()).isNotBlank());
            }
        }
        Set<String> read = new TreeSet<>();
        queries.forEach((where, expr) -> {
            if (where.startsWith("panel ")) {
                read.addAll(PromQlReferences.of(expr).metrics());
            }
        });
        assertThat(read).as("metrics the panels read").contains(
                "adxfed_partitions_live", "adxfed_heartbeats_sent_total", "adxfed_heartbeat_rows_read_total",
                "adxfed_reconciles_total", "adxfed_reconcile_duration_seconds_sum", "adxfed_reconcile_duration_seconds_count",
                "adxfed_kusto_call_duration_seconds_sum", "adxfed_kusto_call_duration_seconds_count",
                "adxfed_script_commands_total", "adxfed_database_commands_total", "adxfed_conflicts",
                "adxfed_departures_held", "adxfed_heartbeat_rows_malformed_total", "adxfed_hub_databases_missing",
                "adxfed_partitions_excluded", "adxfed_heartbeat_age_seconds", "adxfed_partitions_stale",
                "adxfed_heartbeat_ttl_seconds", "up", "process_start_time_seconds", "jvm_memory_used_bytes",
                "jvm_memory_max_bytes", "process_cpu_usage", "adxfed_resource_ready",
                "operator_sdk_reconciliations_started_total", "operator_sdk_controllers_execution_reconcile_seconds_bucket");
    }

    @Test
    void theRulesAreAPrometheusRuleWithTheAlertsTheOperationsGuideDescribes() {
        JsonNode rules = MonitoringFiles.alerts();
        assertThat(rules.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rules.path("kind").asText()).isEqualTo("PrometheusRule");
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning", "info");
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
                assertThat(rule.path("for").asText()).as(alert + ": one bad scrape or pass must not page").matches("\\d+[smh]");
                PromQlReferences refs = PromQlReferences.of(rule.path("expr").asText());
                if (rule.path("expr").asText().contains(" by (")) {
                    Matcher m = TEMPLATE_LABEL.matcher(rule.path("annotations").toString());
                    while (m.find()) {
                        assertThat(refs.groupingLabels()).as(alert + ": $labels." + m.group(1) + " survives the aggregation")
                                .contains(m.group(1));
                    }
                }
            }
        }
        assertThat(alerts).containsExactlyInAnyOrder("AdxfedOperatorAbsent", "AdxfedOperatorRestarting",
                "AdxfedNotReconciling", "AdxfedHeapPressure", "AdxfedResourceNotReady", "AdxfedHeartbeatsFailing",
                "AdxfedSchemaReadsFailing", "AdxfedMalformedHeartbeats", "AdxfedHeartbeatsStale", "AdxfedPartitionsDropped",
                "AdxfedNoLivePartitions", "AdxfedFederationFailing", "AdxfedReconcilesSlow", "AdxfedDeparturesHeld",
                "AdxfedHubDatabaseMissing", "AdxfedConflicts");
    }

    /** Another operator, or a second install, in the same Prometheus must not trip or mask these alerts. */
    @Test
    void everySelectorOfTheRulesNamesTheOperatorsJobAndNamespace() {
        Pattern selector = Pattern.compile("([a-zA-Z_:][\\w:]*)\\{([^}]*)}");
        for (JsonNode group : MonitoringFiles.alerts().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                String expr = rule.path("expr").asText();
                PromQlReferences.of(expr).matchedLabels().forEach((metric, labels) ->
                        assertThat(labels).as(alert + ": " + metric).contains("job", "namespace"));
                Matcher m = selector.matcher(expr);
                while (m.find()) {
                    assertThat(m.group(2)).as(alert + ": " + m.group())
                            .contains("job=\"adxfed-operator\"").contains("namespace=\"adx-mon\"");
                }
            }
        }
    }

    /** With no replica scraped, every other rule sees no series and stays silent: one rule must fire on that. */
    @Test
    void anAlertFiresWhenNoOperatorIsScraped() {
        List<String> absent = new ArrayList<>();
        for (JsonNode group : MonitoringFiles.alerts().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.path("expr").asText().startsWith("absent(up{")) {
                    absent.add(rule.path("alert").asText());
                    assertThat(rule.path("labels").path("severity").asText()).isEqualTo("critical");
                }
            }
        }
        assertThat(absent).containsExactly("AdxfedOperatorAbsent");
    }

    @Test
    void theOperationsGuideSaysWhatEachAlertMeansAndWhatToDo() throws Exception {
        String guide = Files.readString(MonitoringFiles.dir().resolve("../../docs/operations.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(Adxfed\\w+)` \\| ([^|]+) \\| (.+) \\| (.+) \\|$").matcher(guide);
        while (row.find()) {
            documented.add(row.group(1));
            assertThat(row.group(4).strip()).as(row.group(1) + ": what to do").isNotBlank();
        }
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : MonitoringFiles.alerts().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
                assertThat(guide).as("docs/operations.md, Alerts: " + rule.path("alert").asText())
                        .contains("| `" + rule.path("alert").asText() + "` | " + rule.path("labels").path("severity").asText()
                                + ", " + rule.path("for").asText() + " |");
            }
        }
        assertThat(documented).as("rows of docs/operations.md's alert table").isEqualTo(alerts);
    }

    @Test
    void theKustomizationInstallsAllOfItAndTheServiceMonitorFindsTheMetricsService() {
        JsonNode kustomization = MonitoringFiles.yaml("kustomization.yaml");
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).containsExactlyInAnyOrder("servicemonitor.yaml", MonitoringFiles.ALERTS);
        JsonNode dashboard = kustomization.path("configMapGenerator").get(0);
        assertThat(dashboard.path("files").get(0).asText()).isEqualTo(MonitoringFiles.DASHBOARD);
        assertThat(dashboard.path("options").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");

        JsonNode monitor = MonitoringFiles.yaml("servicemonitor.yaml");
        JsonNode service = MonitoringFiles.yaml("../operator/service.yaml");
        assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
        monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(service.path("metadata").path("labels").path(label.getKey()).asText())
                        .as("the Service's label " + label.getKey()).isEqualTo(label.getValue().asText()));
        List<String> ports = new ArrayList<>();
        service.path("spec").path("ports").forEach(p -> ports.add(p.path("name").asText()));
        assertThat(ports).contains(monitor.path("spec").path("endpoints").get(0).path("port").asText());
        assertThat(service.path("metadata").path("labels").path(monitor.path("spec").path("jobLabel").asText()).asText())
                .as("the job label the rules select on").isEqualTo("adxfed-operator");
    }
}
