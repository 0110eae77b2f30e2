package dev.adxfed.emulator.engine;

import java.util.List;

/**
 * The rows of a serialized row set as an operator walks them in order, for the window functions
 * ({@code row_number, prev, next}): the operator moves the window to each row before evaluating it.
 */
final class RowWindow {
    private final List<Object[]> rows;
    private int position;

    RowWindow(List<Object[]> rows) {
        this.rows = rows;
    }

    void moveTo(int position) {
        this.position = position;
    }

    int position() {
        return position;
    }

    int size() {
        return rows.size();
    }

    Object[] row(int i) {
        return rows.get(i);
    }

    /** Evaluates {@code e} as if at row {@code i}, so a window function inside it sees that row as current. */
    Object evaluateAt(int i, ScalarExpression.Evaluator e) {
        int saved = position;
        position = i;
        try {
            return e.evaluate(rows.get(i));
        } finally {
            position = saved;
        }
    }
}
