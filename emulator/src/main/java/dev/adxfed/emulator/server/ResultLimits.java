package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.KustoError;

import java.util.Map;

/**
 * Kusto's result truncation: a query result may hold at most {@code maxRecords} records and
 * {@code maxBytes} bytes of data (500,000 and 64 MB unless the request says otherwise). The request's
 * properties ({@code Options}) set them, and the query's {@code set} statements override those:
 * {@code notruncation} lifts both, {@code truncationmaxrecords} and {@code truncationmaxsize} set one each.
 */
record ResultLimits(long maxRecords, long maxBytes) {

    static final long DEFAULT_MAX_RECORDS = 500_000;
    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    static final ResultLimits DEFAULT = new ResultLimits(DEFAULT_MAX_RECORDS, DEFAULT_MAX_BYTES);

    private static final String NO_TRUNCATION = "notruncation";
    private static final String MAX_SIZE = "truncationmaxsize";
    private static final String MAX_RECORDS = "truncationmaxrecords";

    /** The limits of a query sent with {@code properties} whose text set {@code options}. */
    static ResultLimits of(JsonNode properties, Map<String, Object> options) {
        JsonNode requestOptions = properties.path("Options");
        boolean noTruncation = bool(NO_TRUNCATION, options.containsKey(NO_TRUNCATION) ? options.get(NO_TRUNCATION)
                : value(requestOptions.get(NO_TRUNCATION)));
        long records = noTruncation ? Long.MAX_VALUE : DEFAULT_MAX_RECORDS;
        long bytes = noTruncation ? Long.MAX_VALUE : DEFAULT_MAX_BYTES;
        Object maxRecords = options.containsKey(MAX_RECORDS) ? options.get(MAX_RECORDS) : value(requestOptions.get(MAX_RECORDS));
        Object maxSize = options.containsKey(MAX_SIZE) ? options.get(MAX_SIZE) : value(requestOptions.get(MAX_SIZE));
        return new ResultLimits(maxRecords == null ? records : count(MAX_RECORDS, maxRecords),
                maxSize == null ? bytes : count(MAX_SIZE, maxSize));
    }

    boolean tooManyRecords(long records) {
        return records > maxRecords;
    }

    boolean tooManyBytes(long bytes) {
        return bytes > maxBytes;
    }

    /** Kusto's text for a result over its record limit. */
    String recordsExceeded() {
        return "Query result set has exceeded the internal record count limit " + maxRecords + " (E_QUERY_RESULT_SET_TOO_LARGE).";
    }

    /** Kusto's text for a result over its size limit. */
    String bytesExceeded() {
        return "Query result set has exceeded the internal data size limit " + maxBytes + " (E_QUERY_RESULT_SET_TOO_LARGE).";
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNumber() ? (Object) node.longValue() : node.asText();
    }

    private static boolean bool(String name, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw KustoError.badArgument("The request option '" + name + "' must be true or false, got '" + value + "'");
    }

    private static long count(String name, Object value) {
        try {
            long n = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw KustoError.badArgument("The request option '" + name + "' must be a non-negative whole number, got '" + value + "'");
    }
}
