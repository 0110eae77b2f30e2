package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;

/** {@code and}, {@code or}, {@code not} with Kusto's three-valued logic: null is "unknown". */
final class Logic {
    private Logic() {
    }

    static ScalarExpression and(ScalarExpression l, ScalarExpression r) {
        ScalarExpression.Evaluator le = bool(l, "and");
        ScalarExpression.Evaluator re = bool(r, "and");
        return ScalarExpression.of(BOOL, row -> {
            Object a = le.evaluate(row);
            if (a == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            Object b = re.evaluate(row);
            if (b == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            return a == null || b == null ? null : Boolean.TRUE;
        }, l, r);
    }

    static ScalarExpression or(ScalarExpression l, ScalarExpression r) {
        ScalarExpression.Evaluator le = bool(l, "or");
        ScalarExpression.Evaluator re = bool(r, "or");
        return ScalarExpression.of(BOOL, row -> {
            Object a = le.evaluate(row);
            if (a == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            Object b = re.evaluate(row);
            if (b == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            return a == null || b == null ? null : Boolean.FALSE;
        }, l, r);
    }

    static ScalarExpression not(ScalarExpression e) {
        ScalarExpression.Evaluator ev = bool(e, "not");
        return ScalarExpression.of(BOOL, row -> {
            Object a = ev.evaluate(row);
            return a == null ? null : a == Boolean.TRUE ? Boolean.FALSE : Boolean.TRUE;
        }, e);
    }

    /** The operand as canonical Boolean objects, so identity comparison is safe. */
    private static ScalarExpression.Evaluator bool(ScalarExpression e, String op) {
        ScalarExpression.Evaluator ev = e.evaluator();
        if (e.type() == ScalarType.DYNAMIC) {
            return row -> Conversions.toBool(ev.evaluate(row));
        }
        if (e.type() != BOOL) {
            throw SemanticErrors.type("Operator '" + op + "' expects bool operands, got " + e.type().kqlName());
        }
        return row -> {
            Object v = ev.evaluate(row);
            return v == null ? null : Boolean.valueOf((Boolean) v);
        };
    }
}
