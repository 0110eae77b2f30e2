package dev.adxfed.operator.kusto;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** One result row, read by column name. */
public interface KustoRow {

    /** The value as the client returned it: String, Long, Boolean, JsonNode for dynamic, ... ; null when empty. */
    Object get(String column);

    /** The name of the row's first column of type string, when the client says which that is. */
    default Optional<String> firstStringColumn() {
        return Optional.empty();
    }

    default String string(String column) {
        Object value = get(column);
        return value == null ? null : value instanceof JsonNode node && node.isTextual()
                ? node.asText() : value.toString();
    }
}
