package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.DegradedHeartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatShape;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions whose heartbeat is over ADX's 1 MB for a dynamic value, through the official Kusto SDK against
 * emulator clusters: a 7,000-table metrics database (adx-mon's four columns) and 5 databases of 20,000
 * tables of 10 columns, on a hub whose Schema column keeps the 1 MB default (its table was made before the
 * operator came) and on one the operator made (BigObject32).
 */
class BigHeartbeatsAgainstEmulatorTest {

    static final String HEARTBEATS = "FederationHeartbeats";
    static final List<String> BIG_DATABASES = List.of("Big1", "Big2", "Big3", "Big4", "Big5");

    static Emulator emulator;
    static VirtualCluster metrics;
    static VirtualCluster big;
    static VirtualCluster defaultHub;
    static VirtualCluster bigObjectHub;
    static VirtualCluster smallHub;
    static KustoClients clients = new KustoClients(StageTimeouts.all(Duration.ofMinutes(2)));

    @BeforeAll
    static void start() throws Exception {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>();
        for (String name : List.of("metrics", "big", "hub1mb", "hub32mb", "hubsmall")) {
            clusters.add(new EmulatorConfig.ClusterConfig(name, 0, List.of()));
        }
        emulator = Emulator.start(new EmulatorConfig("127.0.0.1", clusters, null));
        metrics = emulator.clusters().get(0);
        big = emulator.clusters().get(1);
        defaultHub = emulator.clusters().get(2);
        bigObjectHub = emulator.clusters().get(3);
        smallHub = emulator.clusters().get(4);
        seed(metrics, "Metrics", 7_000, List.of("Timestamp:datetime", "SeriesId:long", "Labels:dynamic", "Value:real"),
                "Metric%05d_container_cpu_seconds_total");
        List<String> tenColumns = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            tenColumns.add("Column" + c + ":string");
        }
        BIG_DATABASES.forEach(db -> seed(big, db, 20_000, tenColumns, "Table%05d_of_a_big_database"));
        Kusto oneMegabyte = clients.connect(defaultHub.url(), null);
        oneMegabyte.mgmt(Stage.DATABASE_CREATE, null, ".create database " + HEARTBEATS + " volatile");
        oneMegabyte.mgmt(Stage.HEARTBEAT_TABLE, HEARTBEATS, table(defaultHub).heartbeatTable().createCommand());
    }

    /** Catalog set-up outside what is tested: 100,000 tables by command would take minutes. */
    static void seed(VirtualCluster cluster, String database, int tables, List<String> columns, String nameFormat) {
        List<Column> typed = columns.stream().map(c -> new Column(c.split(":")[0],
                ScalarType.fromKqlName(c.split(":")[1]).orElseThrow())).toList();
        TreeMap<String, Table> all = new TreeMap<>();
        for (int i = 0; i < tables; i++) {
            String name = String.format(nameFormat, i);
            all.put(name, Table.empty(name, typed));
        }
        cluster.catalog().update(s -> s.with(new Database(database, false, all, new TreeMap<>(), new TreeMap<>())));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Hub table(VirtualCluster hub) {
        return new Hub(hub.url(), new HeartbeatTable(HEARTBEATS, "Heartbeat"), Duration.ofHours(1), FederationSettings.defaults());
    }

    static FederatedTarget target(VirtualCluster hub) {
        return HubTarget.of(hub.url(), HEARTBEATS);
    }

    @Test
    void bigPartitionsAreMembersWithTheirFunctionsOnAOneMegabyteHubAndOnABigObject32Hub() {
        assertThat(new FederationPass(clients).run(table(bigObjectHub)).heartbeatsRead()).isTrue();
        assertThat(bigObjectHub.log().entries()).extracting(e -> e.text())
                .contains(".alter column Heartbeat.Schema policy encoding type='BigObject32'");
        assertThat(defaultHub.log().entries()).extracting(e -> e.text()).noneMatch(t -> t.contains("policy encoding type"));

        HeartbeatSender sender = new HeartbeatSender(clients, Clock.systemUTC());
        List<FederatedTarget> targets = List.of(target(defaultHub), target(bigObjectHub));
        HeartbeatReport fromMetrics = sender.send(metrics.url(), Map.of(), targets);
        HeartbeatReport fromBig = sender.send(big.url(), Map.of("region", "big"), targets);

        assertThat(fromMetrics.failures()).isEmpty();
        assertThat(fromBig.failures()).isEmpty();
        assertThat(fromMetrics.degraded()).extracting(DegradedHeartbeat::endpoint, DegradedHeartbeat::shape)
                .as("1.2 MB: names only under 1 MB, whole under 32 MB")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(defaultHub.url(), HeartbeatShape.WITHOUT_TABLE_SCHEMAS));
        assertThat(fromMetrics.degraded().get(0).schemaBytes()).isGreaterThan(1024 * 1024);
        DegradedHeartbeat split = fromBig.degraded().stream().filter(d -> d.endpoint().equals(defaultHub.url())).findFirst()
                .orElseThrow();
        assertThat(split.shape()).isEqualTo(HeartbeatShape.SPLIT);
        assertThat(split.rows()).isBetween(4, 8);
        assertThat(fromBig.degraded()).extracting(DegradedHeartbeat::endpoint).contains(defaultHub.url());

        for (VirtualCluster hub : List.of(defaultHub, bigObjectHub)) {
            FederationReport report = new FederationPass(clients).run(table(hub));
            assertThat(report.failureMessages()).as(hub.name()).isEmpty();
            assertThat(report.malformed()).as(hub.name()).isEmpty();
            assertThat(report.partitions()).as(hub.name()).isEqualTo(2);
            assertThat(report.partitionsByDatabase()).as(hub.name()).containsEntry("Metrics", 1).containsEntry("Big3", 1);
            Kusto hubKusto = clients.connect(hub.url(), null);
            assertThat(group(hubKusto, "Metrics")).contains(metrics.url());
            assertThat(group(hubKusto, "Big5")).contains(big.url());
            assertThat(functions(hubKusto, "Metrics")).as(hub.name()).isEqualTo(7_000);
            for (String db : BIG_DATABASES) {
                assertThat(functions(hubKusto, db)).as(hub.name() + " " + db).isEqualTo(20_000);
            }
        }
        List<String> texts = new ArrayList<>(List.of(table(defaultHub).heartbeatTable().schemaEncodingCommand(),
                dev.adxfed.operator.heartbeat.SchemaLimit.showCommand("Heartbeat")));
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(verdicts.get(i).valid()).as(texts.get(i) + " " + verdicts.get(i).describe()).isTrue();
        }
    }

    @Test
    void aNullTruncatedOrIncompleteNewestHeartbeatKeepsThePartitionsLastUsableSchemaAndIsReported() {
        VirtualCluster hub = smallHub;
        Kusto hubKusto = clients.connect(hub.url(), null);
        new FederationPass(clients).run(table(hub));
        Instant good = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        String schema = "\"[{\"\"database\"\":\"\"Small\"\",\"\"tables\"\":[\"\"Cpu\"\"],\"\"views\"\":[]}]\"";
        ingest(hubKusto, good, "https://null.test", schema, "{}");
        ingest(hubKusto, good, "https://truncated.test", schema, "{}");
        ingest(hubKusto, good, "https://incomplete.test", schema, "{}");
        Instant newer = good.plusSeconds(60);
        ingest(hubKusto, newer, "https://null.test", "", "{}");
        ingest(hubKusto, newer, "https://truncated.test", "\"[{\"\"database\"\":\"\"Sma\"", "{}");
        ingest(hubKusto, newer, "https://incomplete.test", "\"[{\"\"database\"\":\"\"Small\"\",\"\"tables\"\":[\"\"Mem\"\"]}]\"",
                "\"{\"\"adxfedHeartbeatId\"\":\"\"x\"\",\"\"adxfedHeartbeatPart\"\":\"\"1\"\",\"\"adxfedHeartbeatParts\"\":\"\"2\"\"}\"");
        ingest(hubKusto, newer, "https://never-good.test", "", "{}");

        FederationReport report = new FederationPass(clients).run(table(hub));

        assertThat(report.failureMessages()).isEmpty();
        assertThat(group(hubKusto, "Small")).contains("https://null.test", "https://truncated.test", "https://incomplete.test");
        assertThat(functionNames(hubKusto, "Small")).containsExactly("Cpu");
        assertThat(report.malformed()).filteredOn(MalformedHeartbeat::keptLastSchema)
                .extracting(MalformedHeartbeat::clusterEndpoint)
                .containsExactlyInAnyOrder("https://null.test", "https://truncated.test", "https://incomplete.test");
        assertThat(report.malformed()).allSatisfy(m -> assertThat(m.problem()).contains(newer.toString()));
        assertThat(report.malformed()).filteredOn(m -> m.clusterEndpoint().equals("https://null.test"))
                .singleElement().satisfies(m -> assertThat(m.problem()).contains("Schema is null")
                        .contains("kept its last usable schema, of " + good));
        assertThat(report.malformed()).filteredOn(m -> m.clusterEndpoint().equals("https://incomplete.test"))
                .singleElement().satisfies(m -> assertThat(m.problem()).contains("only 1 of the 2 parts"));
        assertThat(report.malformed()).filteredOn(m -> m.clusterEndpoint().equals("https://never-good.test"))
                .singleElement().satisfies(m -> assertThat(m.keptLastSchema()).isFalse());
    }

    static void ingest(Kusto hub, Instant at, String endpoint, String schemaCsv, String metadataCsv) {
        hub.mgmt(Stage.HEARTBEAT_INGEST, HEARTBEATS, ".ingest inline into table Heartbeat <| " + at + "," + endpoint + ","
                + schemaCsv + "," + metadataCsv);
    }

    static String group(Kusto hub, String database) {
        for (KustoRow row : hub.mgmt(Stage.ENTITY_GROUPS_SHOW, database, ".show entity_groups")) {
            if (row.string("Name").equals(database + "_Partitions")) {
                return row.string("Entities");
            }
        }
        return "";
    }

    static int functions(Kusto hub, String database) {
        return hub.mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").size();
    }

    static List<String> functionNames(Kusto hub, String database) {
        return hub.mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").stream().map(r -> r.string("Name")).toList();
    }
}
