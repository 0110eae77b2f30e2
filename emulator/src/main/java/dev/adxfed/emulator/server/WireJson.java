package dev.adxfed.emulator.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.ValueText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * JSON as the Kusto REST protocol writes it. Output is ASCII only (non-ASCII as {@code \\uXXXX}),
 * because the Java SDK corrupts multibyte characters split across network chunks.
 */
final class WireJson {

    /** Jackson's 20 MB bound on one string would refuse an ingestion whose text ADX accepts (records up to 64 MB). */
    private static final int MAX_STRING_CHARS = 256 * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .build());

    private WireJson() {}

    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator out = MAPPER.createGenerator(buffer)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Each row as a JSON array, each value as its type travels on the wire. */
    static void writeRows(JsonGenerator out, ResultTable table) throws IOException {
        out.writeArrayFieldStart("Rows");
        for (Object[] row : table.rows()) {
            writeRow(out, table, row);
        }
        out.writeEndArray();
    }

    static void writeRow(JsonGenerator out, ResultTable table, Object[] row) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < table.columns().size(); i++) {
            writeValue(out, table.columns().get(i).type(), row[i]);
        }
        out.writeEndArray();
    }

    /** The bytes {@code out} has produced so far, those still in its buffer included (for a generator of {@link #bytes}). */
    static long written(JsonGenerator out) {
        return ((ByteArrayOutputStream) out.getOutputTarget()).size() + out.getOutputBuffered();
    }

    static void writeValue(JsonGenerator out, ScalarType type, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (type) {
            case BOOL -> out.writeBoolean((Boolean) value);
            case INT -> out.writeNumber((Integer) value);
            case LONG -> out.writeNumber((Long) value);
            case REAL -> writeReal(out, (Double) value);
            case DECIMAL -> out.writeString(((BigDecimal) value).toPlainString());
            case STRING -> out.writeString((String) value);
            case DATETIME -> out.writeString(ValueText.datetime((Instant) value));
            case TIMESPAN -> out.writeString(ValueText.timespan((Duration) value));
            case GUID -> out.writeString(value.toString());
            case DYNAMIC -> MAPPER.writeTree(out, (JsonNode) value);
        }
    }

    /** Reals always carry a decimal point so the SDK reads them as reals; NaN and infinities go as strings. */
    private static void writeReal(JsonGenerator out, double value) throws IOException {
        if (Double.isNaN(value)) {
            out.writeString("NaN");
        } else if (Double.isInfinite(value)) {
            out.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            out.writeNumber(Double.toString(value));
        }
    }

    static void writeV2Columns(JsonGenerator out, ResultTable table) throws IOException {
        out.writeArrayFieldStart("Columns");
        for (Column c : table.columns()) {
            out.writeStartObject();
            out.writeStringField("ColumnName", c.name());
            out.writeStringField("ColumnType", c.type().kqlName());
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
