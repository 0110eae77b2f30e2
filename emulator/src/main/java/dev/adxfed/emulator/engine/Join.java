package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code join kind=... (right) on keys}. The default kind, innerunique, keeps the first left row of each key;
 * a null key matches nothing. Right columns whose names the left side already has get a number appended.
 */
final class Join {
    private Join() {
    }

    static ResultTable apply(Scope scope, ResultTable left, TabularOperator.Join o) {
        ResultTable right = new TabularEvaluator(scope.child()).evaluate(o.right());
        TabularOperator.JoinKind kind = o.kind() == null ? TabularOperator.JoinKind.INNERUNIQUE : o.kind();
        if (o.on().isEmpty()) {
            throw SemanticErrors.type("'join' operator: 'on' needs at least one key (" + o.position() + ")");
        }
        int n = o.on().size();
        int[] leftKeys = new int[n];
        int[] rightKeys = new int[n];
        ScalarType[] keyTypes = new ScalarType[n];
        for (int i = 0; i < n; i++) {
            TabularOperator.JoinCondition c = o.on().get(i);
            leftKeys[i] = left.indexOf(c.leftColumn()).orElseThrow(() -> SemanticErrors.unresolvedColumn("join", c.leftColumn()));
            rightKeys[i] = right.indexOf(c.rightColumn()).orElseThrow(() -> SemanticErrors.unresolvedColumn("join", c.rightColumn()));
            ScalarType lt = left.columns().get(leftKeys[i]).type();
            ScalarType rt = right.columns().get(rightKeys[i]).type();
            keyTypes[i] = Comparison.commonType("join", lt, rt);
        }
        Map<List<Object>, List<Object[]>> rightByKey = new HashMap<>();
        for (Object[] row : right.rows()) {
            List<Object> key = key(row, rightKeys, keyTypes);
            if (key != null) {
                rightByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        return switch (kind) {
            case LEFTSEMI, LEFTANTI, LEFTANTISEMI -> semi(left, leftKeys, keyTypes, rightByKey, kind == TabularOperator.JoinKind.LEFTSEMI);
            case RIGHTSEMI, RIGHTANTI, RIGHTANTISEMI -> {
                Set<List<Object>> leftKeysSeen = new HashSet<>();
                for (Object[] row : left.rows()) {
                    List<Object> key = key(row, leftKeys, keyTypes);
                    if (key != null) {
                        leftKeysSeen.add(key);
                    }
                }
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row : right.rows()) {
                    List<Object> key = key(row, rightKeys, keyTypes);
                    if ((key != null && leftKeysSeen.contains(key)) == (kind == TabularOperator.JoinKind.RIGHTSEMI)) {
                        rows.add(row);
                    }
                }
                yield new ResultTable(right.columns(), rows);
            }
            default -> matched(left, right, kind, leftKeys, keyTypes, rightByKey);
        };
    }

    private static ResultTable semi(ResultTable left, int[] leftKeys, ScalarType[] keyTypes, Map<List<Object>, List<Object[]>> rightByKey,
                                    boolean keepMatches) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : left.rows()) {
            List<Object> key = key(row, leftKeys, keyTypes);
            if ((key != null && rightByKey.containsKey(key)) == keepMatches) {
                rows.add(row);
            }
        }
        return new ResultTable(left.columns(), rows);
    }

    private static ResultTable matched(ResultTable left, ResultTable right, TabularOperator.JoinKind kind, int[] leftKeys,
                                       ScalarType[] keyTypes, Map<List<Object>, List<Object[]>> rightByKey) {
        List<Column> columns = new ArrayList<>(left.columns());
        Set<String> taken = new HashSet<>();
        left.columns().forEach(c -> taken.add(c.name()));
        for (Column c : right.columns()) {
            String name = ColumnNames.unique(c.name(), taken);
            taken.add(name);
            columns.add(new Column(name, c.type()));
        }
        int lw = left.columns().size();
        int rw = right.columns().size();
        boolean keepLeft = kind == TabularOperator.JoinKind.LEFTOUTER || kind == TabularOperator.JoinKind.FULLOUTER;
        boolean keepRight = kind == TabularOperator.JoinKind.RIGHTOUTER || kind == TabularOperator.JoinKind.FULLOUTER;
        Set<List<Object>> usedLeftKeys = new HashSet<>();
        Set<Object[]> matchedRight = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object[]> rows = new ArrayList<>();
        for (Object[] l : left.rows()) {
            List<Object> key = key(l, leftKeys, keyTypes);
            if (kind == TabularOperator.JoinKind.INNERUNIQUE && key != null && !usedLeftKeys.add(key)) {
                continue;
            }
            List<Object[]> matches = key == null ? null : rightByKey.get(key);
            if (matches == null) {
                if (keepLeft) {
                    rows.add(Arrays.copyOf(l, lw + rw));
                }
                continue;
            }
            for (Object[] r : matches) {
                Object[] out = Arrays.copyOf(l, lw + rw);
                System.arraycopy(r, 0, out, lw, rw);
                rows.add(out);
                matchedRight.add(r);
            }
        }
        if (keepRight) {
            for (Object[] r : right.rows()) {
                if (!matchedRight.contains(r)) {
                    Object[] out = new Object[lw + rw];
                    System.arraycopy(r, 0, out, lw, rw);
                    rows.add(out);
                }
            }
        }
        return new ResultTable(columns, rows);
    }

    /** The row's key values in the key types; null when any is null, since null keys match nothing. */
    static List<Object> key(Object[] row, int[] positions, ScalarType[] types) {
        Object[] key = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Object v = Conversions.to(types[i], row[positions[i]]);
            if (v == null) {
                return null;
            }
            key[i] = v;
        }
        return Arrays.asList(key);
    }
}
