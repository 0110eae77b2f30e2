package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.CommandResults;
import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeldDepartures;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorMetricsTest {

    static final String HUB = "https://hub.westeurope.kusto.windows.net";

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final OperatorMetrics metrics = new OperatorMetrics(registry);

    static FederationReport read(SortedMap<String, Integer> live, List<CommandResults> commands, List<Conflict> conflicts,
                                 HeldDepartures held, ExcludedPartitions excluded, List<String> missing) {
        return new FederationReport(true, live.values().stream().mapToInt(Integer::intValue).max().orElse(0), List.of(),
                live, 0, 0, Map.of(), Map.of(), List.of(), 1, 0, 0, commands, conflicts, held, excluded, missing);
    }

    static FederationReport live(Map<String, Integer> live) {
        return read(new TreeMap<>(live), List.of(), List.of(), HeldDepartures.NONE, ExcludedPartitions.NONE, List.of());
    }

    String series(String database) {
        return "adxfed_partitions_live{database=\"" + database + "\",hub=\"" + HUB + "\"}";
    }

    @Test
    void aDatabaseThatLosesItsLastPartitionReadsZeroInsteadOfVanishing() {
        metrics.federation(HUB, live(Map.of("Logs", 2, "Metrics", 3)));
        assertThat(registry.scrape()).contains(series("Logs") + " 2.0").contains(series("Metrics") + " 3.0");

        metrics.federation(HUB, live(Map.of("Metrics", 3)));
        assertThat(registry.scrape()).contains(series("Logs") + " 0.0").contains(series("Metrics") + " 3.0");

        metrics.federation(HUB, live(Map.of()));
        assertThat(registry.scrape()).as("the hub's last partition gone: every series reads 0")
                .contains(series("Logs") + " 0.0").contains(series("Metrics") + " 0.0");

        metrics.federation(HUB, live(Map.of("Logs", 1)));
        assertThat(registry.scrape()).contains(series("Logs") + " 1.0").contains(series("Metrics") + " 0.0");
    }

    @Test
    void databaseLabelsAreBoundedAndOnlyEverTopologyDatabases() {
        SortedMap<String, Integer> many = new TreeMap<>();
        IntStream.range(0, 500).forEach(i -> many.put(String.format("Db%03d", i), 1));
        List<CommandResults> commands = List.of(
                new CommandResults("Db000", Command.Kind.ENTITY_GROUP_CREATE, CommandResults.COMPLETED, 1),
                new CommandResults("Db499", Command.Kind.ENTITY_GROUP_CREATE, CommandResults.COMPLETED, 1),
                new CommandResults("UsersOwnDatabase", Command.Kind.ENTITY_GROUP_CREATE, CommandResults.COMPLETED, 1));

        metrics.federation(HUB, read(many, commands, List.of(), HeldDepartures.NONE, ExcludedPartitions.NONE, List.of()));
        metrics.federation(HUB, live(Map.of("Fresh", 1)));

        String scrape = registry.scrape();
        assertThat(scrape.lines().filter(l -> l.startsWith("adxfed_partitions_live{"))).hasSize(OperatorMetrics.DATABASE_LABELS);
        assertThat(scrape).contains(series("Fresh") + " 1.0").contains(series("Db099") + " 0.0")
                .doesNotContain(series("Db000")).doesNotContain(series("Db100"));
        assertThat(scrape).contains("adxfed_database_commands_total{database=\"Db000\"")
                .contains("adxfed_database_commands_total{database=\"_other\",hub=\"" + HUB
                        + "\",kind=\"entityGroup.create\",result=\"completed\"} 2.0")
                .doesNotContain("Db499").doesNotContain("UsersOwnDatabase");
    }

    @Test
    void heldDeparturesConflictsMissingDatabasesAndExclusionsAreGaugesPerHub() {
        metrics.federation(HUB, read(new TreeMap<>(Map.of("Metrics", 3)), List.of(),
                List.of(new Conflict("Metrics", Conflict.Kind.FUNCTION, "Cpu"),
                        new Conflict("Logs", Conflict.Kind.FUNCTION, "Requests"),
                        new Conflict("Sales", Conflict.Kind.ENTITY_GROUP, "Sales_Partitions")),
                new HeldDepartures(List.of("https://a", "https://b"), 3, "2 of 3"), new ExcludedPartitions(1, 2, 3),
                List.of("Sales")));

        String hub = "hub=\"" + HUB + "\"";
        assertThat(registry.scrape())
                .contains("adxfed_departures_held{" + hub + "} 2.0")
                .contains("adxfed_conflicts{" + hub + ",kind=\"function\"} 2.0")
                .contains("adxfed_conflicts{" + hub + ",kind=\"entityGroup\"} 1.0")
                .contains("adxfed_hub_databases_missing{" + hub + "} 1.0")
                .contains("adxfed_partitions_excluded{" + hub + ",reason=\"blocked\"} 1.0")
                .contains("adxfed_partitions_excluded{" + hub + ",reason=\"notSelected\"} 2.0")
                .contains("adxfed_partitions_excluded{" + hub + ",reason=\"metadataMissing\"} 3.0");

        metrics.federation(HUB, live(Map.of("Metrics", 3)));
        assertThat(registry.scrape()).as("released and resolved: back to 0, not gone")
                .contains("adxfed_departures_held{" + hub + "} 0.0")
                .contains("adxfed_conflicts{" + hub + ",kind=\"function\"} 0.0")
                .contains("adxfed_hub_databases_missing{" + hub + "} 0.0");
    }
}
