package dev.adxfed.operator.heartbeat;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456Z");

    static PartitionSchema metricsAndLogs() {
        return new PartitionSchema(List.of(
                new DatabaseSchema("Metrics",
                        List.of(new TableSchema("Mem", List.of(new Column("Bytes", "long"))),
                                new TableSchema("Cpu", List.of(new Column("Timestamp", "datetime"),
                                        new Column("Value", "real")))),
                        List.of(new TableSchema("CpuByHost", List.of(new Column("Host", "string"))))),
                new DatabaseSchema("Empty", List.of(), List.of())));
    }

    @Test
    void schemaIsAnArrayOfDatabasesInAdxMonsFormatSortedByName() {
        Heartbeat heartbeat = new Heartbeat(NOW, "https://p1.kusto.windows.net", metricsAndLogs(), Map.of());

        assertThat(heartbeat.schemaJson()).isEqualTo("["
                + "{\"database\":\"Empty\",\"tables\":[],\"views\":[]},"
                + "{\"database\":\"Metrics\",\"tables\":[\"Cpu\",\"Mem\"],"
                + "\"tableSchemas\":{\"Cpu\":\"['Timestamp']:datetime, ['Value']:real\",\"Mem\":\"['Bytes']:long\","
                + "\"CpuByHost\":\"['Host']:string\"},"
                + "\"views\":[\"CpuByHost\"]}]");
    }

    @Test
    void csvRowHoldsTheFourColumnsWithJsonQuotedByRfc4180() throws IOException {
        Map<String, String> partitioning = Map.of("geo", "EU", "note", "a \"quoted\", comma");
        Heartbeat heartbeat = new Heartbeat(NOW, "https://p1.kusto.windows.net", metricsAndLogs(), partitioning);

        String row = heartbeat.csvRow();

        assertThat(row).doesNotContain("\n").startsWith("2026-11-25T10:15:30Z,https://p1.kusto.windows.net,\"[{\"\"database\"\"");
        List<CSVRecord> records = CSVParser.parse(new StringReader(row), CSVFormat.RFC4180).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).toList()).containsExactly("2026-11-25T10:15:30Z", "https://p1.kusto.windows.net",
                heartbeat.schemaJson(), "{\"geo\":\"EU\",\"note\":\"a \\\"quoted\\\", comma\"}");
    }

    @Test
    void missingPartitioningIsSentAsAnEmptyObject() {
        Heartbeat heartbeat = new Heartbeat(NOW, "http://127.0.0.1:8080", new PartitionSchema(List.of()), null);
        assertThat(heartbeat.partitionMetadataJson()).isEqualTo("{}");
        assertThat(heartbeat.schemaJson()).isEqualTo("[]");
    }

    @Test
    void ingestCommandQuotesTheTableName() {
        Heartbeat heartbeat = new Heartbeat(NOW, "http://127.0.0.1:8080", new PartitionSchema(List.of()), Map.of());
        assertThat(heartbeat.ingestCommand("Heartbeat"))
                .isEqualTo(".ingest inline into table Heartbeat <| 2026-11-25T10:15:30Z,http://127.0.0.1:8080,[],{}");
        assertThat(heartbeat.ingestCommand("heart-beat")).startsWith(".ingest inline into table ['heart-beat'] <| ");
    }

    @Test
    void theHubReadsBackWhatThePartitionWrote() {
        Heartbeat heartbeat = new Heartbeat(NOW, "https://p1.kusto.windows.net", metricsAndLogs(), Map.of("region", "eastus"));
        HeartbeatReading reading = new HeartbeatReading(NOW);

        HeartbeatReadingTest.accept(reading, heartbeat.clusterEndpoint(), heartbeat.timestamp(), heartbeat.schemaJson(),
                heartbeat.partitionMetadataJson());

        assertThat(reading.malformed()).isEmpty();
        PartitionHeartbeat read = reading.partitions().get(0);
        assertThat(read.databases()).extracting(PartitionDatabase::name).containsExactly("Empty", "Metrics");
        assertThat(read.databases().get(1).tables()).containsExactly("Cpu", "Mem");
        assertThat(read.databases().get(1).views()).containsExactly("CpuByHost");
        assertThat(read.metadata()).containsExactly(Map.entry("region", "eastus"));
    }
}
