package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code summarize aggregates by keys}: output columns are the keys, then the aggregates (arg_max/arg_min
 * add one column per returned expression; {@code *} returns every input column not already a key).
 * Groups keep the order in which their first row came. With no keys and no rows there is still one row.
 */
final class Summarize {
    private Summarize() {
    }

    static ResultTable apply(Scope scope, ResultTable input, TabularOperator.Summarize o) {
        ScalarCompiler compiler = new ScalarCompiler(scope, input.columns(), "summarize");
        List<Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<ScalarExpression.Evaluator> keys = new ArrayList<>();
        for (NamedExpression k : o.by()) {
            ScalarExpression key = compiler.compile(k.expression());
            if (key.type() == ScalarType.DYNAMIC) {
                throw SemanticErrors.type("'summarize' operator: a dynamic value cannot be a group key (" + k.position() + "); use tostring()");
            }
            String name = k.name() != null ? k.name() : ColumnNames.derived(k.expression()).orElseGet(() -> ColumnNames.generated(taken));
            name = ColumnNames.unique(name, taken);
            taken.add(name);
            columns.add(new Column(name, key.type()));
            keys.add(key.evaluator());
        }
        List<Aggregation> aggregations = new ArrayList<>();
        for (NamedExpression a : o.aggregates()) {
            aggregations.add(aggregate(compiler, input, o, a, columns, taken));
        }
        return group(input, keys.toArray(ScalarExpression.Evaluator[]::new), aggregations.toArray(Aggregation[]::new), columns);
    }

    private static Aggregation aggregate(ScalarCompiler compiler, ResultTable input, TabularOperator.Summarize o,
                                         NamedExpression a, List<Column> columns, Set<String> taken) {
        if (!(a.expression() instanceof Expression.Call call) || !Aggregates.isAggregate(call.function())) {
            throw SemanticErrors.type("'summarize' operator: expected an aggregate function such as count() or sum(x) at "
                    + a.position() + (a.expression() instanceof Expression.Call c ? ", got '" + c.function() + "'" : ""));
        }
        String f = call.function();
        if (f.equals("arg_max") || f.equals("arg_min")) {
            return argExtreme(compiler, input, o, a, call, columns, taken);
        }
        List<ScalarExpression> args = new ArrayList<>();
        for (Expression e : call.arguments()) {
            args.add(compiler.compile(e));
        }
        Aggregation aggregation = Aggregates.bind(f, args);
        int outputs = aggregation.outputTypes().size();
        if (a.name() != null && a.names().size() != outputs) {
            throw SemanticErrors.type("'summarize' operator: '" + f + "' returns " + outputs + " column(s), named with "
                    + a.names().size() + " (" + a.position() + ")");
        }
        for (int i = 0; i < outputs; i++) {
            String name = ColumnNames.unique(a.name() != null ? a.names().get(i) : ColumnNames.aggregate(call, i), taken);
            taken.add(name);
            columns.add(new Column(name, aggregation.outputTypes().get(i)));
        }
        return aggregation;
    }

    private static Aggregation argExtreme(ScalarCompiler compiler, ResultTable input, TabularOperator.Summarize o, NamedExpression a,
                                          Expression.Call call, List<Column> columns, Set<String> taken) {
        if (call.arguments().size() < 2) {
            throw SemanticErrors.type("Aggregate '" + call.function() + "' expects the expression to maximize and the columns to return");
        }
        Expression keyExpression = call.arguments().get(0);
        ScalarExpression key = compiler.compile(keyExpression);
        String keyName = ColumnNames.unique(a.name() != null ? a.name() : ColumnNames.aggregate(call, 0), taken);
        taken.add(keyName);
        columns.add(new Column(keyName, key.type()));
        List<ScalarExpression> returns = new ArrayList<>();
        for (Expression r : call.arguments().subList(1, call.arguments().size())) {
            if (r instanceof Expression.Star) {
                for (int i = 0; i < input.columns().size(); i++) {
                    Column c = input.columns().get(i);
                    if (taken.contains(c.name())) {
                        continue;
                    }
                    taken.add(c.name());
                    columns.add(c);
                    returns.add(ScalarExpression.column(c.type(), i));
                }
                continue;
            }
            ScalarExpression value = compiler.compile(r);
            int position = returns.size() + 1;
            String name = a.namesSeveral() && position < a.names().size() ? a.names().get(position)
                    : ColumnNames.derived(r).orElseGet(() -> ColumnNames.generated(taken));
            name = ColumnNames.unique(name, taken);
            taken.add(name);
            columns.add(new Column(name, value.type()));
            returns.add(value);
        }
        return Aggregates.argExtreme(call.function().equals("arg_max"), key, returns);
    }

    private static ResultTable group(ResultTable input, ScalarExpression.Evaluator[] keys, Aggregation[] aggregations, List<Column> columns) {
        Map<Object, Aggregation.Accumulator[]> groups = new LinkedHashMap<>();
        Map<Object, Object[]> keyValues = new LinkedHashMap<>();
        boolean singleKey = keys.length == 1;
        for (Object[] row : input.rows()) {
            Object groupKey;
            Object[] values = null;
            if (singleKey) {
                groupKey = keys[0].evaluate(row);
            } else {
                values = new Object[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    values[i] = keys[i].evaluate(row);
                }
                groupKey = Arrays.asList(values);
            }
            Aggregation.Accumulator[] state = groups.get(groupKey);
            if (state == null) {
                state = newState(aggregations);
                groups.put(groupKey, state);
                keyValues.put(groupKey, singleKey ? new Object[]{groupKey} : values);
            }
            for (Aggregation.Accumulator acc : state) {
                acc.add(row);
            }
        }
        if (keys.length == 0 && groups.isEmpty()) {
            groups.put(List.of(), newState(aggregations));
            keyValues.put(List.of(), new Object[0]);
        }
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (Map.Entry<Object, Aggregation.Accumulator[]> g : groups.entrySet()) {
            Object[] out = new Object[columns.size()];
            Object[] k = keyValues.get(g.getKey());
            System.arraycopy(k, 0, out, 0, k.length);
            int offset = k.length;
            for (int i = 0; i < aggregations.length; i++) {
                g.getValue()[i].write(out, offset);
                offset += aggregations[i].outputTypes().size();
            }
            rows.add(out);
        }
        return new ResultTable(columns, rows);
    }

    private static Aggregation.Accumulator[] newState(Aggregation[] aggregations) {
        Aggregation.Accumulator[] state = new Aggregation.Accumulator[aggregations.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = aggregations[i].newAccumulator();
        }
        return state;
    }
}
