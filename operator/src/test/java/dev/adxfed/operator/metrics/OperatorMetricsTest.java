package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.CommandResults;
import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeartbeatTimes;
import dev.adxfed.operator.federation.HeldDepartures;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.monitoring.MonitoringFiles;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorMetricsTest {

    static final String HUB = "https://hub.westeurope.kusto.windows.net";

    static final Duration TTL = Duration.ofHours(1);

    final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:10:00Z"));
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final OperatorMetrics metrics = new OperatorMetrics(registry, clock);

    /** A clock the test moves, read by the gauges at scrape time. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the gauges read instants only");
        }
    }

    static FederationReport read(SortedMap<String, Integer> live, List<CommandResults> commands, List<Conflict> conflicts,
                                 HeldDepartures held, ExcludedPartitions excluded, List<String> missing) {
        return report(true, live, commands, conflicts, held, excluded, missing, HeartbeatTimes.none(TTL));
    }

    static FederationReport report(boolean heartbeatsRead, SortedMap<String, Integer> live, List<CommandResults> commands,
                                   List<Conflict> conflicts, HeldDepartures held, ExcludedPartitions excluded,
                                   List<String> missing, HeartbeatTimes times) {
        return new FederationReport(heartbeatsRead, live.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                List.of(), live, 0, 0, Map.of(), Map.of(), List.of(), 1, 0, 0, commands, conflicts, held, excluded, missing,
                times, false);
    }

    /** A pass whose fresh members heartbeated at {@code timestamps}, all in database Metrics. */
    static FederationReport heartbeats(String... timestamps) {
        List<Instant> times = Arrays.stream(timestamps).map(Instant::parse).toList();
        SortedMap<String, Integer> live = times.isEmpty() ? new TreeMap<>() : new TreeMap<>(Map.of("Metrics", times.size()));
        return report(true, live, List.of(), List.of(), HeldDepartures.NONE, ExcludedPartitions.NONE, List.of(),
                HeartbeatTimes.of(times, TTL));
    }

    static FederationReport live(Map<String, Integer> live) {
        return read(new TreeMap<>(live), List.of(), List.of(), HeldDepartures.NONE, ExcludedPartitions.NONE, List.of());
    }

    String series(String database) {
        return "adxfed_partitions_live{database=\"" + database + "\",hub=\"" + HUB + "\"}";
    }

    /** A label the scrape also sets would reach the rules and the dashboard renamed, or be mistaken for the scrape's own. */
    @Test
    void noSeriesCarriesALabelNamedLikeOneTheScrapeSets() {
        metrics.reconciled("Federated", HUB, "complete", Duration.ofSeconds(1));
        metrics.kustoCall("heartbeat.read", true, 1_000);
        metrics.heartbeat(new HeartbeatReport(clock.instant(), 1, Optional.empty(), Optional.empty(), List.of(HUB), List.of(),
                1, List.of()));
        metrics.federation(HUB, read(new TreeMap<>(Map.of("Metrics", 1)),
                List.of(new CommandResults("Metrics", Command.Kind.ENTITY_GROUP_CREATE, CommandResults.COMPLETED, 1)),
                List.of(new Conflict("Metrics", Conflict.Kind.FUNCTION, "Cpu")), HeldDepartures.NONE,
                new ExcludedPartitions(1, 1, 1), List.of("Logs")));
        metrics.follows("metrics", "hub", "Federated", HUB, Set.of());
        metrics.ready("metrics", "hub", "Federated", true);
        metrics.statusPatchFailed(429);
        metrics.tokenChecked("workload", true);

        Pattern label = Pattern.compile("[{,](\\w+)=\"");
        Set<String> labels = new TreeSet<>();
        registry.scrape().lines().filter(l -> l.startsWith("adxfed_")).forEach(line -> {
            Matcher m = label.matcher(line);
            while (m.find()) {
                labels.add(m.group(1));
            }
        });
        assertThat(labels).contains("hub", "target", "stage", "kind", "reason", "code", "identity", "resource_namespace")
                .doesNotContainAnyElementsOf(MonitoringFiles.TARGET_LABELS);
        assertThat(registry.scrape()).contains("adxfed_resource_ready{name=\"hub\",resource_namespace=\"metrics\",role=\"Federated\"} 1.0");
    }

    @Test
    void theDashboardDrawsItsStaleLineAtTheShareOfTheTtlThatTheStaleCountUses() {
        assertThat(MonitoringFiles.queries().values()).as("the heartbeat-age panel's line")
                .contains(HeartbeatAgeGauges.STALE_SHARE_OF_TTL + " * max by (hub) (adxfed_heartbeat_ttl_seconds{hub=~\"$hub\"})");
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

    String age(String stat) {
        return "adxfed_heartbeat_age_seconds{hub=\"" + HUB + "\",stat=\"" + stat + "\"} ";
    }

    String stale() {
        return "adxfed_partitions_stale{hub=\"" + HUB + "\"} ";
    }

    @Test
    void heartbeatAgesGrowWithTheClockUntilAPassReadsNewerHeartbeats() {
        assertThat(registry.scrape()).as("no pass yet: no age to show").doesNotContain("adxfed_heartbeat_age_seconds");

        metrics.federation(HUB, heartbeats("2026-11-25T10:00:00Z", "2026-11-25T10:05:00Z", "2026-11-25T10:08:00Z"));
        assertThat(registry.scrape()).contains(age("oldest") + "600.0").contains(age("newest") + "120.0")
                .contains(stale() + "0.0").contains("adxfed_heartbeat_ttl_seconds{hub=\"" + HUB + "\"} 3600.0");

        clock.advance(Duration.ofMinutes(25));
        assertThat(registry.scrape()).as("no pass since: the same heartbeats are 25 minutes older")
                .contains(age("oldest") + "2100.0").contains(age("newest") + "1620.0")
                .as("10:00 is older than half the TTL at 10:35, 10:05 is exactly half and not yet stale")
                .contains(stale() + "1.0");

        metrics.federation(HUB, report(false, new TreeMap<>(), List.of(), List.of(), HeldDepartures.NONE,
                ExcludedPartitions.NONE, List.of(), HeartbeatTimes.none(TTL)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(registry.scrape()).as("a pass that could not read heartbeats knows nothing newer: the ages go on growing")
                .contains(age("oldest") + "3000.0").contains(age("newest") + "2520.0").contains(stale() + "3.0");

        metrics.federation(HUB, heartbeats("2026-11-25T10:45:00Z", "2026-11-25T10:48:30Z", "2026-11-25T10:49:00Z"));
        assertThat(registry.scrape()).as("newer heartbeats lower the ages and clear the stale count")
                .contains(age("oldest") + "300.0").contains(age("newest") + "60.0").contains(stale() + "0.0");
    }

    @Test
    void aHubWithNoFreshMemberReadsNaNAgesAndNoStalePartitions() {
        metrics.federation(HUB, heartbeats("2026-11-25T10:00:00Z"));
        clock.advance(Duration.ofMinutes(45));
        assertThat(registry.scrape()).contains(stale() + "1.0");

        metrics.federation(HUB, heartbeats());

        assertThat(registry.scrape()).as("no heartbeat to be old: NaN, which no alert comparison matches")
                .contains(age("oldest") + "NaN").contains(age("newest") + "NaN").contains(stale() + "0.0");
    }

    @Test
    void aHeartbeatDatedWithinTheClockSkewAheadIsNew() {
        metrics.federation(HUB, heartbeats("2026-11-25T10:00:00Z", "2026-11-25T10:12:00Z"));

        assertThat(registry.scrape()).contains(age("newest") + "0.0").contains(age("oldest") + "600.0");
    }

    @Test
    void theHeartbeatAgeSeriesOfAHubAreFourWhateverTheNumberOfPartitions() {
        List<String> many = IntStream.range(0, 10_000)
                .mapToObj(i -> Instant.parse("2026-11-25T09:20:00Z").plusSeconds(i % 3000).toString()).toList();
        metrics.federation(HUB, heartbeats(many.toArray(String[]::new)));

        String scrape = registry.scrape();
        assertThat(scrape.lines().filter(l -> l.startsWith("adxfed_heartbeat_age_seconds{")
                || l.startsWith("adxfed_partitions_stale{") || l.startsWith("adxfed_heartbeat_ttl_seconds{"))).hasSize(4);
        // 09:20:00 up to 10:09:59 (three full rounds of 3000 seconds, then 1000): at 10:10 the ones before 09:40,
        // the first 1200 seconds of each round, are stale: 3 x 1200 + 1000
        assertThat(scrape).contains(age("oldest") + "3000.0").contains(age("newest") + "1.0")
                .contains(stale() + "4600.0");
    }
}
