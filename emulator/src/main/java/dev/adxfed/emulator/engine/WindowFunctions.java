package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.List;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;

/**
 * The window functions {@code row_number([start [, restart]])}, {@code prev(x [, offset [, default]])} and
 * {@code next(x [, offset [, default]])}. They read other rows of a serialized row set (after sort, top, range,
 * serialize, and operators that keep the order), so they are never folded to constants.
 */
final class WindowFunctions {
    private WindowFunctions() {
    }

    static boolean isWindowFunction(String name) {
        return name.equals("row_number") || name.equals("prev") || name.equals("next");
    }

    /**
     * @param window the rows the operator walks, or null where the row set is not serialized
     * @throws dev.adxfed.emulator.KustoError when the row set is not serialized, as Kusto refuses it
     */
    static ScalarExpression bind(String name, List<ScalarExpression> args, RowWindow window) {
        if (window == null) {
            throw SemanticErrors.type("Function '" + name + "' cannot be invoked in current context. Details: the row set must be serialized"
                    + " (use sort, top, range or serialize before it)");
        }
        FunctionCall call = new FunctionCall(name, args, null);
        return name.equals("row_number") ? rowNumber(call, window) : neighbour(call, window, name.equals("prev") ? -1 : 1);
    }

    private static ScalarExpression rowNumber(FunctionCall call, RowWindow window) {
        call.arity(0, 2);
        ScalarExpression.Evaluator start = call.count() > 0 ? call.arg(0, LONG, INT).evaluator() : row -> 1L;
        if (call.count() < 2) {
            return new ScalarExpression(LONG, row -> {
                Long first = Conversions.toLong(start.evaluate(row));
                return first == null ? null : first + window.position();
            }, false);
        }
        ScalarExpression.Evaluator restart = call.arg(1, BOOL).evaluator();
        long[][] numbers = new long[1][];
        return new ScalarExpression(LONG, row -> {
            if (numbers[0] == null) {
                numbers[0] = numbering(window, start, restart);
            }
            return numbers[0][window.position()];
        }, false);
    }

    /** Row numbers that go back to {@code start} on every row after the first where {@code restart} is true. */
    private static long[] numbering(RowWindow window, ScalarExpression.Evaluator start, ScalarExpression.Evaluator restart) {
        long[] numbers = new long[window.size()];
        for (int i = 0; i < numbers.length; i++) {
            Long first = Conversions.toLong(window.evaluateAt(i, start));
            long from = first == null ? 1 : first;
            numbers[i] = i == 0 || window.evaluateAt(i, restart) == Boolean.TRUE ? from : numbers[i - 1] + 1;
        }
        return numbers;
    }

    private static ScalarExpression neighbour(FunctionCall call, RowWindow window, int direction) {
        call.arity(1, 3);
        ScalarExpression value = call.arg(0);
        ScalarType type = value.type();
        ScalarExpression.Evaluator ev = value.evaluator();
        ScalarExpression.Evaluator offset = call.count() > 1 ? call.arg(1, LONG, INT).evaluator() : row -> 1L;
        Object none = type == ScalarType.STRING ? "" : null;
        ScalarExpression.Evaluator fallback = call.count() > 2 ? Comparison.convert(call.arg(2), type) : row -> none;
        return new ScalarExpression(type, row -> {
            Long n = Conversions.toLong(offset.evaluate(row));
            if (n == null) {
                return fallback.evaluate(row);
            }
            long at = window.position() + direction * n;
            return at >= 0 && at < window.size() ? window.evaluateAt((int) at, ev) : fallback.evaluate(row);
        }, false);
    }
}
