package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.catalog.ScalarType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static dev.adxfed.emulator.catalog.ScalarType.DATETIME;
import static dev.adxfed.emulator.catalog.ScalarType.DYNAMIC;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.TIMESPAN;

/**
 * {@code percentile(x, p)}, {@code percentiles(x, p1, p2, ...)} (one column per percentage) and
 * {@code percentiles_array(x, p1, ...)} or {@code percentiles_array(x, dynamic([p1, ...]))} (one dynamic array).
 * Percentiles are exact nearest-rank values, so each is a value of the group and keeps the input's type (int
 * widened to long); Kusto estimates them with t-digest, which gives the same value on small groups.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** The percentages a call asks for, in order: the constants after the first argument, or one dynamic array of them. */
    static List<Double> percentages(String name, List<ScalarExpression> args) {
        if (args.size() < 2) {
            throw SemanticErrors.type("Aggregate '" + name + "' expects the expression and at least one percentage");
        }
        List<Object> values = new ArrayList<>();
        for (ScalarExpression a : args.subList(1, args.size())) {
            if (!a.constant()) {
                throw SemanticErrors.type("Aggregate '" + name + "' expects constant percentages");
            }
            if (a.type() == DYNAMIC && name.equals("percentiles_array") && args.size() == 2 && a.value() instanceof JsonNode j && j.isArray()) {
                j.forEach(p -> values.add(Conversions.unwrap(p)));
            } else {
                values.add(a.value());
            }
        }
        List<Double> percentages = new ArrayList<>();
        for (Object v : values) {
            Double p = v instanceof Number ? Conversions.toReal(v) : null;
            if (p == null || p < 0 || p > 100) {
                throw SemanticErrors.type("Aggregate '" + name + "' expects percentages between 0 and 100, got " + ScalarText.format(v));
            }
            percentages.add(p);
        }
        return percentages;
    }

    /** The output type of a percentile of values of {@code type}. */
    static ScalarType outputType(String name, ScalarType type) {
        if (!Numbers.isNumeric(type) && type != DATETIME && type != TIMESPAN) {
            throw SemanticErrors.type("Aggregate '" + name + "' cannot rank values of type " + type.kqlName());
        }
        return type == INT ? LONG : type;
    }

    /** One output column per percentage (percentile, percentiles). */
    static Aggregation columns(String name, ScalarExpression value, List<Double> percentages) {
        ScalarType type = outputType(name, value.type());
        return new Ranked(value, percentages, Collections.nCopies(percentages.size(), type), false);
    }

    /** One dynamic array of all percentages (percentiles_array). */
    static Aggregation array(String name, ScalarExpression value, List<Double> percentages) {
        outputType(name, value.type());
        return new Ranked(value, percentages, List.of(DYNAMIC), true);
    }

    private record Ranked(ScalarExpression value, List<Double> percentages, List<ScalarType> outputTypes, boolean asArray)
            implements Aggregation {
        @Override
        public Accumulator newAccumulator() {
            Comparator<Object> order = ValueOrder.of(value.type());
            ScalarExpression.Evaluator ev = value.evaluator();
            boolean widen = value.type() == INT;
            return new Accumulator() {
                private final List<Object> values = new ArrayList<>();

                @Override
                public void add(Object[] row) {
                    Object v = ev.evaluate(row);
                    if (v != null) {
                        values.add(widen ? Conversions.toLong(v) : v);
                    }
                }

                @Override
                public void write(Object[] out, int offset) {
                    values.sort(order);
                    if (asArray) {
                        ArrayNode a = JsonNodeFactory.instance.arrayNode();
                        percentages.forEach(p -> a.add(Conversions.wrap(rank(p))));
                        out[offset] = values.isEmpty() ? null : a;
                        return;
                    }
                    for (int i = 0; i < percentages.size(); i++) {
                        out[offset + i] = rank(percentages.get(i));
                    }
                }

                /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
                private Object rank(double percent) {
                    if (values.isEmpty()) {
                        return null;
                    }
                    int rank = (int) Math.ceil(percent / 100 * values.size());
                    return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
                }
            };
        }
    }
}
