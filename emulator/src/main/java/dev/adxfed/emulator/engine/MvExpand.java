package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code mv-expand}: one output row per element of a dynamic array (or per property of a bag: a one-property
 * bag, or a [key, value] array with {@code kind=array}). Several columns expand side by side, the shorter
 * padded with null; a row whose arrays are all empty or null expands to nothing.
 */
final class MvExpand {
    private MvExpand() {
    }

    static ResultTable apply(Scope scope, ResultTable input, TabularOperator.MvExpand o) {
        ScalarCompiler compiler = new ScalarCompiler(scope, input.columns(), "mv-expand");
        List<Column> columns = new ArrayList<>(input.columns());
        int n = o.columns().size();
        ScalarExpression.Evaluator[] sources = new ScalarExpression.Evaluator[n];
        int[] targets = new int[n];
        ScalarType[] types = new ScalarType[n];
        for (int i = 0; i < n; i++) {
            TabularOperator.MvExpandColumn c = o.columns().get(i);
            ScalarExpression value = compiler.compile(c.column().expression());
            if (value.type() != ScalarType.DYNAMIC) {
                throw SemanticErrors.type("'mv-expand' operator: expected a dynamic value, got " + value.type().kqlName() + " (" + c.position() + ")");
            }
            types[i] = c.type() == null ? ScalarType.DYNAMIC : ScalarType.fromKqlName(c.type())
                    .orElseThrow(() -> SemanticErrors.type("'mv-expand' operator: unknown type '" + c.type() + "'"));
            String name = c.column().name() != null ? c.column().name()
                    : ColumnNames.derived(c.column().expression()).orElseGet(() -> ColumnNames.generated(columns.stream().map(Column::name).toList()));
            int at = input.indexOf(name).orElse(-1);
            if (at < 0) {
                at = columns.size();
                columns.add(new Column(name, types[i]));
            } else {
                columns.set(at, new Column(name, types[i]));
            }
            targets[i] = at;
            sources[i] = value.evaluator();
        }
        int indexColumn = -1;
        if (o.itemIndexColumn() != null) {
            indexColumn = columns.size();
            columns.add(new Column(o.itemIndexColumn(), ScalarType.LONG));
        }
        long limit = Long.MAX_VALUE;
        if (o.limit() != null) {
            ScalarExpression l = compiler.compile(o.limit());
            Long v = l.constant() ? Conversions.toLong(l.value()) : null;
            if (v == null || v < 0) {
                throw SemanticErrors.type("'mv-expand' operator: limit must be a constant non-negative number");
            }
            limit = v;
        }
        boolean arrayKind = "array".equals(o.bagExpansion());
        List<Object[]> rows = new ArrayList<>();
        int width = columns.size();
        for (Object[] row : input.rows()) {
            List<List<JsonNode>> elements = new ArrayList<>(n);
            int longest = 0;
            for (int i = 0; i < n; i++) {
                List<JsonNode> items = elements((JsonNode) sources[i].evaluate(row), arrayKind);
                elements.add(items);
                longest = Math.max(longest, items.size());
            }
            for (int k = 0; k < Math.min(longest, limit); k++) {
                Object[] out = new Object[width];
                System.arraycopy(row, 0, out, 0, row.length);
                for (int i = 0; i < n; i++) {
                    List<JsonNode> items = elements.get(i);
                    JsonNode item = k < items.size() ? items.get(k) : null;
                    out[targets[i]] = Conversions.to(types[i], item == null || item.isNull() ? null : item);
                }
                if (indexColumn >= 0) {
                    out[indexColumn] = (long) k;
                }
                rows.add(out);
            }
        }
        return new ResultTable(columns, rows);
    }

    private static List<JsonNode> elements(JsonNode value, boolean arrayKind) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                items.add(arrayKind
                        ? JsonNodeFactory.instance.arrayNode().add(p.getKey()).add(p.getValue())
                        : JsonNodeFactory.instance.objectNode().set(p.getKey(), p.getValue()));
            }
        } else {
            items.add(value);
        }
        return items;
    }
}
