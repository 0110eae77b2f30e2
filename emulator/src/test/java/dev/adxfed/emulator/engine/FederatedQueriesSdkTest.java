package dev.adxfed.emulator.engine;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.SdkSession;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The federation queries of issue 3, sent through the official Kusto Java SDK to virtual clusters: a hub and
 * partitions p1..p3 with a Cpu table, p4 without it, and (in one test) a partition in a second emulator that
 * is then stopped. Rows are compared exactly, as the SDK reads them.
 */
class FederatedQueriesSdkTest {
    private static final String DB = "Metrics";
    private static Emulator emulator;
    private static SdkSession hub;
    private static final List<String> failingTexts = new ArrayList<>();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void start() throws Exception {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>();
        for (String name : List.of("hub", "p1", "p2", "p3", "p4")) {
            clusters.add(new EmulatorConfig.ClusterConfig(name, 0, List.of(new EmulatorConfig.DatabaseConfig(DB, true, List.of(), List.of()))));
        }
        emulator = Emulator.start(new EmulatorConfig("127.0.0.1", clusters, null));
        hub = new SdkSession(emulator.cluster("hub").orElseThrow().endpoint());
        for (int p = 1; p <= 3; p++) {
            SdkSession partition = new SdkSession(emulator.cluster("p" + p).orElseThrow().endpoint());
            partition.mgmt(DB, ".create table Cpu (Timestamp:datetime, Host:string, Value:real)");
            partition.mgmt(DB, ".ingest inline into table Cpu <|\n"
                    + "2024-05-01T10:01:00Z,h" + p + "," + p + ".5\n"
                    + "2024-05-01T10:04:00Z,h" + p + "," + (p + 1) + "\n"
                    + "2024-05-01T10:06:00Z,shared," + (10 * p));
        }
        SdkSession p4 = new SdkSession(emulator.cluster("p4").orElseThrow().endpoint());
        p4.mgmt(DB, ".create table Memory (Timestamp:datetime, Value:real)");
        hub.mgmt(DB, ".create entity_group Metrics_Partitions (" + entity("p1") + ", " + entity("p2") + ", " + entity("p3") + ")");
        hub.mgmt(DB, ".create entity_group All_Partitions (" + entity("p1") + ", " + entity("p2") + ", " + entity("p3") + ", " + entity("p4") + ")");
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static String url(String cluster) {
        return emulator.cluster(cluster).orElseThrow().url();
    }

    private static String entity(String cluster) {
        return "cluster('" + url(cluster) + "').database('" + DB + "')";
    }

    /** A cell as text: numbers without trailing zeros, everything else as the SDK gave it. */
    private static String text(Object cell) {
        if (cell instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(cell);
    }

    private static List<List<String>> rows(SdkSession.Rows rows) {
        return rows.rows().stream().map(r -> r.stream().map(FederatedQueriesSdkTest::text).toList()).toList();
    }

    private static String wire(Instant t) {
        return t.toString().replace("Z", "") + (t.getNano() == 0 ? ".0000000Z" : "Z");
    }

    @Test
    void heartbeatQueryReturnsTheNewestRowPerEndpointWithinTheHour() {
        hub.mgmt(DB, ".create table Heartbeat (Timestamp:datetime, ClusterEndpoint:string, Schema:dynamic, PartitionMetadata:dynamic)");
        Instant old = NOW.minus(Duration.ofMinutes(90));
        Instant a1 = NOW.minus(Duration.ofMinutes(20));
        Instant a2 = NOW.minus(Duration.ofMinutes(5));
        Instant b1 = NOW.minus(Duration.ofMinutes(30));
        String schema = "\"[{\"\"database\"\":\"\"Metrics\"\",\"\"tables\"\":[\"\"Cpu\"\"]}]\"";
        hub.mgmt(DB, ".ingest inline into table Heartbeat <|\n"
                + old + ",https://a.example," + schema + ",\"{\"\"region\"\":\"\"west\"\"}\"\n"
                + a1 + ",https://a.example," + schema + ",\"{\"\"region\"\":\"\"west\"\"}\"\n"
                + a2 + ",https://a.example,\"[]\",\"{\"\"region\"\":\"\"west2\"\"}\"\n"
                + b1 + ",https://b.example," + schema + ",\"{}\"\n"
                + old + ",https://c.example,\"[]\",\"{}\"");
        SdkSession.Rows result = hub.query(DB,
                "Heartbeat | where Timestamp > ago(timespan(01:00:00)) | summarize arg_max(Timestamp, *) by ClusterEndpoint | sort by ClusterEndpoint asc");
        assertThat(result.columns()).containsExactly("ClusterEndpoint", "Timestamp", "Schema", "PartitionMetadata");
        assertThat(result.types()).containsExactly("string", "datetime", "dynamic", "dynamic");
        assertThat(rows(result)).containsExactly(
                List.of("https://a.example", wire(a2), "[]", "{\"region\":\"west2\"}"),
                List.of("https://b.example", wire(b1), "[{\"database\":\"Metrics\",\"tables\":[\"Cpu\"]}]", "{}"));
    }

    @Test
    void aFederatedFunctionOverThreePartitions() {
        hub.mgmt(DB, ".create-or-alter function with (skipvalidation=\"true\") FederatedCpu() { macro-expand entity_group ["
                + entity("p1") + ", " + entity("p2") + ", " + entity("p3") + "] as X ( X.Cpu ) }");
        assertThat(rows(hub.query(DB, "FederatedCpu | summarize n = count(), total = sum(Value) by Host | sort by Host asc")))
                .containsExactly(List.of("h1", "2", "3.5"), List.of("h2", "2", "5.5"), List.of("h3", "2", "7.5"), List.of("shared", "3", "60"));
        assertThat(rows(hub.query(DB, "FederatedCpu() | where Value > 15 | project Host, Value")))
                .containsExactlyInAnyOrder(List.of("shared", "20"), List.of("shared", "30"));
    }

    @Test
    void macroExpandOfTheStoredGroupSummarizesPerMember() {
        SdkSession.Rows result = hub.query(DB, "macro-expand Metrics_Partitions as X ( X.Cpu | summarize count() by bin(Timestamp, 5m) )");
        assertThat(result.columns()).containsExactly("Timestamp", "count_");
        assertThat(result.types()).containsExactly("datetime", "long");
        assertThat(rows(result)).containsExactlyInAnyOrder(
                List.of("2024-05-01T10:00:00.0000000Z", "2"), List.of("2024-05-01T10:05:00.0000000Z", "1"),
                List.of("2024-05-01T10:00:00.0000000Z", "2"), List.of("2024-05-01T10:05:00.0000000Z", "1"),
                List.of("2024-05-01T10:00:00.0000000Z", "2"), List.of("2024-05-01T10:05:00.0000000Z", "1"));
    }

    @Test
    void aUserFunctionBuiltOnTheEntityGroup() {
        hub.mgmt(DB, ".create-or-alter function PeakPerPartition() { macro-expand Metrics_Partitions as X "
                + "( X.Cpu | summarize Peak = max(Value) | extend Partition = X.$current_cluster_endpoint ) }");
        assertThat(rows(hub.query(DB, "PeakPerPartition | project Partition, Peak | sort by Peak asc")))
                .containsExactly(List.of(url("p1"), "10"), List.of(url("p2"), "20"), List.of(url("p3"), "30"));
    }

    @Test
    void aPartitionWithoutTheTableFailsUnlessIsfuzzy() {
        String error = queryError("macro-expand All_Partitions as X ( X.Cpu | count )");
        assertThat(error).contains("SEM0100").contains("'Cpu'").contains(url("p4"));
        assertThat(rows(hub.query(DB, "macro-expand isfuzzy=true All_Partitions as X ( X.Cpu | count ) | summarize sum(Count)")))
                .containsExactly(List.of("9"));
    }

    @Test
    void aStoppedPartitionInAnotherProcessFailsUnlessBestEffort() throws Exception {
        String remote;
        try (Emulator other = TestClusters.withEmptyDatabase("p5", DB)) {
            remote = other.endpoint().toString();
            SdkSession p5 = new SdkSession(other.endpoint());
            p5.mgmt(DB, ".create table Cpu (Timestamp:datetime, Host:string, Value:real)");
            p5.mgmt(DB, ".ingest inline into table Cpu <|\n2024-05-01T10:00:00Z,h5,5");
            assertThat(rows(hub.query(DB, "cluster('" + remote + "').database('" + DB + "').Cpu | extend Doubled = Value * 2")))
                    .containsExactly(List.of("2024-05-01T10:00:00.0000000Z", "h5", "5", "10"));
            String group = "entity_group [" + entity("p1") + ", cluster('" + remote + "').database('" + DB + "')]";
            assertThat(rows(hub.query(DB, "macro-expand " + group + " as X ( X.Cpu | summarize n = count() ) | summarize sum(n)")))
                    .containsExactly(List.of("4"));
        }
        String group = "entity_group [" + entity("p1") + ", cluster('" + remote + "').database('" + DB + "')]";
        String error = queryError("macro-expand " + group + " as X ( X.Cpu | count )");
        assertThat(error).contains("SEM0056").contains(remote).contains("unreachable");
        assertThat(rows(hub.query(DB, "macro-expand best_effort=true " + group + " as X ( X.Cpu | count )")))
                .containsExactly(List.of("3"));
        assertThat(hub.warnings(DB, "macro-expand best_effort=true " + group + " as X ( X.Cpu | count )"))
                .singleElement().asString().contains(remote);
        assertThat(hub.warnings(DB, "macro-expand entity_group [" + entity("p1") + "] as X ( X.Cpu | count )")).isEmpty();
    }

    @Test
    void creatingAFunctionValidatesItsBodyAcrossClustersUnlessSkipvalidation() {
        String body = "{ macro-expand All_Partitions as X ( X.Cpu ) }";
        assertThat(hub.mgmtError(DB, ".create function AllCpu() " + body))
                .contains("SEM0100").contains("'Cpu'").contains(url("p4"));
        assertThat(rows(hub.mgmt(DB, ".create function with (skipvalidation=\"true\") AllCpu() " + body)).get(0).get(0)).isEqualTo("AllCpu");
        assertThat(rows(hub.mgmt(DB, ".create function FuzzyCpu() { macro-expand isfuzzy=true All_Partitions as X ( X.Cpu ) }")).get(0).get(0))
                .isEqualTo("FuzzyCpu");
    }

    @Test
    void aManagementCommandPipedIntoQueryOperators() {
        SdkSession p1 = new SdkSession(emulator.cluster("p1").orElseThrow().endpoint());
        assertThat(rows(p1.mgmt(DB, ".show tables | where TableName == \"Cpu\" | count"))).containsExactly(List.of("1"));
    }

    private static String queryError(String query) {
        failingTexts.add(query);
        try {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(url("hub")));
            client.executeQuery(DB, query, null);
        } catch (DataServiceException | DataClientException e) {
            return e.getMessage();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return fail("'" + query + "' should have failed");
    }

    @AfterAll
    static void everyTextIsValidForMicrosoftsParserToo() {
        hub.assertParsersAgree();
        assertThat(MicrosoftKqlParser.check(failingTexts)).allSatisfy(v -> assertThat(v.valid()).isTrue());
    }
}
