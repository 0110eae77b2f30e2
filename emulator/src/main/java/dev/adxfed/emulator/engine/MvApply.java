package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv-apply [with_itemindex=i] [name =] array [to typeof(t)], ... [limit n] on (subquery)}: each input row is
 * expanded as mv-expand expands it, the subquery runs over those rows alone, and each row it returns is joined
 * back to the input row: the input's columns (with the subquery's value where it returns a column of that name),
 * then the subquery's other columns. Results keep the input's order.
 */
final class MvApply {
    /** The name the subquery's input is bound to: not a valid KQL identifier, so no query can shadow it. */
    static final String INPUT = "$mv-apply input";

    private MvApply() {
    }

    static ResultTable apply(Scope scope, ResultTable input, TabularOperator.MvApply o) {
        String bagExpansion = o.options().stream().filter(p -> p.name().equals("bagexpansion"))
                .map(Property::value).map(String::valueOf).findFirst().orElse(null);
        TabularOperator.MvExpand expand = new TabularOperator.MvExpand(o.position(), bagExpansion, o.itemIndexColumn(), o.columns(), o.limit());
        List<Column> columns = null;
        int[] from = null;
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : input.rows()) {
            ResultTable part = subquery(scope, MvExpand.apply(scope, new ResultTable(input.columns(), List.<Object[]>of(row)), expand), o);
            if (columns == null) {
                columns = new ArrayList<>();
                from = layout(input, part, columns);
            } else if (!sameColumns(part, columns, from)) {
                throw SemanticErrors.type("'mv-apply' operator: the subquery gave different columns for different rows (" + o.position() + ")");
            }
            for (Object[] result : part.rows()) {
                Object[] out = new Object[columns.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = from[i] >= 0 ? result[from[i]] : row[i];
                }
                rows.add(out);
            }
        }
        if (columns == null) {
            columns = new ArrayList<>();
            layout(input, subquery(scope, MvExpand.apply(scope, new ResultTable(input.columns(), List.of()), expand), o), columns);
        }
        return new ResultTable(columns, rows);
    }

    /** Fills {@code columns} with the output columns; returns, per output column, its position in the subquery's result or -1. */
    private static int[] layout(ResultTable input, ResultTable part, List<Column> columns) {
        List<Integer> from = new ArrayList<>();
        for (Column c : input.columns()) {
            int at = part.indexOf(c.name()).orElse(-1);
            columns.add(at >= 0 ? part.columns().get(at) : c);
            from.add(at);
        }
        for (int i = 0; i < part.columns().size(); i++) {
            Column c = part.columns().get(i);
            if (input.indexOf(c.name()).isEmpty()) {
                columns.add(c);
                from.add(i);
            }
        }
        return from.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean sameColumns(ResultTable part, List<Column> columns, int[] from) {
        for (int i = 0; i < from.length; i++) {
            if (from[i] >= 0 && (from[i] >= part.columns().size() || !part.columns().get(from[i]).equals(columns.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static ResultTable subquery(Scope scope, ResultTable expanded, TabularOperator.MvApply o) {
        Scope inner = scope.child();
        inner.bind(INPUT, new Scope.TabularBinding(() -> expanded));
        return new TabularEvaluator(inner).evaluate(o.subquery());
    }
}
