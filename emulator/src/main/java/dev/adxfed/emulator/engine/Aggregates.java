package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.catalog.ScalarType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;
import static dev.adxfed.emulator.catalog.ScalarType.DECIMAL;
import static dev.adxfed.emulator.catalog.ScalarType.DYNAMIC;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.REAL;
import static dev.adxfed.emulator.catalog.ScalarType.TIMESPAN;

/**
 * Kusto's aggregation functions for summarize: count, countif, sum, avg, min, max, dcount (exact), take_any,
 * the *if forms (sumif, avgif, minif, maxif, dcountif), stdev/variance ({@link Dispersion}), make_bag, make_set,
 * make_list, percentile/percentiles/percentiles_array ({@link Percentiles}), and arg_max/arg_min.
 * Nulls are ignored, as Kusto ignores them.
 */
final class Aggregates {
    private Aggregates() {
    }

    static boolean isAggregate(String name) {
        return switch (name) {
            case "count", "countif", "sum", "avg", "min", "max", "dcount", "take_any", "any", "make_set",
                    "make_list", "make_bag", "percentile", "percentiles", "percentiles_array", "arg_max", "arg_min",
                    "sumif", "avgif", "minif", "maxif", "dcountif", "stdev", "stdevp", "variance", "variancep" -> true;
            default -> false;
        };
    }

    /** A single-output aggregate; arg_max and arg_min go through {@link #argExtreme}. */
    static Aggregation bind(String name, List<ScalarExpression> args) {
        return switch (name) {
            case "count" -> {
                arity(name, args, 0, 0);
                yield single(LONG, () -> new Counter(null));
            }
            case "countif" -> {
                arity(name, args, 1, 1);
                yield single(LONG, () -> new Counter(predicate(name, args.get(0))));
            }
            case "sum" -> sum(name, arg(name, args));
            case "avg" -> avg(name, arg(name, args));
            case "min" -> extreme(arg(name, args), false);
            case "max" -> extreme(arg(name, args), true);
            case "dcount" -> {
                arity(name, args, 1, 2);
                ScalarExpression.Evaluator e = args.get(0).evaluator();
                yield single(LONG, () -> new Distinct(e));
            }
            case "take_any", "any" -> {
                ScalarExpression e = arg(name, args);
                yield single(e.type(), () -> new Any(e.evaluator()));
            }
            case "sumif", "avgif", "minif", "maxif", "dcountif" -> onlyIf(name, args);
            case "stdev", "stdevp", "variance", "variancep" -> Dispersion.of(name, arg(name, args));
            case "make_bag" -> makeBag(name, args);
            case "make_set" -> collect(name, args, LinkedHashSet::new);
            case "make_list" -> collect(name, args, ArrayList::new);
            case "percentile" -> {
                arity(name, args, 2, 2);
                yield Percentiles.columns(name, args.get(0), Percentiles.percentages(name, args));
            }
            case "percentiles" -> Percentiles.columns(name, args.get(0), Percentiles.percentages(name, args));
            case "percentiles_array" -> Percentiles.array(name, args.get(0), Percentiles.percentages(name, args));
            default -> throw SemanticErrors.unknownFunction(name);
        };
    }

    /** arg_max/arg_min: the row of the group where {@code key} is largest/smallest, projected by {@code returns}. */
    static Aggregation argExtreme(boolean max, ScalarExpression key, List<ScalarExpression> returns) {
        List<ScalarType> types = new ArrayList<>();
        types.add(key.type());
        returns.forEach(r -> types.add(r.type()));
        Comparator<Object> order = ValueOrder.of(key.type());
        ScalarExpression.Evaluator k = key.evaluator();
        ScalarExpression.Evaluator[] projections = returns.stream().map(ScalarExpression::evaluator).toArray(ScalarExpression.Evaluator[]::new);
        return new Fixed(List.copyOf(types), () -> new Aggregation.Accumulator() {
            private Object best;
            private Object[] bestRow;

            @Override
            public void add(Object[] row) {
                Object v = k.evaluate(row);
                if (v == null) {
                    if (bestRow == null) {
                        bestRow = row;
                    }
                    return;
                }
                if (best == null || (max ? order.compare(v, best) > 0 : order.compare(v, best) < 0)) {
                    best = v;
                    bestRow = row;
                }
            }

            @Override
            public void write(Object[] out, int offset) {
                out[offset] = best;
                for (int i = 0; i < projections.length; i++) {
                    out[offset + 1 + i] = bestRow == null ? null : projections[i].evaluate(bestRow);
                }
            }
        });
    }

