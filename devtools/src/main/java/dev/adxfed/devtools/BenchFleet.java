package dev.adxfed.devtools;

import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.EmulatorConfig.ClusterConfig;
import dev.adxfed.emulator.EmulatorConfig.DatabaseConfig;
import dev.adxfed.emulator.EmulatorConfig.TableConfig;
import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.Stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet {@code adxfed bench} measures: P partitions of D databases of T tables of C columns, the first few
 * of them emulator clusters and the rest heartbeat rows ingested straight into the hub. Tables have the
 * columns of ordinary telemetry tables, so that a heartbeat's {@code tableSchemas} is as large as a real
 * partition's. Synthetic partitions come in V schema variants, as a fleet does while a schema change rolls
 * out: variant v lacks the last v tables of its first database.
 */
record BenchFleet(int partitions, int databases, int tables, int columns, int targets, int variants) {

    static final int REAL_PARTITIONS = 3;
    static final String HEARTBEAT_DATABASE = "FederationHeartbeats";
    static final String HEARTBEAT_TABLE = "Heartbeat";
    /** Ingest commands stay near the size of a real hub's inline ingestion, not one 60 MB request. */
    private static final int INGEST_CHUNK_BYTES = 1 << 20;
    /** Columns as telemetry tables have them; past these, more string dimensions. */
    private static final List<Column> TELEMETRY_COLUMNS = List.of(
            new Column("Timestamp", "datetime"), new Column("Host", "string"), new Column("Region", "string"),
            new Column("Service", "string"), new Column("Level", "string"), new Column("Message", "string"),
            new Column("DurationMs", "real"), new Column("StatusCode", "int"), new Column("RequestId", "guid"),
            new Column("Properties", "dynamic"), new Column("BytesSent", "long"), new Column("Succeeded", "bool"),
            new Column("Latency", "timespan"), new Column("TenantId", "string"), new Column("Operation", "string"));

    int real() {
        return Math.min(REAL_PARTITIONS, partitions);
    }

    int synthetic() {
        return partitions - real();
    }

    List<Column> tableColumns() {
        List<Column> result = new ArrayList<>(TELEMETRY_COLUMNS.subList(0, Math.min(columns, TELEMETRY_COLUMNS.size())));
        for (int c = result.size() + 1; c <= columns; c++) {
            result.add(new Column("Dimension" + c, "string"));
        }
        return result;
    }

    EmulatorConfig emulatorConfig() {
        Map<String, String> tableColumns = new LinkedHashMap<>();
        tableColumns().forEach(c -> tableColumns.put(c.name(), c.type()));
        List<DatabaseConfig> partitionDatabases = new ArrayList<>();
        for (int d = 1; d <= databases; d++) {
            List<TableConfig> tableConfigs = new ArrayList<>();
            for (int t = 1; t <= tables; t++) {
                tableConfigs.add(new TableConfig(tableName(t), tableColumns, List.of()));
            }
            partitionDatabases.add(new DatabaseConfig(databaseName(d), false, tableConfigs, List.of()));
        }
        List<ClusterConfig> clusters = new ArrayList<>();
        for (int p = 1; p <= real(); p++) {
            clusters.add(new ClusterConfig(partitionName(p), 0, partitionDatabases));
        }
        Map<String, String> heartbeatColumns = new LinkedHashMap<>();
        heartbeatColumns.put("Timestamp", "datetime");
        heartbeatColumns.put("ClusterEndpoint", "string");
        heartbeatColumns.put("Schema", "dynamic");
        heartbeatColumns.put("PartitionMetadata", "dynamic");
        for (int t = 1; t <= targets; t++) {
            clusters.add(new ClusterConfig(hubName(t), 0, List.of(new DatabaseConfig(HEARTBEAT_DATABASE, false,
                    List.of(new TableConfig(HEARTBEAT_TABLE, heartbeatColumns, List.of())), List.of()))));
        }
        return new EmulatorConfig(EmulatorConfig.DEFAULT_HOST, clusters, null);
    }

    /** What the emulator partitions and variant 0 report: D databases of T tables of C columns. */
    PartitionSchema schema() {
        return schema(0);
    }

    /** Variant v: the first database lacks its last v tables (never all of them). */
    PartitionSchema schema(int variant) {
        List<Column> tableColumns = tableColumns();
        List<DatabaseSchema> schemas = new ArrayList<>();
        for (int d = 1; d <= databases; d++) {
            int count = d == 1 ? Math.max(1, tables - variant) : tables;
            List<TableSchema> tableSchemas = new ArrayList<>();
            for (int t = 1; t <= count; t++) {
                tableSchemas.add(new TableSchema(tableName(t), tableColumns));
            }
            schemas.add(new DatabaseSchema(databaseName(d), tableSchemas, List.of()));
        }
        return new PartitionSchema(schemas);
    }

    /** The variant synthetic partition i reports. */
    int variant(int i) {
        return i % variants;
    }

    /** Rows built by the heartbeat package, as partitions write them, several per {@code .ingest inline}; returns the commands sent. */
    int ingestSyntheticHeartbeats(Kusto hub) {
        List<PartitionSchema> schemas = new ArrayList<>();
        for (int v = 0; v < variants; v++) {
            schemas.add(schema(v));
        }
        Instant now = Instant.now();
        StringBuilder chunk = new StringBuilder();
        int commands = 0;
        for (int i = 1; i <= synthetic(); i++) {
            String row = new Heartbeat(now, syntheticEndpoint(i), schemas.get(variant(i)), Map.of("partition", "synthetic-" + i)).csvRow();
            if (chunk.length() > 0 && chunk.length() + row.length() > INGEST_CHUNK_BYTES) {
                ingest(hub, chunk);
                commands++;
            }
            chunk.append(chunk.length() == 0 ? "" : "\n").append(row);
        }
        if (chunk.length() > 0) {
            ingest(hub, chunk);
            commands++;
        }
        return commands;
    }

    private static void ingest(Kusto hub, StringBuilder rows) {
        hub.mgmt(Stage.HEARTBEAT_INGEST, HEARTBEAT_DATABASE, ".ingest inline into table " + HEARTBEAT_TABLE + " <| " + rows);
        rows.setLength(0);
    }

    static String syntheticEndpoint(int i) {
        return String.format("https://synthetic-%05d.bench.example", i);
    }

    static String partitionName(int p) {
        return "partition" + p;
    }

    static String hubName(int t) {
        return "hub" + t;
    }

    static String databaseName(int d) {
        return "Db" + d;
    }

    static String tableName(int t) {
        return String.format("Table%04d", t);
    }
}
