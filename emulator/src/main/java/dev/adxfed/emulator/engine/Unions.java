package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code union} and the union of macro-expand results. Outer (the default) keeps every column, in order of
 * first appearance, null where a part lacks it; a name with two types becomes {@code name_type} in each.
 * Inner keeps the columns every part has. {@code isfuzzy=true} skips legs that do not resolve; a query with
 * {@code best_effort} also skips legs on clusters that cannot be reached.
 */
final class Unions {
    /** One input of a union and the name {@code withsource} reports for it. */
    record Part(String source, ResultTable table) {
    }

    private Unions() {
    }

    static ResultTable union(Scope scope, TabularExpression.UnionOptions options, List<Part> leading, List<TabularExpression> tables) {
        List<Part> parts = new ArrayList<>(leading);
        List<String> failures = new ArrayList<>();
        TabularEvaluator evaluator = new TabularEvaluator(scope);
        for (int i = 0; i < tables.size(); i++) {
            TabularExpression t = tables.get(i);
            try {
                parts.add(new Part(sourceName(t, leading.size() + i), evaluator.evaluate(t)));
            } catch (RemoteClusters.ClusterUnreachable e) {
                if (!scope.session().bestEffort()) {
                    throw e;
                }
                failures.add(e.getMessage());
            } catch (KustoError e) {
                if (!(options.isFuzzy() || scope.session().bestEffort()) || !e.errorCode().equals(SemanticErrors.UNRESOLVED)) {
                    throw e;
                }
                failures.add(e.getMessage());
            }
        }
        if (parts.isEmpty()) {
            throw SemanticErrors.unresolvedTable("union: none of its tables resolved (" + String.join("; ", failures) + ")");
        }
        failures.forEach(f -> scope.session().warn("union: skipped a leg: " + f));
        return merge(parts, options.kind(), options.withSource());
    }

    static String sourceName(TabularExpression t, int index) {
        if (t instanceof TabularExpression.TableName n) {
            return n.name();
        }
        if (t instanceof TabularExpression.QualifiedTable q) {
            return q.table();
        }
        if (t instanceof TabularExpression.ScopedTable s) {
            return s.table();
        }
        if (t instanceof TabularExpression.FunctionCall f) {
            return f.function();
        }
        return "union_arg" + index;
    }

    static ResultTable merge(List<Part> parts, String kind, String withSource) {
        boolean inner = "inner".equals(kind);
        List<Column> columns = inner ? innerColumns(parts) : outerColumns(parts);
        Map<Column, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i), i);
        }
        int offset = withSource == null ? 0 : 1;
        Set<String> conflicting = conflicting(parts);
        List<Object[]> rows = new ArrayList<>();
        for (Part part : parts) {
            List<Column> own = part.table().columns();
            int[] target = new int[own.size()];
            for (int i = 0; i < own.size(); i++) {
                Integer p = positions.get(unified(own.get(i), conflicting, inner));
                target[i] = p == null ? -1 : p + offset;
            }
            for (Object[] row : part.table().rows()) {
                Object[] out = new Object[columns.size() + offset];
                if (offset == 1) {
                    out[0] = part.source();
                }
                for (int i = 0; i < target.length; i++) {
                    if (target[i] >= 0) {
                        out[target[i]] = row[i];
                    }
                }
                rows.add(out);
            }
        }
        List<Column> all = new ArrayList<>();
        if (withSource != null) {
            all.add(new Column(withSource, ScalarType.STRING));
        }
        all.addAll(columns);
        return new ResultTable(all, rows);
    }

    private static Set<String> conflicting(List<Part> parts) {
        Map<String, ScalarType> seen = new HashMap<>();
        Set<String> conflicting = new LinkedHashSet<>();
        for (Part p : parts) {
            for (Column c : p.table().columns()) {
                ScalarType before = seen.putIfAbsent(c.name(), c.type());
                if (before != null && before != c.type()) {
                    conflicting.add(c.name());
                }
            }
        }
        return conflicting;
    }

    private static Column unified(Column c, Set<String> conflicting, boolean inner) {
        return !inner && conflicting.contains(c.name()) ? new Column(c.name() + "_" + c.type().kqlName(), c.type()) : c;
    }

    private static List<Column> outerColumns(List<Part> parts) {
        Set<String> conflicting = conflicting(parts);
        LinkedHashMap<Column, Boolean> columns = new LinkedHashMap<>();
        for (Part p : parts) {
            for (Column c : p.table().columns()) {
                columns.putIfAbsent(unified(c, conflicting, false), true);
            }
        }
        return new ArrayList<>(columns.keySet());
    }

    private static List<Column> innerColumns(List<Part> parts) {
        List<Column> columns = new ArrayList<>(parts.get(0).table().columns());
        for (Part p : parts) {
            columns.retainAll(p.table().columns());
        }
        return columns;
    }
}
