package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");

    static Heartbeat heartbeat(int databases, int tables, int columns) {
        List<DatabaseSchema> dbs = new ArrayList<>();
        for (int d = 0; d < databases; d++) {
            List<TableSchema> all = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                List<Column> cols = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cols.add(new Column("Column" + c, "string"));
                }
                all.add(new TableSchema(String.format("Table%05d_é", t), cols));
            }
            dbs.add(new DatabaseSchema("Db" + d, all, List.of(new TableSchema("View" + d, List.of(new Column("A", "long"))))));
        }
        return new Heartbeat(T1, "https://p1.kusto.windows.net", new PartitionSchema(dbs), Map.of("region", "eu"));
    }

    static List<CSVRecord> records(HeartbeatRows rows) throws Exception {
        List<CSVRecord> records = new ArrayList<>();
        for (String row : rows.rows()) {
            records.addAll(CSVFormat.RFC4180.parse(new java.io.StringReader(row)).getRecords());
        }
        return records;
    }

    @Test
    void aHeartbeatThatFitsIsTheOneRowAdxMonWrites() {
        Heartbeat small = heartbeat(2, 10, 3);
        HeartbeatRows rows = HeartbeatRows.of(small, SchemaLimit.DEFAULT, "id");
        assertThat(rows.shape()).isEqualTo(HeartbeatShape.WHOLE);
        assertThat(rows.rows()).containsExactly(small.csvRow());
        assertThat(rows.ingestCommands("Heartbeat")).containsExactly(small.ingestCommand("Heartbeat"));
    }

    @Test
    void overTheLimitTableSchemasGoFirstThenTheSchemaIsSplitInPartsOfWholeDatabasesOrChunks() throws Exception {
        Heartbeat big = heartbeat(3, 20_000, 4);
        HeartbeatRows namesOnly = HeartbeatRows.of(big, new SchemaLimit(2L * 1024 * 1024, "test"), "id");
        assertThat(namesOnly.shape()).isEqualTo(HeartbeatShape.WITHOUT_TABLE_SCHEMAS);
        assertThat(records(namesOnly).get(0).get(2)).doesNotContain("tableSchemas");

        HeartbeatRows split = HeartbeatRows.of(big, new SchemaLimit(300_000, "test"), "the-id");
        assertThat(split.shape()).isEqualTo(HeartbeatShape.SPLIT);
        List<CSVRecord> parts = records(split);
        assertThat(parts).hasSizeGreaterThan(3);
        Set<String> tables = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            CSVRecord part = parts.get(i);
            assertThat(part.get(0)).isEqualTo("2026-11-25T10:00:00Z");
            assertThat((long) part.get(2).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(new SchemaLimit(300_000, "t").bytes());
            JsonNode metadata = JSON.readTree(part.get(3));
            assertThat(metadata.path("region").asText()).isEqualTo("eu");
            assertThat(metadata.path(HeartbeatRows.ID_KEY).asText()).isEqualTo("the-id");
            assertThat(metadata.path(HeartbeatRows.PART_KEY).asText()).isEqualTo(Integer.toString(i + 1));
            assertThat(metadata.path(HeartbeatRows.PARTS_KEY).asText()).isEqualTo(Integer.toString(parts.size()));
            for (JsonNode db : JSON.readTree(part.get(2))) {
                db.path("tables").forEach(t -> tables.add(db.path("database").asText() + "." + t.asText()));
                db.path("views").forEach(v -> tables.add(db.path("database").asText() + ".view " + v.asText()));
            }
        }
        assertThat(tables).hasSize(3 * 20_001).contains("Db2.Table19999_é", "Db0.view View0");
        assertThat(split.ingestCommands("Heartbeat")).singleElement().satisfies(c -> assertThat(c)
                .startsWith(".ingest inline into table Heartbeat <| 2026-11-25T10:00:00Z,"));
    }

    @Test
    void theLimitIsReadFromTheColumnsPolicyLenientlyAndIsTheDefaultWhenUnknown() {
        assertThat(SchemaLimit.fromPolicy("{\"EncodingProfile\":\"BigObject32\",\"MaxValueSize\":33554432}").maxValueSize())
                .isEqualTo(33_554_432);
        assertThat(SchemaLimit.fromPolicy("{\"EncodingPolicyType\":\"BigObject\"}").maxValueSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(SchemaLimit.fromPolicy("BigObject32").maxValueSize()).isEqualTo(32L * 1024 * 1024);
        assertThat(SchemaLimit.fromPolicy("null")).isEqualTo(SchemaLimit.DEFAULT);
        assertThat(SchemaLimit.fromPolicy(null)).isEqualTo(SchemaLimit.DEFAULT);
        assertThat(SchemaLimit.DEFAULT.bytes()).isLessThan(1_000_000);
    }
}
