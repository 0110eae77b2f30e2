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
        ArrayNode databases = JSON.createArrayNode();
        for (DatabaseSchema db : schema.databases()) {
            ObjectNode entry = databases.addObject().put("database", db.name());
            ArrayNode tables = entry.putArray("tables");
            db.tables().forEach(t -> tables.add(t.name()));
            ObjectNode tableSchemas = JSON.createObjectNode();
            db.tables().forEach(t -> tableSchemas.put(t.name(), t.columnsText()));
            db.views().forEach(v -> tableSchemas.put(v.name(), v.columnsText()));
            if (!tableSchemas.isEmpty()) {
                entry.set("tableSchemas", tableSchemas);
            }
            ArrayNode views = entry.putArray("views");
            db.views().forEach(v -> views.add(v.name()));
        }
        return write(databases);
    }

    public String partitionMetadataJson() {
        return write(JSON.valueToTree(partitionMetadata));
    }

    /** The row as RFC 4180 CSV: Timestamp (ISO-8601 UTC), ClusterEndpoint, Schema, PartitionMetadata. */
    public String csvRow() {
        StringBuilder row = new StringBuilder();
        try {
            CSV.printRecord(row, timestamp.toString(), clusterEndpoint, schemaJson(), partitionMetadataJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row.toString();
    }

    /** {@code .ingest inline into table T <| row}, sent in the heartbeat database of the target. */
    public String ingestCommand(String heartbeatTable) {
        return ".ingest inline into table " + KqlText.identifier(heartbeatTable) + " <| " + csvRow();
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
