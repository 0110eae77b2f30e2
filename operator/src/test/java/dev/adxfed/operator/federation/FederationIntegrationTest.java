package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The federation end to end through the official Kusto SDK, on real clusters when
 * {@code ADXFED_IT_HUB} and {@code ADXFED_IT_PARTITIONS} are set (docs/operations.md, "Integration
 * tests against your clusters"), else on in-process emulator clusters: partitions heartbeat, the hub
 * writes a group into every hub database and a function per table, the federated data is queried
 * the three ways, the unchanged pass sends no DDL, and a partition that stops heartbeating leaves.
 */
class FederationIntegrationTest {

    static IntegrationTarget target;
    static IntegrationClusters clusters;
    static final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    static KustoConnector kusto;
    static Hub hub;

    @BeforeAll
    static void setUp() throws Exception {
        target = IntegrationTarget.of(System.getenv());
        KustoClients sdk = new KustoClients(StageTimeouts.all(Duration.ofSeconds(60)));
        kusto = recording(sdk);
        clusters = IntegrationClusters.start(target, sdk);
        FederationSettings defaults = FederationSettings.defaults();
        FederationSettings settings = new FederationSettings(clusters.entityGroupNamePattern(), true, false,
                clusters.prefix + "functions", true, defaults.blockedEndpoints(), Optional.empty(),
                defaults.partitionSelector(), defaults.maxDepartingFraction(), defaults.departureHoldTime(), false);
        hub = new Hub(clusters.hub, new HeartbeatTable(clusters.heartbeatDatabase, clusters.prefix + "Heartbeat"),
                target.heartbeatTtl(), settings);
        for (int i = 0; i < clusters.partitions.size(); i++) {
            fill(clusters.partitions.get(i), i);
        }
    }

    @AfterAll
    static void cleanUp() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void partitionsHeartbeatTheHubFederatesTheyAreQueriedThreeWaysAndOneLeaves() {
        List<String> partitions = clusters.partitions;
        FederationReport empty = new FederationPass(kusto).run(hub);
        assertThat(empty.heartbeatsRead()).as("the hub makes its heartbeat table: %s", empty.failureMessages()).isTrue();
        assertThat(empty.partitions()).isZero();
        HeartbeatSender sender = new HeartbeatSender(kusto, Clock.systemUTC());
        heartbeat(sender, partitions);

        FederationReport first = new FederationPass(kusto).run(hub);

        assertThat(first.failureMessages()).isEmpty();
        assertThat(first.partitions()).isEqualTo(partitions.size());
        String cpuGroup = hub.settings().groupName(clusters.databases.get(0));
        List<String> hubDatabases = new ArrayList<>(clusters.databases);
        if (!hubDatabases.contains(clusters.heartbeatDatabase)) {
            hubDatabases.add(clusters.heartbeatDatabase);
        }
        for (String database : hubDatabases) {
            for (String partitionDatabase : clusters.databases) {
                assertThat(entityGroups(database).get(hub.settings().groupName(partitionDatabase))).as(database)
                        .isNotNull().satisfies(members -> partitions.forEach(p -> assertThat(members).contains(p)));
            }
        }
        String cpuDatabase = clusters.databases.get(0);
        String cpu = KqlText.identifier(clusters.cpuTable());
        assertThat(functionBodies(cpuDatabase).get(clusters.cpuTable())).contains("macro-expand");
        assertThat(functionBodies(clusters.tracesDatabase())).containsKey(clusters.tracesTable());

        long rows = rowsOn(partitions, cpuDatabase, cpu);
        assertThat(count(clusters.hub, cpuDatabase, cpu + "() | count")).as("the federated function").isEqualTo(rows);
        assertThat(count(clusters.hub, cpuDatabase, "macro-expand " + KqlText.identifier(cpuGroup) + " as X ( X." + cpu
                + " | count ) | summarize Count = sum(Count)")).as("macro-expand over the group").isEqualTo(rows);
        String peak = KqlText.identifier(clusters.prefix + "PeakCpu");
        clusters.mgmt(clusters.hub, cpuDatabase, ".create-or-alter function with (folder='" + clusters.prefix + "user') " + peak
                + "() { macro-expand " + KqlText.identifier(cpuGroup) + " as X ( X." + cpu
                + " | summarize Peak = max(Value) by Host ) }");
        assertThat(count(clusters.hub, cpuDatabase, peak + "() | count")).as("a user's function on the group: one host each")
                .isEqualTo(partitions.size());

        heartbeat(sender, partitions);
        Instant lastHeartbeat = Instant.now();
        int before = sent.size();
        FederationReport unchanged = new FederationPass(kusto).run(hub);

        assertThat(unchanged.failureMessages()).isEmpty();
        assertThat(unchanged.partitions()).isEqualTo(partitions.size());
        assertThat(unchanged.commandsSent()).isZero();
        assertThat(sent.subList(before, sent.size())).as("what the unchanged pass sent")
                .noneMatch(t -> t.startsWith(".create") || t.startsWith(".alter") || t.startsWith(".drop") || t.startsWith(".execute"));
        assertThat(functionBodies(cpuDatabase)).as("the user's function is left alone").containsKey(clusters.prefix + "PeakCpu");

        String leaving = partitions.get(partitions.size() - 1);
        List<String> staying = partitions.subList(0, partitions.size() - 1);
        // Only the staying partitions heartbeat; the leaving one drops out once its heartbeat is older than the TTL.
        await().atMost(target.heartbeatTtl().multipliedBy(4).plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    heartbeat(sender, staying);
                    FederationReport pass = new FederationPass(kusto).run(hub);
                    assertThat(pass.failureMessages()).isEmpty();
                    for (String database : hubDatabases) {
                        assertThat(entityGroups(database).get(cpuGroup)).as(database).doesNotContain(leaving).contains(staying.get(0));
                    }
                });
        assertThat(Duration.between(lastHeartbeat, Instant.now())).as("it left at the TTL, not before")
                .isGreaterThanOrEqualTo(target.heartbeatTtl().dividedBy(2));
        assertThat(functionBodies(cpuDatabase).get(clusters.cpuTable())).doesNotContain(leaving).contains(staying.get(0));
        long remaining = rowsOn(staying, cpuDatabase, cpu);
        assertThat(count(clusters.hub, cpuDatabase, cpu + "() | count")).isEqualTo(remaining).isLessThan(rows);
        assertThat(count(clusters.hub, cpuDatabase, peak + "() | count")).isEqualTo(staying.size());

        List<String> distinct = sent.stream().distinct().toList();
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            assertThat(verdicts.get(i).valid()).as(distinct.get(i) + " " + verdicts.get(i).describe()).isTrue();
        }
    }

    /** Partition {@code i} gets {@code i + 2} Cpu rows of its own host and one trace. */
    static void fill(String partition, int i) {
        String cpu = KqlText.identifier(clusters.cpuTable());
        String traces = KqlText.identifier(clusters.tracesTable());
        clusters.mgmt(partition, clusters.databases.get(0), ".create table " + cpu + " (Timestamp:datetime, Host:string, Value:real)");
        clusters.mgmt(partition, clusters.tracesDatabase(), ".create table " + traces + " (Timestamp:datetime, Message:string)");
        StringBuilder rows = new StringBuilder();
        for (int j = 0; j < i + 2; j++) {
            rows.append("\n2026-01-01T00:0").append(j).append(":00Z,p").append(i).append("-web,").append(i * 10 + j).append(".5");
        }
        clusters.mgmt(partition, clusters.databases.get(0), ".ingest inline into table " + cpu + " <|" + rows);
        clusters.mgmt(partition, clusters.tracesDatabase(), ".ingest inline into table " + traces + " <|\n2026-01-01T00:00:00Z,started");
    }

    static void heartbeat(HeartbeatSender sender, List<String> partitions) {
        FederatedTarget to = new FederatedTarget();
        to.endpoint = clusters.hub;
        to.heartbeatDatabase = hub.heartbeatTable().database();
        to.heartbeatTable = hub.heartbeatTable().table();
        for (String partition : partitions) {
            HeartbeatReport report = sender.send(partition, Map.of("suite", clusters.prefix), List.of(to));
            assertThat(report.failures()).as(partition).isEmpty();
        }
    }

    static long rowsOn(List<String> partitions, String database, String table) {
        long rows = 0;
        for (String partition : partitions) {
            rows += count(partition, database, table + " | count");
        }
        assertThat(rows).isPositive();
        return rows;
    }

    static long count(String cluster, String database, String query) {
        List<Long> counts = new ArrayList<>();
        clusters.connect(cluster).query(Stage.HEARTBEAT_READ, database, query,
                row -> counts.add(Long.parseLong(row.string("Count"))));
        assertThat(counts).as(query).hasSize(1);
        return counts.get(0);
    }

    static Map<String, String> entityGroups(String database) {
        Map<String, String> groups = new TreeMap<>();
        for (KustoRow row : clusters.mgmt(clusters.hub, database, ".show entity_groups")) {
            groups.put(row.string("Name"), row.string("Entities"));
        }
        return groups;
    }

    static Map<String, String> functionBodies(String database) {
        Map<String, String> bodies = new TreeMap<>();
        for (KustoRow row : clusters.mgmt(clusters.hub, database, ".show functions")) {
            bodies.put(row.string("Name"), row.string("Body"));
        }
        return bodies;
    }

    /** The SDK's clusters, recording every text the operator's passes send (the suite's own calls are not recorded). */
    static KustoConnector recording(KustoConnector target) {
        return (endpoint, identity) -> {
            Kusto cluster = target.connect(endpoint, identity);
            return new Kusto() {
                @Override
                public String endpoint() {
                    return cluster.endpoint();
                }

                @Override
                public List<KustoRow> mgmt(Stage stage, String database, String command) {
                    sent.add(command);
                    return cluster.mgmt(stage, database, command);
                }

                @Override
                public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
                    sent.add(query);
                    cluster.query(stage, database, query, rows);
                }
            };
        };
    }
}
