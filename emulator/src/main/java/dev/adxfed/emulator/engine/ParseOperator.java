package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parse} and {@code parse-where}: the pattern becomes one regular expression with a group per column.
 * Simple and relaxed kinds take the strings literally and must match the whole text; with kind=regex the strings
 * are regular expressions and the match may be anywhere. A typed column must convert: if one does not, simple
 * and regex give no values for the row (parse-where drops it), relaxed leaves only that column null.
 * A string column of an unmatched row is empty, as Kusto's strings are never null.
 */
final class ParseOperator {
    private static final String INTEGER = "-?\\d+";
    private static final String REAL = "-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?";
    /** Columns are named groups, so that groups inside a kind=regex pattern's own strings do not shift them. */
    private static final String GROUP = "adxfedParseColumn";

    private ParseOperator() {
    }

    static ResultTable apply(Scope scope, ResultTable input, TabularOperator.Parse o) {
        String operator = o.where() ? "parse-where" : "parse";
        ScalarExpression source = new ScalarCompiler(scope, input.columns(), operator).compile(o.source());
        ScalarExpression.Evaluator text = source.evaluator();
        List<TabularOperator.ParseColumn> targets = new ArrayList<>();
        Pattern pattern = pattern(o, operator, targets);
        List<Column> columns = new ArrayList<>(input.columns());
        int[] at = new int[targets.size()];
        ScalarType[] types = new ScalarType[targets.size()];
        for (int i = 0; i < at.length; i++) {
            TabularOperator.ParseColumn c = targets.get(i);
            types[i] = ScalarType.fromKqlName(c.type())
                    .orElseThrow(() -> SemanticErrors.type("'" + operator + "' operator: unknown type '" + c.type() + "' of column '" + c.name() + "'"));
            int existing = indexOf(columns, c.name());
            at[i] = existing >= 0 ? existing : columns.size();
            Column column = new Column(c.name(), types[i]);
            if (existing >= 0) {
                columns.set(existing, column);
            } else {
                columns.add(column);
            }
        }
        boolean relaxed = o.kind() == TabularOperator.ParseKind.RELAXED;
        List<Object[]> rows = new ArrayList<>(input.rows().size());
        for (Object[] row : input.rows()) {
            Object value = text.evaluate(row);
            Matcher m = pattern.matcher(value == null ? "" : ScalarText.format(value));
            Object[] values = m.find() ? values(m, types, relaxed) : null;
            if (values == null && o.where()) {
                continue;
            }
            Object[] out = Arrays.copyOf(row, columns.size());
            for (int i = 0; i < at.length; i++) {
                out[at[i]] = values == null ? (types[i] == ScalarType.STRING ? "" : null) : values[i];
            }
            rows.add(out);
        }
        return new ResultTable(columns, rows);
    }

    /** The converted group values, or null when a strict parse fails on a value that does not convert. */
    private static Object[] values(Matcher m, ScalarType[] types, boolean relaxed) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            String group = m.group(GROUP + i);
            Object v = group == null ? null : types[i] == ScalarType.STRING ? group : Conversions.to(types[i], group.trim());
            if (v == null && types[i] != ScalarType.STRING && !relaxed) {
                return null;
            }
            values[i] = v == null && types[i] == ScalarType.STRING ? "" : v;
        }
        return values;
    }

    private static Pattern pattern(TabularOperator.Parse o, String operator, List<TabularOperator.ParseColumn> targets) {
        boolean regex = o.kind() == TabularOperator.ParseKind.REGEX;
        boolean relaxed = o.kind() == TabularOperator.ParseKind.RELAXED;
        StringBuilder sb = new StringBuilder(regex ? "" : "^");
        for (TabularOperator.ParsePart part : o.pattern()) {
            if (part instanceof TabularOperator.ParseText t) {
                sb.append(regex ? "(?:" + t.text() + ")" : Pattern.quote(t.text()));
            } else if (part instanceof TabularOperator.ParseWildcard) {
                sb.append(".*?");
            } else if (part instanceof TabularOperator.ParseColumn c) {
                sb.append("(?<").append(GROUP).append(targets.size()).append('>').append(capture(c.type(), regex, relaxed)).append(')');
                targets.add(c);
            }
        }
        if (!regex) {
            sb.append('$');
        }
        String flags = o.flags() == null ? "" : o.flags();
        if (!regex && !flags.isEmpty()) {
            throw SemanticErrors.type("'" + operator + "' operator: flags= needs kind=regex");
        }
        String java = sb.toString();
        StringBuilder inline = new StringBuilder();
        for (char f : flags.toCharArray()) {
            switch (f) {
                case 'U' -> java = KustoRegex.ungreedy(java);
                case 'i', 'm', 's' -> inline.append(f);
                default -> throw SemanticErrors.type("'" + operator + "' operator: unknown regex flag '" + f + "' (expected U, i, m or s)");
            }
        }
        return KustoRegex.compile("'" + operator + "' operator", (inline.isEmpty() ? "" : "(?" + inline + ")") + java);
    }

    /**
     * What a column's group matches: numbers match digits, other types the shortest text up to what follows.
     * With kind=regex a string column is greedy, as Kusto's examples show; relaxed numbers fall back to any text.
     */
    private static String capture(String type, boolean regex, boolean relaxed) {
        String number = switch (ScalarType.fromKqlName(type).orElse(ScalarType.STRING)) {
            case INT, LONG -> INTEGER;
            case REAL, DECIMAL -> REAL;
            default -> null;
        };
        if (number != null) {
            return relaxed ? number + "|.*?" : number;
        }
        return regex && ScalarType.fromKqlName(type).orElse(ScalarType.STRING) == ScalarType.STRING ? ".*" : ".*?";
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
