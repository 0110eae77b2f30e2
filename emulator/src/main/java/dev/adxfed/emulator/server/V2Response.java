package dev.adxfed.emulator.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adxfed.emulator.KustoError;
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
 *
 * <p>The primary result obeys the request's {@link ResultLimits} as ADX does: rows are sent until one limit
 * is passed, then the table's rows end with a {@code {"OneApiErrors": [...]}} object and the data set
 * completes with {@code HasErrors}, all in an HTTP 200 response (a partial query failure). The size counted
 * is that of the rows as serialized here, an approximation of the data size ADX counts.
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

    /** 0x80DA0003, E_QUERY_RESULT_SET_TOO_LARGE, as the signed int Kusto's status columns hold. */
    private static final int RESULT_SET_TOO_LARGE = 0x80DA0003;

    private V2Response() {}

    /** A response body and the primary result's rows it carries. */
    record Sent(byte[] body, long rows) {}

    static Sent of(QueryResult result, ResultLimits limits, String clusterName, String clientRequestId, UUID activityId) {
        long[] rows = new long[1];
        byte[] body = WireJson.bytes(out -> {
            out.writeStartArray();
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetHeader");
            out.writeBooleanField("IsProgressive", false);
            out.writeStringField("Version", "v2.0");
            out.writeBooleanField("IsFragmented", false);
            out.writeStringField("ErrorReportingPlacement", "EndOfTable");
            out.writeEndObject();
            if (result.visualization() != null) {
                ResultTable properties = extendedProperties(result);
                startTable(out, 0, "QueryProperties", "@ExtendedProperties", properties);
                WireJson.writeRows(out, properties);
                out.writeEndObject();
            }
            startTable(out, 1, "PrimaryResult", "PrimaryResult", result.table());
            out.writeArrayFieldStart("Rows");
            KustoError failure = writeRows(out, result.table(), limits, rows);
            if (failure != null) {
                out.writeStartObject();
                writeErrors(out, failure, clusterName, clientRequestId, activityId);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            ResultTable completion = completion(result, failure, rows[0], clientRequestId, activityId);
            startTable(out, 2, "QueryCompletionInformation", "QueryCompletionInformation", completion);
            WireJson.writeRows(out, completion);
            out.writeEndObject();
            out.writeStartObject();
            out.writeStringField("FrameType", "DataSetCompletion");
            out.writeBooleanField("HasErrors", failure != null);
            out.writeBooleanField("Cancelled", false);
            if (failure != null) {
                writeErrors(out, failure, clusterName, clientRequestId, activityId);
            }
            out.writeEndObject();
            out.writeEndArray();
        });
        return new Sent(body, rows[0]);
    }

    /** Writes rows until a limit is passed; returns the partial query failure, or null when every row fit. */
    private static KustoError writeRows(JsonGenerator out, ResultTable table, ResultLimits limits, long[] sent) throws IOException {
        long start = WireJson.written(out);
        for (Object[] row : table.rows()) {
            if (limits.tooManyRecords(sent[0] + 1)) {
                return KustoError.resultSetTooLarge(limits.recordsExceeded());
            }
            WireJson.writeRow(out, table, row);
            sent[0]++;
            if (limits.tooManyBytes(WireJson.written(out) - start)) {
                return KustoError.resultSetTooLarge(limits.bytesExceeded());
            }
        }
        return null;
    }

    private static void writeErrors(JsonGenerator out, KustoError failure, String clusterName, String clientRequestId,
                                    UUID activityId) throws IOException {
        out.writeArrayFieldStart("OneApiErrors");
        ErrorResponse.write(out, failure, clusterName, clientRequestId, activityId);
        out.writeEndArray();
    }

    /** ADX's v2 @ExtendedProperties: one row per property of a result table, here the visualization of table 1. */
    private static ResultTable extendedProperties(QueryResult result) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{1, "Visualization", WireJson.MAPPER.getNodeFactory().textNode(result.visualization().toString())});
        return new ResultTable(List.of(new Column("TableId", ScalarType.INT), new Column("Key", ScalarType.STRING),
                new Column("Value", ScalarType.DYNAMIC)), rows);
    }

    /**
     * One row for the outcome (Info, or Error for a partial query failure), then a Warning row per entity
     * that isfuzzy or best_effort skipped: where ADX reports a partial result, so a client can tell it from a full one.
     */
    private static ResultTable completion(QueryResult result, KustoError failure, long rowsSent, String clientRequestId,
                                          UUID activityId) {
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        if (failure == null) {
            String payload = "{\"Count\":1,\"Text\":\"Query completed successfully\",\"RowCount\":" + rowsSent + "}";
            rows.add(new Object[]{now, clientRequestId, activityId, activityId, activityId,
                    4, "Info", 0, "S_OK (0)", 4, "QueryInfo", payload});
        } else {
            rows.add(new Object[]{now, clientRequestId, activityId, activityId, activityId,
                    2, "Error", RESULT_SET_TOO_LARGE, failure.getMessage(), 4, "QueryInfo",
                    WireJson.MAPPER.createObjectNode().put("Count", 1).put("Text", failure.getMessage()).toString()});
        }
        for (String warning : result.warnings()) {
            rows.add(new Object[]{now, clientRequestId, activityId, activityId, activityId,
                    3, "Warning", 0, "S_OK (0)", 3, "QueryInfo", WireJson.MAPPER.createObjectNode().put("Count", 1).put("Text", warning).toString()});
        }
        return new ResultTable(COMPLETION_SHAPE.columns(), rows);
    }

    private static void startTable(JsonGenerator out, int id, String kind, String name, ResultTable table) throws IOException {
        out.writeStartObject();
        out.writeStringField("FrameType", "DataTable");
        out.writeNumberField("TableId", id);
        out.writeStringField("TableKind", kind);
        out.writeStringField("TableName", name);
        WireJson.writeV2Columns(out, table);
    }
}
