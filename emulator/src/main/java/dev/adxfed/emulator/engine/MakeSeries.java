package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.ValueText;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code make-series aggregates [default=v] on axis [from start] [to end] step s [by keys]}: one row per group of
 * the keys, each aggregate as a dynamic array with one element per step (absent steps get the default, 0 unless
 * written), and the axis as the last column, an array of the steps' start values. Without {@code from} a series
 * starts at the first step that has data, aligned as bin() aligns; without {@code to} it ends after the last.
 * Rows before {@code from} or at or after {@code to} are left out. An empty input gives no rows, unless
 * {@code kind=nonempty} (then one row of defaults when there are no keys).
 */
final class MakeSeries {
    private static final int MAX_POINTS = 1_048_576;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MakeSeries() {
    }

    static ResultTable apply(Scope scope, ResultTable input, TabularOperator.MakeSeries o) {
        ScalarCompiler compiler = new ScalarCompiler(scope, input.columns(), "make-series");
        ScalarExpression axis = compiler.compile(o.on());
        Axis steps = Axis.of(axis.type(), constant(compiler, o.step(), "step"),
                o.from() == null ? null : constant(compiler, o.from(), "from"), o.to() == null ? null : constant(compiler, o.to(), "to"));
        List<Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<ScalarExpression.Evaluator> keys = new ArrayList<>();
        for (NamedExpression k : o.by()) {
            ScalarExpression key = compiler.compile(k.expression());
            String name = ColumnNames.unique(k.name() != null ? k.name() : ColumnNames.derived(k.expression())
                    .orElseGet(() -> ColumnNames.generated(taken)), taken);
            taken.add(name);
            columns.add(new Column(name, key.type()));
            keys.add(key.evaluator());
        }
        List<Aggregation> aggregations = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (TabularOperator.SeriesAggregate a : o.aggregates()) {
            if (!(a.aggregate() instanceof Expression.Call call) || !Aggregates.isAggregate(call.function())) {
                throw SemanticErrors.type("'make-series' operator: expected an aggregate function such as count() or avg(x) at " + a.position());
            }
            List<ScalarExpression> args = new ArrayList<>();
            call.arguments().forEach(arg -> args.add(compiler.compile(arg)));
            Aggregation aggregation = Aggregates.bind(call.function(), args);
            ScalarType type = aggregation.outputTypes().get(0);
            if (aggregation.outputTypes().size() != 1 || !(Numbers.isNumeric(type) || type == ScalarType.TIMESPAN || type == ScalarType.DATETIME)) {
                throw SemanticErrors.type("'make-series' operator: '" + call.function() + "' does not give one numeric value per step");
            }
            aggregations.add(aggregation);
            defaults.add(a.defaultValue() == null ? zero(type) : Conversions.to(type, constant(compiler, a.defaultValue(), "default")));
            String name = ColumnNames.unique(a.name() != null ? a.name() : ColumnNames.aggregate(call, 0), taken);
            taken.add(name);
            columns.add(new Column(name, ScalarType.DYNAMIC));
        }
        columns.add(new Column(ColumnNames.unique(ColumnNames.derived(o.on()).orElse("Column1"), taken), ScalarType.DYNAMIC));
        Map<List<Object>, TreeMap<Long, Aggregation.Accumulator[]>> series = group(input, axis.evaluator(), steps, keys, aggregations);
        boolean nonEmpty = o.options().stream().anyMatch(p -> p.name().equals("kind") && "nonempty".equals(String.valueOf(p.value())));
        if (series.isEmpty() && nonEmpty && keys.isEmpty() && steps.bounded()) {
            series.put(List.of(), new TreeMap<>());
        }
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, TreeMap<Long, Aggregation.Accumulator[]>> s : series.entrySet()) {
            rows.add(row(s.getKey(), s.getValue(), steps, aggregations, defaults, columns.size()));
        }
        return new ResultTable(columns, rows);
    }

    private static Map<List<Object>, TreeMap<Long, Aggregation.Accumulator[]>> group(ResultTable input, ScalarExpression.Evaluator axis,
            Axis steps, List<ScalarExpression.Evaluator> keys, List<Aggregation> aggregations) {
        Map<List<Object>, TreeMap<Long, Aggregation.Accumulator[]>> series = new LinkedHashMap<>();
        for (Object[] row : input.rows()) {
            Long step = steps.index(axis.evaluate(row));
            if (step == null) {
                continue;
            }
            Object[] key = new Object[keys.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = keys.get(i).evaluate(row);
            }
            Aggregation.Accumulator[] state = series.computeIfAbsent(Arrays.asList(key), k -> new TreeMap<>())
                    .computeIfAbsent(step, k -> aggregations.stream().map(Aggregation::newAccumulator).toArray(Aggregation.Accumulator[]::new));
            for (Aggregation.Accumulator a : state) {
                a.add(row);
            }
        }
        return series;
    }

    private static Object[] row(List<Object> key, TreeMap<Long, Aggregation.Accumulator[]> steps, Axis axis,
                                List<Aggregation> aggregations, List<Object> defaults, int width) {
        long first = axis.first(steps.isEmpty() ? 0 : steps.firstKey());
        long end = axis.end(steps.isEmpty() ? 0 : steps.lastKey() + 1);
        if (end - first > MAX_POINTS) {
            throw SemanticErrors.type("'make-series' operator: a series of " + (end - first) + " steps is over the limit of " + MAX_POINTS);
        }
        Object[] out = new Object[width];
        for (int i = 0; i < key.size(); i++) {
            out[i] = key.get(i);
        }
        Object[] one = new Object[1];
        for (int a = 0; a < aggregations.size(); a++) {
            ArrayNode values = NODES.arrayNode();
            for (long s = first; s < end; s++) {
                Aggregation.Accumulator[] state = steps.get(s);
                Object v = defaults.get(a);
                if (state != null) {
                    state[a].write(one, 0);
                    v = one[0] == null ? defaults.get(a) : one[0];
                }
                values.add(element(v));
            }
            out[key.size() + a] = values;
        }
        ArrayNode axisValues = NODES.arrayNode();
        for (long s = first; s < end; s++) {
            axisValues.add(element(axis.valueAt(s)));
        }
        out[width - 1] = axisValues;
        return out;
    }

    /** An element of a series array: datetimes and timespans as the wire writes them. */
    private static JsonNode element(Object v) {
        if (v instanceof Instant i) {
            return NODES.textNode(ValueText.datetime(i));
        }
        if (v instanceof Duration d) {
            return NODES.textNode(ValueText.timespan(d));
        }
        return Conversions.wrap(v);
    }

    private static Object zero(ScalarType type) {
        return switch (type) {
            case INT -> 0;
            case LONG -> 0L;
            case REAL -> 0.0;
            case DECIMAL -> BigDecimal.ZERO;
            case TIMESPAN -> Duration.ZERO;
            default -> null;
        };
    }

    private static Object constant(ScalarCompiler compiler, Expression e, String what) {
        ScalarExpression value = compiler.compile(e);
        if (!value.constant()) {
            throw SemanticErrors.type("'make-series' operator: " + what + " must be a constant (" + e.position() + ")");
        }
        return value.value();
    }

    /** The steps of the axis: values become step numbers counted from {@code from} (or from zero, as bin() counts). */
    private record Axis(ScalarType type, long origin, long step, Long fromIndex, Long endIndex, Long endValue) {
        static Axis of(ScalarType type, Object step, Object from, Object to) {
            boolean time = type == ScalarType.DATETIME || type == ScalarType.TIMESPAN;
            if (!time && type != ScalarType.LONG && type != ScalarType.INT) {
                throw SemanticErrors.unsupported("make-series on an axis of type " + type.kqlName() + " (datetime, timespan, int and long are)");
            }
            Long s = time ? (step instanceof Duration d ? ScalarText.toTicks(d) : null) : step instanceof Number ? Conversions.toLong(step) : null;
            if (s == null || s <= 0) {
                throw SemanticErrors.type("'make-series' operator: step must be a positive " + (time ? "timespan" : "number") + ", got "
                        + ScalarText.format(step));
            }
            Long origin = from == null ? Long.valueOf(0) : units(type, Conversions.to(type, from));
            Long end = to == null ? null : units(type, Conversions.to(type, to));
            if (origin == null || (to != null && end == null)) {
                throw SemanticErrors.type("'make-series' operator: from and to must be of the axis type " + type.kqlName());
            }
            Long endIndex = end == null ? null : Math.max(0, Math.floorDiv(end - origin + s - 1, s));
            return new Axis(type, origin, s, from == null ? null : 0L, endIndex, end);
        }

        private static Long units(ScalarType type, Object v) {
            if (v instanceof Instant i) {
                return ScalarText.toTicks(i);
            }
            if (v instanceof Duration d) {
                return ScalarText.toTicks(d);
            }
            return v == null ? null : Conversions.toLong(v);
        }

        boolean bounded() {
            return fromIndex != null && endIndex != null;
        }

        /** The step of a value, or null for a null value or one outside from..to. */
        Long index(Object value) {
            Long v = units(type, value);
            if (v == null || (endValue != null && v >= endValue)) {
                return null;
            }
            long i = Math.floorDiv(v - origin, step);
            return fromIndex != null && i < fromIndex ? null : i;
        }

        long first(long firstWithData) {
            return fromIndex != null ? fromIndex : firstWithData;
        }

        long end(long afterLastWithData) {
            return endIndex != null ? endIndex : afterLastWithData;
        }

        Object valueAt(long index) {
            long v = origin + index * step;
            return switch (type) {
                case DATETIME -> ScalarText.fromTicks(v);
                case TIMESPAN -> ScalarText.timespanOfTicks(v);
                case INT -> (int) v;
                default -> v;
            };
        }
    }
}
