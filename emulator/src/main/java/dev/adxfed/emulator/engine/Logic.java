package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;

/** {@code and}, {@code or}, {@code not} with Kusto's three-valued logic: null is "unknown". */
final class Logic {
    private Logic() {
    }

    static ScalarExpression and(ScalarExpression l, ScalarExpression r) {
        return connective("and", Boolean.FALSE, l, r);
    }

    static ScalarExpression or(ScalarExpression l, ScalarExpression r) {
        return connective("or", Boolean.TRUE, l, r);
    }

    /**
     * {@code decisive} (false for and, true for or) on either side decides alone, even beside null;
     * otherwise a null side makes the result unknown.
     */
    private static ScalarExpression connective(String name, Boolean decisive, ScalarExpression l, ScalarExpression r) {
        ScalarExpression.Evaluator le = bool(l, name);
        ScalarExpression.Evaluator re = bool(r, name);
        Boolean otherwise = !decisive;
        return ScalarExpression.of(BOOL, row -> {
            Object a = le.evaluate(row);
            if (decisive.equals(a)) {
                return decisive;
            }
            Object b = re.evaluate(row);
            if (decisive.equals(b)) {
                return decisive;
            }
            return a == null || b == null ? null : otherwise;
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
