package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HeartbeatReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final String GOOD = "[{\"database\":\"Metrics\",\"tables\":[\"Cpu\"],\"views\":null}]";

    /**
     * One partition as a grouped page row carries it: its endpoint, timestamp and metadata in Partitions
     * (metadata as the dynamic value Kusto keeps), and the Schema cell as the client returned it.
     */
    static void accept(HeartbeatReading reading, String endpoint, Instant timestamp, Object schema, Object metadata) {
        ObjectNode partition = JSON.createObjectNode().put("ClusterEndpoint", endpoint);
        if (timestamp != null) {
            partition.put("Timestamp", timestamp.toString());
        }
        try {
            partition.set("PartitionMetadata", metadata instanceof String text ? JSON.readTree(text) : (JsonNode) metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        reading.acceptGroup(schema, JSON.createArrayNode().add(partition));
    }

    @Test
    void adxMonNullListsReadAsEmpty() {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1,
                "[{\"database\":\"Logs\",\"tables\":null,\"views\":null},{\"database\":\"Metrics\",\"tables\":[\"Cpu\"]}]", null);

        PartitionHeartbeat p = reading.partitions().get(0);
        assertThat(p.databases()).extracting(PartitionDatabase::name).containsExactly("Logs", "Metrics");
        assertThat(p.databases().get(0).tables()).isEmpty();
        assertThat(p.databases().get(1).tables()).containsExactly("Cpu");
    }

    @Test
    void schemaAsParsedJsonIsReadLikeSchemaAsText() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1, new ObjectMapper().readTree(GOOD), null);
        assertThat(reading.partitions().get(0).databases().get(0).tables()).containsExactly("Cpu");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://p1.kusto.windows.net | [{\"database\":\"Metrics\" | Schema is not JSON",
            "https://p1.kusto.windows.net | {\"database\":\"Metrics\"} | Schema is not a JSON array",
            "https://p1.kusto.windows.net | [{\"database\":\"Metrics'); .drop database Logs //\",\"tables\":[]}] | invalid database name",
            "https://p1.kusto.windows.net | [{\"database\":\"Metrics\",\"tables\":[\"Cpu ) } .drop table X\"]}] | invalid table (database Metrics) name",
            "https://p1.kusto.windows.net | [{\"database\":\"Metrics\",\"views\":[\"__internal\"]}] | invalid view (database Metrics) name",
            "https://p1.kusto.windows.net | [{\"database\":\"Metrics\",\"tables\":\"Cpu\"}] | tables of database Metrics that are not an array",
            "https://p1.kusto.windows.net | [{\"tables\":[\"Cpu\"]}] | invalid database name",
            "ftp://p1.kusto.windows.net | " + "[] | not an http(s) URL",
            "p1.kusto.windows.net | [] | not an http(s) URL",
            "https://p1.kusto.windows.net') | [] | scheme://host[:port][/path] only",
            "https://p1.kusto windows.net | [] | not a URL",
            "https://user@p1.kusto.windows.net | [] | scheme://host[:port][/path] only",
            "https://p1.kusto.windows.net/?x=1 | [] | scheme://host[:port][/path] only",
    })
    void malformedRowIsRecordedWithItsEndpointAndSkipped(String endpoint, String schema, String problem) {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://good.kusto.windows.net", T1, GOOD, null);

        accept(reading, endpoint, T1, schema, null);

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("https://good.kusto.windows.net");
        assertThat(reading.malformed()).singleElement().satisfies(m -> {
            assertThat(m.clusterEndpoint()).isEqualTo(endpoint);
            assertThat(m.problem()).contains(problem);
        });
    }

    @Test
    void nullSchemaAndEmptyEndpointAreMalformed() {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1, null, null);
        accept(reading, "", T1, GOOD, null);
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::problem)
                .containsExactly("Schema is null", "ClusterEndpoint is empty");
        assertThat(reading.partitions()).isEmpty();
    }

    @Test
    void twoSpellingsOfOneEndpointBecomeOnePartitionWithTheNewerSchema() {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "HTTPS://P1.Kusto.Windows.Net/", T1.plusSeconds(60),
                "[{\"database\":\"Metrics\",\"tables\":[\"Mem\"]}]", null);
        accept(reading, "https://p1.kusto.windows.net", T1, GOOD, null);

        assertThat(reading.partitions()).singleElement().satisfies(p -> {
            assertThat(p.clusterEndpoint()).isEqualTo("https://p1.kusto.windows.net");
            assertThat(p.databases().get(0).tables()).containsExactly("Mem");
        });
    }

    @Test
    void partitionsAreSortedByEndpoint() {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "http://127.0.0.1:9003", T1, GOOD, null);
        accept(reading, "http://127.0.0.1:9001", T1, GOOD, null);
        accept(reading, "http://127.0.0.1:9002", T1, GOOD, null);
        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("http://127.0.0.1:9001", "http://127.0.0.1:9002", "http://127.0.0.1:9003");
    }

    @Test
    void aHeartbeatDatedBeyondTheClockSkewIsMalformedAndOneWithinItCounts() {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://tomorrow.kusto.windows.net", T1.plusSeconds(86_400), GOOD, null);
        accept(reading, "https://skewed.kusto.windows.net", T1.plusSeconds(240), GOOD, null);
        accept(reading, "https://undated.kusto.windows.net", null, GOOD, null);

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("https://skewed.kusto.windows.net");
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::problem)
                .containsExactly("Timestamp 2026-11-26T10:00:00Z is more than 5 minutes in the future",
                        "Timestamp is missing or not a datetime");
    }

    @Test
    void partitionMetadataIsReadAsStringsAndANonObjectIsMalformed() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1, GOOD, "{\"region\":\"westeurope\",\"shards\":3}");
        accept(reading, "https://p2.kusto.windows.net", T1, GOOD, new ObjectMapper().readTree("{\"region\":\"eastus\"}"));
        accept(reading, "https://p3.kusto.windows.net", T1, GOOD, null);
        accept(reading, "https://p4.kusto.windows.net", T1, GOOD, "[1]");

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::metadata).containsExactly(
                java.util.Map.of("region", "westeurope", "shards", "3"), java.util.Map.of("region", "eastus"), java.util.Map.of());
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::problem).containsExactly("PartitionMetadata is not a JSON object");
    }

    @Test
    void aGroupedRowGivesEachOfItsPartitionsTheSameDatabasesAndChecksEachOnItsOwn() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        reading.acceptGroup(GOOD, new ObjectMapper().readTree("""
                [{"ClusterEndpoint":"https://p1.kusto.windows.net","Timestamp":"2026-11-25T09:59:00.1234567Z",
                  "PartitionMetadata":{"region":"westeurope"}},
                 {"ClusterEndpoint":"https://p2.kusto.windows.net","Timestamp":"2026-11-25T09:58:00Z","PartitionMetadata":null},
                 {"ClusterEndpoint":"ftp://p3.kusto.windows.net","Timestamp":"2026-11-25T09:58:00Z"},
                 {"ClusterEndpoint":"https://p4.kusto.windows.net","Timestamp":"yesterday"},
                 {"ClusterEndpoint":"https://p5.kusto.windows.net","Timestamp":"2026-11-26T10:00:00Z"}]"""));

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("https://p1.kusto.windows.net", "https://p2.kusto.windows.net");
        PartitionHeartbeat p1 = reading.partitions().get(0);
        assertThat(p1.timestamp()).isEqualTo(Instant.parse("2026-11-25T09:59:00.1234567Z"));
        assertThat(p1.metadata()).containsEntry("region", "westeurope");
        assertThat(reading.partitions().get(1).metadata()).isEmpty();
        assertThat(p1.databases().get(0).tables()).containsExactly("Cpu")
                .isSameAs(reading.partitions().get(1).databases().get(0).tables());
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::clusterEndpoint, MalformedHeartbeat::problem)
                .containsExactly(tuple("ftp://p3.kusto.windows.net", "ClusterEndpoint is not an http(s) URL"),
                        tuple("https://p4.kusto.windows.net", "Timestamp is missing or not a datetime"),
                        tuple("https://p5.kusto.windows.net", "Timestamp 2026-11-26T10:00:00Z is more than 5 minutes in the future"));
    }

    @Test
    void aGroupedSchemaThatIsNotValidIsReportedForEveryPartitionThatSentIt() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        reading.acceptGroup(GOOD, new ObjectMapper().readTree("[{\"ClusterEndpoint\":\"https://good.kusto.windows.net\","
                + "\"Timestamp\":\"2026-11-25T10:00:00Z\"}]"));
        reading.acceptGroup("{\"database\":\"Metrics\"}", new ObjectMapper().readTree(
                "[{\"ClusterEndpoint\":\"https://p1.kusto.windows.net\",\"Timestamp\":\"2026-11-25T10:00:00Z\"},"
                        + "{\"ClusterEndpoint\":\"https://p2.kusto.windows.net\",\"Timestamp\":\"2026-11-25T10:00:00Z\"}]"));
        reading.acceptGroup(GOOD, "not a list");

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint)
                .containsExactly("https://good.kusto.windows.net");
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::clusterEndpoint, MalformedHeartbeat::problem)
                .containsExactly(tuple("https://p1.kusto.windows.net", "Schema is not a JSON array of databases"),
                        tuple("https://p2.kusto.windows.net", "Schema is not a JSON array of databases"),
                        tuple("(unknown)", "Partitions is not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array,"
                                + " Object or token 'null', 'true' or 'false')"));
    }

    @Test
    void aDatabaseSplitInChunksOverThePartsOfAHeartbeatIsOneDatabaseAndThePartKeysAreNotMetadata() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1, "[{\"database\":\"Metrics\",\"tables\":[\"Cpu\"],\"views\":[]},"
                        + "{\"database\":\"Logs\",\"tables\":[\"Traces\"]},{\"database\":\"Metrics\",\"tables\":[\"Mem\"],\"views\":[\"Load\"]}]",
                "{\"region\":\"eu\",\"adxfedHeartbeatId\":\"x\",\"adxfedHeartbeatPart\":\"2\",\"adxfedHeartbeatParts\":\"2\"}");

        PartitionHeartbeat p1 = reading.partitions().get(0);
        assertThat(p1.databases()).extracting(PartitionDatabase::name).containsExactly("Logs", "Metrics");
        assertThat(p1.databases().get(1).tables()).containsExactly("Cpu", "Mem");
        assertThat(p1.databases().get(1).views()).containsExactly("Load");
        assertThat(p1.metadata()).isEqualTo(java.util.Map.of("region", "eu"));
        assertThat(reading.malformed()).isEmpty();
    }

    @Test
    void anUnusableNewestHeartbeatIsReportedAndSaysWhenTheKeptOneIsFrom() throws Exception {
        HeartbeatReading reading = new HeartbeatReading(T1);
        accept(reading, "https://p1.kusto.windows.net", T1.minusSeconds(600), GOOD, null);
        reading.acceptGroup(null, new ObjectMapper().readTree("""
                [{"ClusterEndpoint":"https://p1.kusto.windows.net","Timestamp":"2026-11-25T10:00:00Z",
                  "Problem":{"Parts":3,"Received":2,"Arrays":2,"Nulls":0}}]"""));
        reading.acceptGroup(null, new ObjectMapper().readTree("""
                [{"ClusterEndpoint":"https://p2.kusto.windows.net","Timestamp":"2026-11-25T10:00:00Z",
                  "Problem":{"Parts":1,"Received":1,"Arrays":0,"Nulls":1}}]"""));
        reading.acceptGroup(null, new ObjectMapper().readTree("""
                [{"ClusterEndpoint":"https://p3.kusto.windows.net","Timestamp":"2026-11-25T10:00:00Z",
                  "Problem":{"Parts":1,"Received":1,"Arrays":0,"Nulls":0}}]"""));

        assertThat(reading.partitions()).extracting(PartitionHeartbeat::clusterEndpoint).containsExactly("https://p1.kusto.windows.net");
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::clusterEndpoint, MalformedHeartbeat::keptSchemaOf)
                .containsExactly(tuple("https://p1.kusto.windows.net", java.util.Optional.of(T1.minusSeconds(600))),
                        tuple("https://p2.kusto.windows.net", java.util.Optional.empty()),
                        tuple("https://p3.kusto.windows.net", java.util.Optional.empty()));
        assertThat(reading.malformed()).extracting(MalformedHeartbeat::problem).satisfiesExactly(
                p -> assertThat(p).isEqualTo("heartbeat of 2026-11-25T10:00:00Z: only 2 of the 3 parts of a split heartbeat"
                        + " arrived; kept its last usable schema, of 2026-11-25T09:50:00Z"),
                p -> assertThat(p).startsWith("heartbeat of 2026-11-25T10:00:00Z: Schema is null (ADX stores null"),
                p -> assertThat(p).contains("Schema is not a JSON array of databases (truncated?)"));
    }
}
