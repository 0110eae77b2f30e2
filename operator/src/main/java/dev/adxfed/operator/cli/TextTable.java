package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A result table as aligned text for a terminal: a header, a rule, one line per row. Numbers are
 * right-aligned; long cells are cut so that one wide column does not wrap every line.
 */
public final class TextTable {

    static final int MAX_CELL = 80;

    private final List<String> header;
    private final List<Boolean> numeric;
    private final List<List<String>> rows;
    private final int omittedRows;

    private TextTable(List<String> header, List<Boolean> numeric, List<List<String>> rows, int omittedRows) {
        this.header = header;
        this.numeric = numeric;
        this.rows = rows;
        this.omittedRows = omittedRows;
    }

    /** The first {@code maxRows} rows of {@code table}. */
    public static TextTable of(KustoResultSetTable table, int maxRows) {
        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (KustoResultColumn c : table.getColumns()) {
            header.add(c.getColumnName());
            numeric.add(isNumeric(c.getColumnType()));
        }
        List<List<Object>> data = table.getData();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : data.subList(0, Math.min(maxRows, data.size()))) {
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(cell(v)));
            rows.add(cells);
        }
        return new TextTable(header, numeric, rows, data.size() - rows.size());
    }

    /** Text rows under a header, none of them aligned as numbers. */
    static TextTable of(List<String> header, List<List<String>> rows) {
        return new TextTable(header, header.stream().map(h -> false).toList(), rows, 0);
    }

    int rowCount() {
        return rows.size() + omittedRows;
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, false);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, rule, widths, false);
        for (List<String> row : rows) {
            line(out, row, widths, true);
        }
        int total = rowCount();
        out.append(omittedRows > 0
                ? "(" + rows.size() + " of " + total + " rows shown)\n"
                : "(" + total + (total == 1 ? " row)\n" : " rows)\n"));
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(alignNumbers && numeric.get(i) ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static boolean isNumeric(String kustoType) {
        return switch (kustoType.toLowerCase()) {
            case "int", "long", "real", "double", "decimal", "int32", "int64", "system.int32", "system.int64",
                    "system.double", "system.decimal" -> true;
            default -> false;
        };
    }

    private static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal d) {
            text = d.toPlainString();
        } else if (value instanceof JsonNode json) {
            text = json.isTextual() ? json.asText() : json.toString();
        } else {
            text = value.toString();
        }
        text = text.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text;
    }
}
