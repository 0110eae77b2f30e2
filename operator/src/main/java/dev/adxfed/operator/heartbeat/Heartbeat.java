package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.kql.KqlText;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One heartbeat row, in the format Azure/adx-mon's hubs read:
 * {@code (Timestamp, ClusterEndpoint, Schema, PartitionMetadata)}, sent as one CSV row with
 * {@code .ingest inline}.
 */
public record Heartbeat(Instant timestamp, String clusterEndpoint, PartitionSchema schema,
                        Map<String, String> partitionMetadata) {

    private static final ObjectMapper JSON = new ObjectMapper();
    // RFC 4180 without the trailing line break: the row ends the command text.
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("").build();

    public Heartbeat {
        timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
        partitionMetadata = partitionMetadata == null ? Map.of() : new TreeMap<>(partitionMetadata);
    }

    /** Schema as adx-mon writes it: {@code [{"database","tables","tableSchemas","views"}, ...]}. */
    public String schemaJson() {
        return schemaJson(true);
    }

    /** Schema with or without each database's {@code tableSchemas} (the columns of every table and view). */
    public String schemaJson(boolean withTableSchemas) {
        ArrayNode databases = JSON.createArrayNode();
        for (DatabaseSchema db : schema.databases()) {
            databases.add(entry(db.name(), db.tables().stream().map(TableSchema::name).toList(),
                    db.views().stream().map(TableSchema::name).toList()));
            if (withTableSchemas) {
                ObjectNode tableSchemas = JSON.createObjectNode();
                db.tables().forEach(t -> tableSchemas.put(t.name(), t.columnsText()));
                db.views().forEach(v -> tableSchemas.put(v.name(), v.columnsText()));
                if (!tableSchemas.isEmpty()) {
                    ObjectNode entry = (ObjectNode) databases.get(databases.size() - 1);
                    ArrayNode views = (ArrayNode) entry.remove("views");
                    entry.set("tableSchemas", tableSchemas);
                    entry.set("views", views);
                }
            }
        }
        return write(databases);
    }

    /** One database entry of a Schema without tableSchemas: {@code {"database","tables","views"}}. */
    static ObjectNode entry(String database, List<String> tables, List<String> views) {
        ObjectNode entry = JSON.createObjectNode().put("database", database);
        ArrayNode tableNames = entry.putArray("tables");
        tables.forEach(tableNames::add);
        ArrayNode viewNames = entry.putArray("views");
        views.forEach(viewNames::add);
        return entry;
    }

    public String partitionMetadataJson() {
        return write(JSON.valueToTree(partitionMetadata));
    }

    /** The row as RFC 4180 CSV: Timestamp (ISO-8601 UTC), ClusterEndpoint, Schema, PartitionMetadata. */
    public String csvRow() {
        return csvRow(schemaJson(), partitionMetadata);
    }

    /** A row of this heartbeat with another Schema value and metadata, for the degraded shapes. */
    String csvRow(String schemaJson, Map<String, String> metadata) {
        StringBuilder row = new StringBuilder();
        try {
            CSV.printRecord(row, timestamp.toString(), clusterEndpoint, schemaJson, write(JSON.valueToTree(new TreeMap<>(metadata))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row.toString();
    }

    /** {@code .ingest inline into table T <| row}, sent in the heartbeat database of the target. */
    public String ingestCommand(String heartbeatTable) {
        return ".ingest inline into table " + KqlText.identifier(heartbeatTable) + " <| " + csvRow();
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