    private record Fixed(List<ScalarType> outputTypes, Supplier<Aggregation.Accumulator> factory) implements Aggregation {
        @Override
        public Accumulator newAccumulator() {
            return factory.get();
        }
    }

    private static Aggregation single(ScalarType type, Supplier<Aggregation.Accumulator> factory) {
        return new Fixed(List.of(type), factory);
    }

    private static ScalarExpression arg(String name, List<ScalarExpression> args) {
        arity(name, args, 1, 1);
        return args.get(0);
    }

    private static void arity(String name, List<ScalarExpression> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw SemanticErrors.type("Aggregate '" + name + "' expects " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " argument(s), got " + args.size());
        }
    }

    private static ScalarExpression.Evaluator predicate(String name, ScalarExpression e) {
        if (e.type() != BOOL) {
            throw SemanticErrors.type("Aggregate '" + name + "' expects a bool predicate, got " + e.type().kqlName());
        }
        return e.evaluator();
    }

    private static final class Counter implements Aggregation.Accumulator {
        private final ScalarExpression.Evaluator predicate;
        private long count;

        Counter(ScalarExpression.Evaluator predicate) {
            this.predicate = predicate;
        }

        @Override
        public void add(Object[] row) {
            if (predicate == null || predicate.evaluate(row) == Boolean.TRUE) {
                count++;
            }
        }

        @Override
        public void write(Object[] out, int offset) {
            out[offset] = count;
        }
    }

    private static Aggregation sum(String name, ScalarExpression e) {
        ScalarExpression.Evaluator ev = e.evaluator();
        return switch (e.type()) {
            case INT, LONG -> single(LONG, () -> new Folding<Long>(ev, v -> ((Number) v).longValue(), Long::sum));
            case REAL -> single(REAL, () -> new Folding<Double>(ev, v -> (Double) v, Double::sum));
            case DECIMAL -> single(DECIMAL, () -> new Folding<BigDecimal>(ev, v -> (BigDecimal) v, BigDecimal::add));
            case TIMESPAN -> single(TIMESPAN, () -> new Folding<Duration>(ev, v -> (Duration) v, Duration::plus));
            default -> throw SemanticErrors.type("Aggregate '" + name + "' cannot sum values of type " + e.type().kqlName());
        };
    }

    /** Folds the non-null values of a group with one binary operation; null when there were none. */
    private static final class Folding<T> implements Aggregation.Accumulator {
        private final ScalarExpression.Evaluator value;
        private final Function<Object, T> cast;
        private final BinaryOperator<T> op;
        private T total;

        Folding(ScalarExpression.Evaluator value, Function<Object, T> cast, BinaryOperator<T> op) {
            this.value = value;
            this.cast = cast;
            this.op = op;
        }

        @Override
        public void add(Object[] row) {
            Object v = value.evaluate(row);
            if (v != null) {
                T t = cast.apply(v);
                total = total == null ? t : op.apply(total, t);
            }
        }

        @Override
        public void write(Object[] out, int offset) {
            out[offset] = total;
        }
    }

    private static Aggregation avg(String name, ScalarExpression e) {
        if (!Numbers.isNumeric(e.type())) {
            throw SemanticErrors.type("Aggregate '" + name + "' cannot average values of type " + e.type().kqlName());
        }
        ScalarExpression.Evaluator ev = e.evaluator();
        return single(REAL, () -> new Aggregation.Accumulator() {
            private double sum;
            private long n;

            @Override
            public void add(Object[] row) {
                Object v = ev.evaluate(row);
                if (v != null) {
                    sum += ((Number) v).doubleValue();
                    n++;
                }
            }

            @Override
            public void write(Object[] out, int offset) {
                out[offset] = n == 0 ? null : sum / n;
            }
        });
    }

    private static Aggregation extreme(ScalarExpression e, boolean max) {
        if (e.type() == DYNAMIC || e.type() == ScalarType.GUID) {
            throw SemanticErrors.type("Aggregate '" + (max ? "max" : "min") + "' cannot order values of type " + e.type().kqlName());
        }
        Comparator<Object> order = ValueOrder.of(e.type());
        ScalarExpression.Evaluator ev = e.evaluator();
        return single(e.type(), () -> new Folding<Object>(ev, v -> v,
                (a, b) -> (max ? order.compare(b, a) > 0 : order.compare(b, a) < 0) ? b : a));
    }

    private static final class Distinct implements Aggregation.Accumulator {
        private final ScalarExpression.Evaluator value;
        private final Set<Object> seen = new HashSet<>();

        Distinct(ScalarExpression.Evaluator value) {
            this.value = value;
        }

        @Override
        public void add(Object[] row) {
            Object v = value.evaluate(row);
            if (v != null) {
                seen.add(v);
            }
        }

        @Override
        public void write(Object[] out, int offset) {
            out[offset] = (long) seen.size();
        }
    }

    private static final class Any implements Aggregation.Accumulator {
        private final ScalarExpression.Evaluator value;
        private Object found;

        Any(ScalarExpression.Evaluator value) {
            this.value = value;
        }

        @Override
        public void add(Object[] row) {
            if (found == null) {
                found = value.evaluate(row);
            }
        }

        @Override
        public void write(Object[] out, int offset) {
            out[offset] = found;
        }
    }

    private static Aggregation collect(String name, List<ScalarExpression> args, Supplier<Collection<Object>> collection) {
        arity(name, args, 1, 2);
        long limit = args.size() == 2 ? constantLong(name, args.get(1)) : 1_048_576;
        ScalarExpression.Evaluator ev = args.get(0).evaluator();
        return single(DYNAMIC, () -> new Aggregation.Accumulator() {
            private final Collection<Object> values = collection.get();

            @Override
            public void add(Object[] row) {
                Object v = ev.evaluate(row);
                if (v != null && values.size() < limit) {
                    values.add(v);
                }
            }

            @Override
            public void write(Object[] out, int offset) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                values.forEach(v -> a.add(Conversions.wrap(v)));
                out[offset] = a;
            }
        });
    }

    /** {@code sumif(x, p)} and the like: the aggregate of the rows where the predicate (the last argument) is true. */
    private static Aggregation onlyIf(String name, List<ScalarExpression> args) {
        arity(name, args, 2, name.equals("dcountif") ? 3 : 2);
        ScalarExpression.Evaluator p = predicate(name, args.get(1));
        List<ScalarExpression> rest = new ArrayList<>(args);
        rest.remove(1);
        Aggregation inner = bind(name.substring(0, name.length() - 2), rest);
        return new Fixed(inner.outputTypes(), () -> {
            Aggregation.Accumulator a = inner.newAccumulator();
            return new Aggregation.Accumulator() {
                @Override
                public void add(Object[] row) {
                    if (p.evaluate(row) == Boolean.TRUE) {
                        a.add(row);
                    }
                }

                @Override
                public void write(Object[] out, int offset) {
                    a.write(out, offset);
                }
            };
        });
    }

    /** {@code make_bag(bag [, max])}: one bag of the properties of every bag in the group; the first value of a key wins. */
    private static Aggregation makeBag(String name, List<ScalarExpression> args) {
        arity(name, args, 1, 2);
        if (args.get(0).type() != DYNAMIC) {
            throw SemanticErrors.type("Aggregate 'make_bag' expects a dynamic bag, got " + args.get(0).type().kqlName());
        }
        long limit = args.size() == 2 ? constantLong(name, args.get(1)) : 1_048_576;
        ScalarExpression.Evaluator ev = args.get(0).evaluator();
        return single(DYNAMIC, () -> new Aggregation.Accumulator() {
            private final ObjectNode bag = JsonNodeFactory.instance.objectNode();

            @Override
            public void add(Object[] row) {
                if (ev.evaluate(row) instanceof ObjectNode o) {
                    o.fields().forEachRemaining(e -> {
                        if (bag.size() < limit) {
                            bag.putIfAbsent(e.getKey(), e.getValue());
                        }
                    });
                }
            }

            @Override
            public void write(Object[] out, int offset) {
                out[offset] = bag;
            }
        });
    }

    private static long constantLong(String name, ScalarExpression e) {
        Long v = e.constant() ? Conversions.toLong(e.value()) : null;
        if (v == null || v <= 0) {
            throw SemanticErrors.type("Aggregate '" + name + "' expects a positive constant size limit");
        }
        return v;
    }
}
