package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.Objects;

/**
 * A scalar expression compiled once per query: its Kusto type and how to compute it from a row.
 * Constant expressions (literals, {@code ago(1h)}, functions of constants) are folded at compile time.
 */
public record ScalarExpression(ScalarType type, Evaluator evaluator, boolean constant) {
    /** Computes one value from one row; implementations allocate nothing but their result. */
    @FunctionalInterface
    public interface Evaluator {
        Object evaluate(Object[] row);
    }

    public ScalarExpression {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evaluator, "evaluator");
    }

    public static ScalarExpression constant(ScalarType type, Object value) {
        return new ScalarExpression(type, row -> value, true);
    }

    public static ScalarExpression column(ScalarType type, int index) {
        return new ScalarExpression(type, row -> row[index], false);
    }

    /** A computed expression, folded to a constant when every input is constant. */
    static ScalarExpression of(ScalarType type, Evaluator evaluator, ScalarExpression... inputs) {
        for (ScalarExpression input : inputs) {
            if (!input.constant) {
                return new ScalarExpression(type, evaluator, false);
            }
        }
        return constant(type, evaluator.evaluate(null));
    }

    public Object evaluate(Object[] row) {
        return evaluator.evaluate(row);
    }

    /** The value of a constant expression. */
    public Object value() {
        if (!constant) {
            throw new IllegalStateException("not a constant expression");
        }
        return evaluator.evaluate(null);
    }
}
