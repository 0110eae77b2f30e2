package dev.adxfed.emulator.catalog;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Rows with a schema: what a query or command returns and what a table scan yields.
 * Each row is an array with one value per column, typed as {@link ScalarType} describes.
 * Rows are not copied: producers hand over arrays they no longer change.
 */
public record ResultTable(List<Column> columns, List<Object[]> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
    }

    public OptionalInt indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
