package dev.adxfed.emulator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table: its schema, its folder and docstring, its rows, and the encoding profile set on some of its
 * columns (column name to profile, e.g. BigObject32). Immutable: ingestion makes a new table holding the
 * old rows plus the new ones, so a reader's snapshot never changes under it. Each row has one value per
 * column, typed as {@link ScalarType} describes.
 */
public record Table(String name, List<Column> columns, String folder, String docString, List<Object[]> rows,
                    Map<String, EncodingProfile> encodings) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        folder = folder == null ? "" : folder;
        docString = docString == null ? "" : docString;
        rows = List.copyOf(rows);
        encodings = encodings == null ? Map.of() : Map.copyOf(new TreeMap<>(encodings));
    }

    public Table(String name, List<Column> columns, String folder, String docString, List<Object[]> rows) {
        this(name, columns, folder, docString, rows, Map.of());
    }

    /** The column's profile; the default one when none was set. */
    public EncodingProfile encoding(String columnName) {
        return encodings.getOrDefault(columnName, EncodingProfile.DEFAULT);
    }

    /** The same table with the column's profile set; {@link EncodingProfile#DEFAULT} clears it. */
    public Table withEncoding(String columnName, EncodingProfile profile) {
        Map<String, EncodingProfile> changed = new TreeMap<>(encodings);
        if (profile == EncodingProfile.DEFAULT) {
            changed.remove(columnName);
        } else {
            changed.put(columnName, profile);
        }
        return new Table(name, columns, folder, docString, rows, changed);
    }

    public static Table empty(String name, List<Column> columns) {
        return new Table(name, columns, "", "", List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The rows as a result, for scans. */
    public ResultTable data() {
        return new ResultTable(columns, rows);
    }

    public Table withRowsAppended(List<Object[]> more) {
        List<Object[]> all = new ArrayList<>(rows.size() + more.size());
        all.addAll(rows);
        all.addAll(more);
        return new Table(name, columns, folder, docString, all, encodings);
    }

    /**
     * The same table with another schema (as {@code .create-merge table} makes it). Existing rows are
     * re-laid to the new columns by name; a column they lacked is null in them.
     */
    public Table withColumns(List<Column> newColumns) {
        int[] from = new int[newColumns.size()];
        for (int i = 0; i < newColumns.size(); i++) {
            from[i] = new ResultTable(columns, List.of()).indexOf(newColumns.get(i).name()).orElse(-1);
        }
        List<Object[]> moved = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] out = new Object[newColumns.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = from[i] < 0 ? null : row[from[i]];
            }
            moved.add(out);
        }
        Map<String, EncodingProfile> kept = new TreeMap<>(encodings);
        kept.keySet().removeIf(column -> newColumns.stream().noneMatch(c -> c.name().equals(column)));
        return new Table(name, newColumns, folder, docString, moved, kept);
    }

    public Table withFolderAndDocString(String newFolder, String newDocString) {
        return new Table(name, columns, newFolder, newDocString, rows, encodings);
    }
}
