package dev.adxfed.operator.federation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatPages;
import dev.adxfed.operator.heartbeat.HeartbeatReading;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import dev.adxfed.operator.kusto.CountingKusto;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paged heartbeat read through the Kusto SDK against an emulator hub: the size query picks the
 * pages, each page stays under its bound, every partition comes back exactly once, and the Schema the
 * hub receives holds names only.
 */
class HeartbeatPagingTest {

    static final int PARTITIONS = 40;
    static final HeartbeatTable TABLE = new HeartbeatTable("FederationHeartbeats", "Heartbeat");

    static Emulator emulator;
    static Kusto hubKusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(new EmulatorConfig("127.0.0.1", List.of(new EmulatorConfig.ClusterConfig("hub", 0, List.of())), null));
        hubKusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30))).connect(emulator.clusters().get(0).url(), null);
        hubKusto.mgmt(Stage.DATABASE_CREATE, null, HubDatabase.createCommand(TABLE.database()).text());
        hubKusto.mgmt(Stage.HEARTBEAT_TABLE, TABLE.database(), TABLE.createCommand());
        List<Column> columns = List.of(new Column("Timestamp", "datetime"), new Column("Host", "string"),
                new Column("Message", "string"));
        for (int p = 0; p < PARTITIONS; p++) {
            List<TableSchema> tables = new ArrayList<>();
            for (int t = 0; t <= p % 3; t++) {
                tables.add(new TableSchema("Table" + t, columns));
            }
            Heartbeat heartbeat = new Heartbeat(Instant.now(), "https://p" + p + ".westeurope.kusto.windows.net",
                    new PartitionSchema(List.of(new DatabaseSchema("Metrics", tables, List.of()),
                            new DatabaseSchema("Logs", List.of(new TableSchema("Traces", columns)), List.of()))),
                    Map.of("region", "westeurope"));
            hubKusto.mgmt(Stage.HEARTBEAT_INGEST, TABLE.database(), heartbeat.ingestCommand(TABLE.table()));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Passes every query on, keeping per heartbeat page the endpoints and the Schema texts of its rows. */
    static final class PageRecorder implements Kusto {
        final List<List<String>> endpointsByPage = new ArrayList<>();
        final List<List<String>> schemasByPage = new ArrayList<>();

        @Override
        public String endpoint() {
            return hubKusto.endpoint();
        }

        @Override
        public List<KustoRow> mgmt(Stage stage, String database, String command) {
            return hubKusto.mgmt(stage, database, command);
        }

        @Override
        public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
            List<String> endpoints = new ArrayList<>();
            List<String> schemas = new ArrayList<>();
            boolean page = query.contains("| project Schema, Partitions");
            if (page) {
                endpointsByPage.add(endpoints);
                schemasByPage.add(schemas);
            }
            hubKusto.query(stage, database, query, row -> {
                if (page) {
                    ((JsonNode) row.get("Partitions")).forEach(p -> endpoints.add(p.path("ClusterEndpoint").asText()));
                    schemas.add(String.valueOf(row.get("Schema")));
                }
                rows.accept(row);
            });
        }
    }

    @Test
    void pagesStayUnderTheirBoundAndReadEveryPartitionExactlyOnce() {
        HeartbeatPages bound = new HeartbeatPages(20, 1 << 20);
        Hub hub = new Hub(emulator.clusters().get(0).url(), TABLE, Duration.ofHours(1), FederationSettings.defaults(), bound);
        PageRecorder recorder = new PageRecorder();
        HeartbeatReading reading = new HeartbeatReading(Instant.now());

        int pages = HubInputs.readHeartbeats(new CountingKusto(recorder), hub, reading);

        assertThat(pages).as("40 partitions at 10 a page").isEqualTo(4);
        assertThat(recorder.endpointsByPage).hasSize(4).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(20));
        Map<String, Integer> times = new HashMap<>();
        recorder.endpointsByPage.forEach(page -> page.forEach(e -> times.merge(e, 1, Integer::sum)));
        assertThat(times).hasSize(PARTITIONS).allSatisfy((endpoint, n) -> assertThat(n).as(endpoint).isOne());
        assertThat(recorder.schemasByPage).allSatisfy(schemas -> assertThat(schemas).as("one row per distinct Schema")
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3)
                .noneMatch(s -> s.contains("tableSchemas") || s.contains("datetime")));
        assertThat(reading.malformed()).isEmpty();
        PartitionHeartbeat p5 = reading.partitions().stream()
                .filter(p -> p.clusterEndpoint().equals("https://p5.westeurope.kusto.windows.net")).findFirst().orElseThrow();
        assertThat(p5.databases()).extracting(db -> db.name() + ":" + db.tables()).containsExactly("Logs:[Traces]",
                "Metrics:[Table0, Table1, Table2]");
        assertThat(p5.metadata()).containsEntry("region", "westeurope");
    }

    @Test
    void oneBoundLargeEnoughReadsEverythingInOnePage() {
        Hub hub = new Hub(emulator.clusters().get(0).url(), TABLE, Duration.ofHours(1), FederationSettings.defaults());
        PageRecorder recorder = new PageRecorder();
        HeartbeatReading reading = new HeartbeatReading(Instant.now());

        assertThat(HubInputs.readHeartbeats(new CountingKusto(recorder), hub, reading)).isOne();
        assertThat(reading.partitions()).hasSize(PARTITIONS);
    }

    @Test
    void everyMalformedSchemaComesBackToBeReportedAndNoneIsLostOnTheServer() {
        HeartbeatTable table = new HeartbeatTable(TABLE.database(), "OddHeartbeat");
        hubKusto.mgmt(Stage.HEARTBEAT_TABLE, table.database(), table.createCommand());
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(); // Kusto keeps 100 ns ticks
        hubKusto.mgmt(Stage.HEARTBEAT_INGEST, table.database(), ".ingest inline into table OddHeartbeat <|\n"
                + now + ",https://good.example,\"[{\"\"database\"\":\"\"Metrics\"\",\"\"tables\"\":[\"\"Cpu\"\"]}]\",\n"
                + now + ",https://text.example,\"\"\"just text\"\"\",\n"
                + now + ",https://object.example,\"{\"\"database\"\":\"\"Metrics\"\"}\",\n"
                + now + ",https://number.example,42,\n"
                + now + ",https://null.example,,\n"
                + now + ",https://empty.example,[],\n"
                + now + ",https://badname.example,\"[{\"\"database\"\":\"\"Metrics\"\",\"\"tables\"\":[\"\"bad;name\"\"]}]\",\n"
                + now + ",https://notbags.example,\"[1,2]\",");
        Hub hub = new Hub(emulator.clusters().get(0).url(), table, Duration.ofHours(1), FederationSettings.defaults());
        HeartbeatReading reading = new HeartbeatReading(Instant.now());

        HubInputs.readHeartbeats(new CountingKusto(hubKusto), hub, reading);

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("https://empty.example", "https://good.example");
        String notAnArray = ": heartbeat of " + now + ": Schema is not a JSON array of databases (truncated?)";
        assertThat(reading.malformed()).extracting(m -> m.clusterEndpoint() + ": " + m.problem())
                .filteredOn(m -> !m.startsWith("https://null.example")).containsExactlyInAnyOrder(
                "https://text.example" + notAnArray,
                "https://object.example" + notAnArray,
                "https://number.example" + notAnArray,
                "https://badname.example: Schema has an invalid table (database Metrics) name: \"bad;name\"",
                "https://notbags.example: Schema has an invalid database name: null");
        assertThat(reading.malformed()).extracting(m -> m.clusterEndpoint() + ": " + m.problem())
                .contains("https://null.example: heartbeat of " + now + ": Schema is null (ADX stores null for a value over"
                        + " the Schema column's limit: 1 MB, or 2 MB with the BigObject encoding policy, 32 MB with BigObject32)");
    }
}
