package dev.adxfed.emulator.server;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;

/** The v1 response of {@code /v1/rest/mgmt}: one table, the primary result. */
final class V1Response {

    private V1Response() {}

    static byte[] of(ResultTable table) {
        return WireJson.bytes(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("Tables");
            out.writeStartObject();
            out.writeStringField("TableName", "Table_0");
            out.writeArrayFieldStart("Columns");
            for (Column c : table.columns()) {
                out.writeStartObject();
                out.writeStringField("ColumnName", c.name());
                out.writeStringField("DataType", c.type().v1DataType());
                out.writeStringField("ColumnType", c.type().kqlName());
                out.writeEndObject();
            }
            out.writeEndArray();
            WireJson.writeRows(out, table);
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        });
    }
}
