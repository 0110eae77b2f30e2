package dev.adxfed.emulator.server;

import dev.adxfed.emulator.catalog.ResultTable;

import java.util.List;
import java.util.Map;

/**
 * The primary result of a query, the warnings of its run (entities that isfuzzy or best_effort skipped) and
 * the options its {@code set} statements gave (name to value; a bare {@code set notruncation;} maps to true),
 * which the server applies on top of the request's properties.
 */
public record QueryResult(ResultTable table, List<String> warnings, Map<String, Object> options) {
    public QueryResult {
        warnings = List.copyOf(warnings);
        options = Map.copyOf(options);
    }

    public QueryResult(ResultTable table, List<String> warnings) {
        this(table, warnings, Map.of());
    }
}
