package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lookup [kind=leftouter|inner] (dimension) on keys}: every left row, extended with the columns of the
 * matching dimension rows (one output row per match). The keys appear once, from the left; other right columns
 * whose names the left has get a number appended. With leftouter (the default) a row without a match keeps
 * nulls in the right columns; a null key matches nothing.
 */
final class Lookup {
    private Lookup() {
    }

    static ResultTable apply(Scope scope, ResultTable left, TabularOperator.Lookup o) {
        String kind = o.kind() == null ? "leftouter" : o.kind();
        if (!kind.equals("leftouter") && !kind.equals("inner")) {
            throw SemanticErrors.type("'lookup' operator: kind must be leftouter or inner, not '" + kind + "'");
        }
        ResultTable right = new TabularEvaluator(scope.child()).evaluate(o.right());
        int n = o.on().size();
        int[] leftKeys = new int[n];
        int[] rightKeys = new int[n];
        ScalarType[] keyTypes = new ScalarType[n];
        Set<Integer> rightKeyColumns = new HashSet<>();
        for (int i = 0; i < n; i++) {
            TabularOperator.JoinCondition c = o.on().get(i);
            leftKeys[i] = left.indexOf(c.leftColumn()).orElseThrow(() -> SemanticErrors.unresolvedColumn("lookup", c.leftColumn()));
            rightKeys[i] = right.indexOf(c.rightColumn()).orElseThrow(() -> SemanticErrors.unresolvedColumn("lookup", c.rightColumn()));
            keyTypes[i] = Comparison.commonType("lookup", left.columns().get(leftKeys[i]).type(), right.columns().get(rightKeys[i]).type());
            rightKeyColumns.add(rightKeys[i]);
        }
        List<Column> columns = new ArrayList<>(left.columns());
        Set<String> taken = new HashSet<>();
        left.columns().forEach(c -> taken.add(c.name()));
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < right.columns().size(); i++) {
            if (!rightKeyColumns.contains(i)) {
                Column c = right.columns().get(i);
                String name = ColumnNames.unique(c.name(), taken);
                taken.add(name);
                columns.add(new Column(name, c.type()));
                added.add(i);
            }
        }
        Map<List<Object>, List<Object[]>> dimension = new HashMap<>();
        for (Object[] row : right.rows()) {
            List<Object> key = Join.key(row, rightKeys, keyTypes);
            if (key != null) {
                dimension.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        int lw = left.columns().size();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] l : left.rows()) {
            List<Object> key = Join.key(l, leftKeys, keyTypes);
            List<Object[]> matches = key == null ? null : dimension.get(key);
            if (matches == null) {
                if (kind.equals("leftouter")) {
                    rows.add(Arrays.copyOf(l, columns.size()));
                }
                continue;
            }
            for (Object[] r : matches) {
                Object[] out = Arrays.copyOf(l, columns.size());
                for (int i = 0; i < added.size(); i++) {
                    out[lw + i] = r[added.get(i)];
                }
                rows.add(out);
            }
        }
        return new ResultTable(columns, rows);
    }
}
