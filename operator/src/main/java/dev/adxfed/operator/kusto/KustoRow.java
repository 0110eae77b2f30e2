package dev.adxfed.operator.kusto;

import com.fasterxml.jackson.databind.JsonNode;

/** One result row, read by column name. */
public interface KustoRow {

    /** The value as the client returned it: String, Long, Boolean, JsonNode for dynamic, ... ; null when empty. */
    Object get(String column);

    default String string(String column) {
        Object value = get(column);
        return value == null ? null : value instanceof JsonNode node && node.isTextual()
                ? node.asText() : value.toString();
    }
}
