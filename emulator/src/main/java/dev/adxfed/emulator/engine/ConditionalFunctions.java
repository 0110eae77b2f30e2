package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/** {@code iff, case, coalesce, isnull, isnotnull, isempty, isnotempty}. */
final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("iff", ConditionalFunctions::iff);
        functions.put("iif", ConditionalFunctions::iff);
        functions.put("case", ConditionalFunctions::caseOf);
        functions.put("coalesce", ConditionalFunctions::coalesce);
        functions.put("isnull", call -> nullTest(call, false));
        functions.put("isnotnull", call -> nullTest(call, true));
        functions.put("isempty", call -> emptyTest(call, false));
        functions.put("isnotempty", call -> emptyTest(call, true));
    }

    private static ScalarExpression iff(FunctionCall call) {
        call.arity(3, 3);
        ScalarExpression.Evaluator cond = condition(call, 0);
        ScalarType type = resultType(call, List.of(call.arg(1), call.arg(2)));
        ScalarExpression.Evaluator then = Comparison.convert(call.arg(1), type);
        ScalarExpression.Evaluator otherwise = Comparison.convert(call.arg(2), type);
        return call.result(type, row -> cond.evaluate(row) == Boolean.TRUE ? then.evaluate(row) : otherwise.evaluate(row));
    }

    private static ScalarExpression caseOf(FunctionCall call) {
        call.arity(3, Integer.MAX_VALUE);
        if (call.count() % 2 == 0) {
            throw SemanticErrors.type("Function 'case' expects predicate/value pairs followed by an else value");
        }
        int pairs = call.count() / 2;
        ScalarExpression.Evaluator[] conditions = new ScalarExpression.Evaluator[pairs];
        List<ScalarExpression> values = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            conditions[i] = condition(call, 2 * i);
            values.add(call.arg(2 * i + 1));
        }
        values.add(call.arg(call.count() - 1));
        ScalarType type = resultType(call, values);
        ScalarExpression.Evaluator[] results = values.stream().map(v -> Comparison.convert(v, type)).toArray(ScalarExpression.Evaluator[]::new);
        return call.result(type, row -> {
            for (int i = 0; i < pairs; i++) {
                if (conditions[i].evaluate(row) == Boolean.TRUE) {
                    return results[i].evaluate(row);
                }
            }
            return results[pairs].evaluate(row);
        });
    }

    private static ScalarExpression coalesce(FunctionCall call) {
        call.arity(1, Integer.MAX_VALUE);
        ScalarType type = resultType(call, call.args());
        ScalarExpression.Evaluator[] values = call.args().stream().map(v -> Comparison.convert(v, type)).toArray(ScalarExpression.Evaluator[]::new);
        return call.result(type, row -> {
            for (ScalarExpression.Evaluator v : values) {
                Object x = v.evaluate(row);
                if (x != null && !"".equals(x)) {
                    return x;
                }
            }
            return type == STRING ? "" : null;
        });
    }

    private static ScalarExpression nullTest(FunctionCall call, boolean expectNotNull) {
        ScalarExpression.Evaluator ev = call.arity(1, 1).arg(0).evaluator();
        return call.result(BOOL, row -> (ev.evaluate(row) != null) == expectNotNull);
    }

    private static ScalarExpression emptyTest(FunctionCall call, boolean expectNotEmpty) {
        ScalarExpression.Evaluator ev = call.arity(1, 1).arg(0).evaluator();
        return call.result(BOOL, row -> {
            Object v = ev.evaluate(row);
            boolean empty = v == null || "".equals(v);
            return empty != expectNotEmpty;
        });
    }

    private static ScalarExpression.Evaluator condition(FunctionCall call, int i) {
        ScalarExpression c = call.arg(i);
        if (c.type() != BOOL) {
            throw SemanticErrors.type("Function '" + call.name() + "': argument " + (i + 1) + " must be a bool predicate, got " + c.type().kqlName());
        }
        return c.evaluator();
    }

    /** The type all branches share: equal types, or numbers widened to the widest. */
    private static ScalarType resultType(FunctionCall call, List<ScalarExpression> values) {
        ScalarType type = values.get(0).type();
        for (ScalarExpression v : values) {
            if (v.type() == type) {
                continue;
            }
            if (Numbers.isNumeric(v.type()) && Numbers.isNumeric(type)) {
                type = Numbers.widest(type, v.type());
            } else {
                throw SemanticErrors.type("Function '" + call.name() + "': all results must have the same type, got "
                        + type.kqlName() + " and " + v.type().kqlName());
            }
        }
        return type;
    }
}
