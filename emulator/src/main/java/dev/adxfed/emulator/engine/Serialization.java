package dev.adxfed.emulator.engine;

import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

/**
 * Whether a row set is serialized (has an order that window functions may rely on), as Kusto's serialize page
 * lists it: range, sort, top, top-hitters, getschema and serialize produce one; count, distinct, join, mv-expand,
 * summarize, make-series, evaluate and the like lose it; every other operator keeps what its input had.
 */
final class Serialization {
    private Serialization() {
    }

    static boolean of(TabularExpression e) {
        if (e instanceof TabularExpression.Pipe p) {
            return after(p.operator(), of(p.input()));
        }
        return e instanceof TabularExpression.Range;
    }

    /** Whether the output of {@code operator} is serialized, given whether its input was. */
    static boolean after(TabularOperator operator, boolean input) {
        if (operator instanceof TabularOperator.Sort || operator instanceof TabularOperator.Top
                || operator instanceof TabularOperator.GetSchema || operator instanceof TabularOperator.Serialize) {
            return true;
        }
        if (operator instanceof TabularOperator.Count || operator instanceof TabularOperator.Distinct
                || operator instanceof TabularOperator.Join || operator instanceof TabularOperator.MvExpand
                || operator instanceof TabularOperator.Summarize || operator instanceof TabularOperator.MakeSeries
                || operator instanceof TabularOperator.Evaluate) {
            return false;
        }
        if (operator instanceof TabularOperator.Generic g) {
            return switch (g.name()) {
                case "top-hitters" -> true;
                case "facet", "reduce", "sample", "sample-distinct", "top-nested" -> false;
                default -> input;
            };
        }
        return input;
    }
}
