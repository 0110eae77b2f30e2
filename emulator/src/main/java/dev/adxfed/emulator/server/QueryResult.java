package dev.adxfed.emulator.server;

import dev.adxfed.emulator.catalog.ResultTable;

import java.util.List;

/** The primary result of a query and the warnings of its run (entities that isfuzzy or best_effort skipped). */
public record QueryResult(ResultTable table, List<String> warnings) {
    public QueryResult {
        warnings = List.copyOf(warnings);
    }
}
