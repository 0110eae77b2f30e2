package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.ResultTable;

import java.util.List;
import java.util.Map;

/**
 * The primary result of a query, the warnings of its run (entities that isfuzzy or best_effort skipped), the
 * options its {@code set} statements gave (name to value; a bare {@code set notruncation;} maps to true), which
 * the server applies on top of the request's properties, and the visualization a {@code render} asked for (null
 * without one), which the v2 response carries in its {@code @ExtendedProperties} table as ADX does.
 */
public record QueryResult(ResultTable table, List<String> warnings, Map<String, Object> options, JsonNode visualization) {
    public QueryResult {
        warnings = List.copyOf(warnings);
        options = Map.copyOf(options);
    }

    public QueryResult(ResultTable table, List<String> warnings) {
        this(table, warnings, Map.of(), null);
    }
}
