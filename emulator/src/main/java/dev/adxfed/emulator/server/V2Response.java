package dev.adxfed.emulator.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The v2 response of {@code /v2/rest/query}: a JSON array of frames, written whole (the SDK
 * buffers responses, so progressive frames buy nothing).
 */
final class V2Response {

    private static final ResultTable COMPLETION_SHAPE = new ResultTable(List.of(
            new Column("Timestamp", ScalarType.DATETIME),
            new Column("ClientRequestId", ScalarType.STRING),
            new Column("ActivityId", ScalarType.GUID),
            new Column("SubActivityId", ScalarType.GUID),
            new Column("ParentActivityId", ScalarType.GUID),
            new Column("Level", ScalarType.INT),
            new Column("LevelName", ScalarType.STRING),
            new Column("StatusCode", ScalarType.INT),
            new Column("StatusCodeName", ScalarType.STRING),
            new Column("EventType", ScalarType.INT),
            new Column("EventTypeName", ScalarType.STRING),
            new Column("Payload", ScalarType.STRING)), List.of());

    private V2Response() {}

    static byte[] of(QueryResult result, String clientRequestId, UUID activityId) {
        ResultTable primary = result.table();
        return WireJson.bytes(out -> {
            out.writeStartArray();
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetHeader");
            out.writeBooleanField("IsProgressive", false);
            out.writeStringField("Version", "v2.0");
            out.writeBooleanField("IsFragmented", false);
            out.writeStringField("ErrorReportingPlacement", "EndOfTable");
            out.writeEndObject();
            if (result.visualization() != null) {
                writeTable(out, 0, "QueryProperties", "@ExtendedProperties", extendedProperties(result));
            }
            writeTable(out, 1, "PrimaryResult", "PrimaryResult", primary);
            writeTable(out, 2, "QueryCompletionInformation", "QueryCompletionInformation",
                    completion(result, clientRequestId, activityId));
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetCompletion");
            out.writeBooleanField("HasErrors", false);
            out.writeBooleanField("Cancelled", false);
            out.writeEndObject();
            out.writeEndArray();
        });
    }

    /** ADX's v2 @ExtendedProperties: one row per property of a result table, here the visualization of table 1. */
    private static ResultTable extendedProperties(QueryResult result) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{1, "Visualization", WireJson.MAPPER.getNodeFactory().textNode(result.visualization().toString())});
        return new ResultTable(List.of(new Column("TableId", ScalarType.INT), new Column("Key", ScalarType.STRING),
                new Column("Value", ScalarType.DYNAMIC)), rows);
    }

    /**
     * One Info row for the outcome, then a Warning row per entity that isfuzzy or best_effort
     * skipped: where ADX reports a partial result, so a client can tell it from a full one.
     */
    private static ResultTable completion(QueryResult result, String clientRequestId, UUID activityId) {
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        String payload = "{\"Count\":1,\"Text\":\"Query completed successfully\",\"RowCount\":" + result.table().rows().size() + "}";
        rows.add(new Object[]{now, clientRequestId, activityId, activityId, activityId,
                4, "Info", 0, "S_OK (0)", 4, "QueryInfo", payload});
        for (String warning : result.warnings()) {
            rows.add(new Object[]{now, clientRequestId, activityId, activityId, activityId,
                    3, "Warning", 0, "S_OK (0)", 3, "QueryInfo", WireJson.MAPPER.createObjectNode().put("Count", 1).put("Text", warning).toString()});
        }
        return new ResultTable(COMPLETION_SHAPE.columns(), rows);
    }

    private static void writeTable(JsonGenerator out, int id, String kind, String name, ResultTable table) throws IOException {
        out.writeStartObject();
        out.writeStringField("FrameType", "DataTable");
        out.writeNumberField("TableId", id);
        out.writeStringField("TableKind", kind);
        out.writeStringField("TableName", name);
        WireJson.writeV2Columns(out, table);
        WireJson.writeRows(out, table);
        out.writeEndObject();
    }
}
