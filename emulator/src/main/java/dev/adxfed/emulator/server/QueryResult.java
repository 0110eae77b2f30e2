package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.ResultTable;

import java.util.List;

/**
 * The primary result of a query, the warnings of its run (entities that isfuzzy or best_effort skipped), and the
 * visualization a {@code render} asked for (null without one), which the v2 response carries in its
 * {@code @ExtendedProperties} table as ADX does.
 */
public record QueryResult(ResultTable table, List<String> warnings, JsonNode visualization) {
    public QueryResult {
        warnings = List.copyOf(warnings);
    }

    public QueryResult(ResultTable table, List<String> warnings) {
        this(table, warnings, null);
    }
}
