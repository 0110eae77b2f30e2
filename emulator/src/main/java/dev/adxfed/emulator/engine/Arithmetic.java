package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

import static dev.adxfed.emulator.catalog.ScalarType.DATETIME;
import static dev.adxfed.emulator.catalog.ScalarType.REAL;
import static dev.adxfed.emulator.catalog.ScalarType.TIMESPAN;

/**
 * Kusto's arithmetic operators {@code + - * / %} and unary minus over numbers, datetimes and timespans.
 * The result type is decided once from the operand types; a null operand gives null, and so does an
 * integer division by zero.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static ScalarExpression bind(String op, ScalarExpression l, ScalarExpression r) {
        ScalarType lt = l.type();
        ScalarType rt = r.type();
        if (Numbers.isNumeric(lt) && Numbers.isNumeric(rt)) {
            return numeric(op, Numbers.arithmetic(lt, rt), l, r);
        }
        ScalarExpression.Evaluator le = l.evaluator();
        ScalarExpression.Evaluator re = r.evaluator();
        String pair = lt.kqlName() + op + rt.kqlName();
        return switch (pair) {
            case "datetime-datetime" -> ScalarExpression.of(TIMESPAN, row -> {
                Instant a = (Instant) le.evaluate(row);
                Instant b = (Instant) re.evaluate(row);
                return a == null || b == null ? null : Duration.between(b, a);
            }, l, r);
            case "datetime+timespan", "datetime-timespan" -> {
                boolean minus = op.equals("-");
                yield ScalarExpression.of(DATETIME, row -> {
                    Instant a = (Instant) le.evaluate(row);
                    Duration b = (Duration) re.evaluate(row);
                    return a == null || b == null ? null : minus ? a.minus(b) : a.plus(b);
                }, l, r);
            }
            case "timespan+datetime" -> ScalarExpression.of(DATETIME, row -> {
                Duration a = (Duration) le.evaluate(row);
                Instant b = (Instant) re.evaluate(row);
                return a == null || b == null ? null : b.plus(a);
            }, l, r);
            case "timespan+timespan", "timespan-timespan", "timespan%timespan" -> ScalarExpression.of(TIMESPAN, row -> {
                Duration a = (Duration) le.evaluate(row);
                Duration b = (Duration) re.evaluate(row);
                if (a == null || b == null) {
                    return null;
                }
                return switch (op) {
                    case "+" -> a.plus(b);
                    case "-" -> a.minus(b);
                    default -> b.isZero() ? null : ScalarText.timespanOfTicks(ScalarText.toTicks(a) % ScalarText.toTicks(b));
                };
            }, l, r);
            case "timespan/timespan" -> ScalarExpression.of(REAL, row -> {
                Duration a = (Duration) le.evaluate(row);
                Duration b = (Duration) re.evaluate(row);
                return a == null || b == null ? null : (double) ScalarText.toTicks(a) / ScalarText.toTicks(b);
            }, l, r);
            default -> {
                if (lt == TIMESPAN && Numbers.isNumeric(rt) && (op.equals("*") || op.equals("/"))) {
                    yield scaleTimespan(op, l, r, false);
                }
                if (rt == TIMESPAN && Numbers.isNumeric(lt) && op.equals("*")) {
                    yield scaleTimespan(op, r, l, true);
                }
                throw SemanticErrors.type("Arithmetic expression cannot be carried-out between "
                        + lt.kqlName() + " and " + rt.kqlName() + " (operator '" + op + "')");
            }
        };
    }

    static ScalarExpression negate(ScalarExpression e) {
        ScalarExpression.Evaluator ev = e.evaluator();
        return switch (e.type()) {
            case INT -> ScalarExpression.of(e.type(), row -> {
                Integer v = (Integer) ev.evaluate(row);
                return v == null ? null : -v;
            }, e);
            case LONG -> ScalarExpression.of(e.type(), row -> {
                Long v = (Long) ev.evaluate(row);
                return v == null ? null : -v;
            }, e);
            case REAL -> ScalarExpression.of(e.type(), row -> {
                Double v = (Double) ev.evaluate(row);
                return v == null ? null : -v;
            }, e);
            case DECIMAL -> ScalarExpression.of(e.type(), row -> {
                BigDecimal v = (BigDecimal) ev.evaluate(row);
                return v == null ? null : v.negate();
            }, e);
            case TIMESPAN -> ScalarExpression.of(e.type(), row -> {
                Duration v = (Duration) ev.evaluate(row);
                return v == null ? null : v.negated();
            }, e);
            default -> throw SemanticErrors.type("Unary minus cannot be applied to " + e.type().kqlName());
        };
    }

    private static ScalarExpression scaleTimespan(String op, ScalarExpression span, ScalarExpression factor, boolean swapped) {
        ScalarExpression.Evaluator se = span.evaluator();
        ScalarExpression.Evaluator fe = factor.evaluator();
        boolean divide = op.equals("/") && !swapped;
        return ScalarExpression.of(TIMESPAN, row -> {
            Duration d = (Duration) se.evaluate(row);
            Double f = Conversions.toReal(fe.evaluate(row));
            if (d == null || f == null || (divide && f == 0)) {
                return null;
            }
            double ticks = divide ? ScalarText.toTicks(d) / f : ScalarText.toTicks(d) * f;
            return ScalarText.timespanOfTicks(Math.round(ticks));
        }, span, factor);
    }

    private static ScalarExpression numeric(String op, ScalarType type, ScalarExpression l, ScalarExpression r) {
        ScalarExpression.Evaluator le = l.evaluator();
        ScalarExpression.Evaluator re = r.evaluator();
        ScalarExpression.Evaluator ev = switch (type) {
            case LONG -> row -> {
                Long a = Conversions.toLong(le.evaluate(row));
                Long b = Conversions.toLong(re.evaluate(row));
                return a == null || b == null ? null : longOp(op, a, b);
            };
            case DECIMAL -> row -> {
                BigDecimal a = Conversions.toDecimal(le.evaluate(row));
                BigDecimal b = Conversions.toDecimal(re.evaluate(row));
                return a == null || b == null ? null : decimalOp(op, a, b);
            };
            default -> row -> {
                Double a = Conversions.toReal(le.evaluate(row));
                Double b = Conversions.toReal(re.evaluate(row));
                return a == null || b == null ? null : realOp(op, a, b);
            };
        };
        return ScalarExpression.of(type, ev, l, r);
    }

    private static Long longOp(String op, long a, long b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            case "%" -> b == 0 ? null : a % b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Double realOp(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static BigDecimal decimalOp(String op, BigDecimal a, BigDecimal b) {
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL128);
            case "%" -> b.signum() == 0 ? null : a.remainder(b);
            default -> throw new IllegalArgumentException(op);
        };
    }
}
