package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.Comparator;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;
import static dev.adxfed.emulator.catalog.ScalarType.DYNAMIC;

/**
 * Kusto's comparison operators {@code == != < <= > >=}. Numbers of different types compare by value; a dynamic
 * operand is converted to the other operand's type. Null rules follow Kusto: {@code ==} of a null and a
 * non-null is false, of two nulls is null; {@code !=} the opposite; ordering with a null is null.
 */
final class Comparison {
    private Comparison() {
    }

    static ScalarExpression bind(String op, ScalarExpression l, ScalarExpression r) {
        ScalarType common = commonType(op, l.type(), r.type());
        ScalarExpression.Evaluator le = convert(l, common);
        ScalarExpression.Evaluator re = convert(r, common);
        Comparator<Object> order = ValueOrder.of(common);
        ScalarExpression.Evaluator ev = switch (op) {
            case "==" -> row -> {
                Object a = le.evaluate(row);
                Object b = re.evaluate(row);
                if (a == null || b == null) {
                    return a == b ? null : Boolean.FALSE;
                }
                return order.compare(a, b) == 0;
            };
            case "!=", "<>" -> row -> {
                Object a = le.evaluate(row);
                Object b = re.evaluate(row);
                if (a == null || b == null) {
                    return a == b ? null : Boolean.TRUE;
                }
                return order.compare(a, b) != 0;
            };
            default -> {
                if (common == BOOL || common == ScalarType.GUID) {
                    throw SemanticErrors.type("Operator '" + op + "' cannot be applied to values of type " + common.kqlName());
                }
                int sign = switch (op) {
                    case "<" -> 0;
                    case "<=" -> 1;
                    case ">" -> 2;
                    case ">=" -> 3;
                    default -> throw new IllegalArgumentException(op);
                };
                yield row -> {
                    Object a = le.evaluate(row);
                    Object b = re.evaluate(row);
                    if (a == null || b == null) {
                        return null;
                    }
                    int c = order.compare(a, b);
                    return switch (sign) {
                        case 0 -> c < 0;
                        case 1 -> c <= 0;
                        case 2 -> c > 0;
                        default -> c >= 0;
                    };
                };
            }
        };
        return ScalarExpression.of(BOOL, ev, l, r);
    }

    static ScalarType commonType(String op, ScalarType a, ScalarType b) {
        if (a == b) {
            return a;
        }
        if (Numbers.isNumeric(a) && Numbers.isNumeric(b)) {
            return Numbers.widest(a, b);
        }
        if (a == DYNAMIC) {
            return b;
        }
        if (b == DYNAMIC) {
            return a;
        }
        throw SemanticErrors.type("Cannot compare values of types " + a.kqlName() + " and " + b.kqlName()
                + " (operator '" + op + "'). Try adding explicit casts");
    }

    /** The operand's evaluator, converting each value to {@code common} when the operand's type differs. */
    static ScalarExpression.Evaluator convert(ScalarExpression e, ScalarType common) {
        ScalarExpression.Evaluator ev = e.evaluator();
        if (e.type() == common) {
            return ev;
        }
        return row -> Conversions.to(common, ev.evaluate(row));
    }
}
