package dev.adxfed.emulator.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;

import java.io.IOException;
import java.time.Instant;
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

    static byte[] of(ResultTable primary, String clientRequestId, UUID activityId) {
        return WireJson.bytes(out -> {
            out.writeStartArray();
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetHeader");
            out.writeBooleanField("IsProgressive", false);
            out.writeStringField("Version", "v2.0");
            out.writeBooleanField("IsFragmented", false);
            out.writeStringField("ErrorReportingPlacement", "EndOfTable");
            out.writeEndObject();
            writeTable(out, 1, "PrimaryResult", "PrimaryResult", primary);
            writeTable(out, 2, "QueryCompletionInformation", "QueryCompletionInformation",
                    completion(primary, clientRequestId, activityId));
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetCompletion");
            out.writeBooleanField("HasErrors", false);
            out.writeBooleanField("Cancelled", false);
            out.writeEndObject();
            out.writeEndArray();
        });
    }

    private static ResultTable completion(ResultTable primary, String clientRequestId, UUID activityId) {
        String payload = "{\"Count\":1,\"Text\":\"Query completed successfully\",\"RowCount\":" + primary.rows().size() + "}";
        Object[] row = {Instant.now(), clientRequestId, activityId, activityId, activityId,
                4, "Info", 0, "S_OK (0)", 4, "QueryInfo", payload};
        return new ResultTable(COMPLETION_SHAPE.columns(), List.<Object[]>of(row));
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
