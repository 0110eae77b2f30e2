package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static dev.adxfed.emulator.catalog.ScalarType.DECIMAL;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.REAL;
import static dev.adxfed.emulator.catalog.ScalarType.TIMESPAN;

/**
 * {@code round, abs, ceiling, pow, sqrt, log, log10, log2, exp, exp2, exp10, max_of, min_of}. Functions of reals take any number and give
 * a real; a logarithm or square root of a negative number is null, as Kusto documents, not NaN.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("round", MathFunctions::round);
        functions.put("abs", MathFunctions::abs);
        functions.put("pow", MathFunctions::pow);
        functions.put("sqrt", call -> real(call, x -> x < 0 ? Double.NaN : Math.sqrt(x)));
        functions.put("log", call -> real(call, x -> x < 0 ? Double.NaN : Math.log(x)));
        functions.put("log10", call -> real(call, x -> x < 0 ? Double.NaN : Math.log10(x)));
        functions.put("log2", call -> real(call, x -> x < 0 ? Double.NaN : Math.log(x) / Math.log(2)));
        functions.put("exp", call -> real(call, Math::exp));
        functions.put("exp2", call -> real(call, x -> Math.pow(2, x)));
        functions.put("exp10", call -> real(call, x -> Math.pow(10, x)));
        functions.put("ceiling", call -> real(call, Math::ceil));
        functions.put("max_of", call -> extreme(call, true));
        functions.put("min_of", call -> extreme(call, false));
    }

    /** A real function of one number; NaN from {@code f} stands for "undefined here" and becomes null. */
    private static ScalarExpression real(FunctionCall call, DoubleUnaryOperator f) {
        ScalarExpression.Evaluator x = number(call.arity(1, 1), 0);
        return call.result(REAL, row -> {
            Double v = Conversions.toReal(x.evaluate(row));
            if (v == null || v.isNaN()) {
                return null;
            }
            double r = f.applyAsDouble(v);
            return Double.isNaN(r) ? null : r;
        });
    }

    /** {@code max_of(a, b, ...)}/{@code min_of}: nulls are skipped; numbers widen to the widest argument type. */
    private static ScalarExpression extreme(FunctionCall call, boolean max) {
        call.arity(2, 64);
        ScalarType type = call.arg(0).type();
        for (ScalarExpression a : call.args()) {
            if (Numbers.isNumeric(type) && Numbers.isNumeric(a.type())) {
                type = Numbers.widest(type, a.type());
            } else if (a.type() != type || type == ScalarType.DYNAMIC) {
                throw SemanticErrors.type("Function '" + call.name() + "': arguments must have one type, got " + type.kqlName() + " and " + a.type().kqlName());
            }
        }
        ScalarType common = type;
        ScalarExpression.Evaluator[] values = call.args().stream().map(a -> Comparison.convert(a, common)).toArray(ScalarExpression.Evaluator[]::new);
        Comparator<Object> order = ValueOrder.of(common);
        return call.result(common, row -> {
            Object best = null;
            for (ScalarExpression.Evaluator v : values) {
                Object x = v.evaluate(row);
                if (x != null && (best == null || (max ? order.compare(x, best) > 0 : order.compare(x, best) < 0))) {
                    best = x;
                }
            }
            return best;
        });
    }

    private static ScalarExpression pow(FunctionCall call) {
        call.arity(2, 2);
        ScalarExpression.Evaluator base = number(call, 0);
        ScalarExpression.Evaluator exponent = number(call, 1);
        return call.result(REAL, row -> {
            Double b = Conversions.toReal(base.evaluate(row));
            Double e = Conversions.toReal(exponent.evaluate(row));
            return b == null || e == null ? null : Math.pow(b, e);
        });
    }

    private static ScalarExpression abs(FunctionCall call) {
        ScalarExpression x = call.arity(1, 1).arg(0, INT, LONG, REAL, DECIMAL, TIMESPAN);
        ScalarExpression.Evaluator ev = x.evaluator();
        return call.result(x.type(), row -> {
            Object v = ev.evaluate(row);
            if (v instanceof Integer i) {
                return Math.abs(i);
            }
            if (v instanceof Long l) {
                return Math.abs(l);
            }
            if (v instanceof Double d) {
                return Math.abs(d);
            }
            if (v instanceof BigDecimal b) {
                return b.abs();
            }
            return v == null ? null : ((Duration) v).abs();
        });
    }

    /**
     * {@code round(x [, digits])}: the type of {@code x} is kept; negative digits round left of the point
     * ({@code round(-50.55, -2)} is -100). A midpoint rounds away from zero, of the value scaled to the
     * digits as a real, so {@code round(2.15, 1)} is 2.2 as Kusto documents.
     */
    private static ScalarExpression round(FunctionCall call) {
        call.arity(1, 2);
        ScalarExpression x = call.arg(0, INT, LONG, REAL, DECIMAL);
        ScalarExpression.Evaluator value = x.evaluator();
        ScalarExpression.Evaluator digits = call.count() == 2 ? call.arg(1, INT, LONG).evaluator() : row -> 0L;
        ScalarType type = x.type();
        return call.result(type, row -> {
            Object v = value.evaluate(row);
            Long d = Conversions.toLong(digits.evaluate(row));
            if (v == null || d == null) {
                return null;
            }
            int places = (int) Math.max(-30, Math.min(30, d));
            return switch (type) {
                case INT -> places >= 0 ? v : Conversions.toInt(roundDecimal(BigDecimal.valueOf((Integer) v), places));
                case LONG -> places >= 0 ? v : Conversions.toLong(roundDecimal(BigDecimal.valueOf((Long) v), places));
                case DECIMAL -> roundDecimal((BigDecimal) v, places);
                default -> roundReal((Double) v, places);
            };
        });
    }

    private static BigDecimal roundDecimal(BigDecimal v, int places) {
        return v.setScale(places, RoundingMode.HALF_UP);
    }

    private static double roundReal(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, Math.abs(places));
        double scaled = places >= 0 ? v * scale : v / scale;
        double rounded = Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5);
        return places >= 0 ? rounded / scale : rounded * scale;
    }

    private static ScalarExpression.Evaluator number(FunctionCall call, int i) {
        return call.arg(i, INT, LONG, REAL, DECIMAL).evaluator();
    }
}
