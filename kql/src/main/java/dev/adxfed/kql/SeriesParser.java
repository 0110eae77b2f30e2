package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code make-series [options] aggregates on axis (from f to t step s | in range(f, t, s)) [by keys]}. */
final class SeriesParser {

    private final QueryParser parser;
    private final TokenCursor t;

    SeriesParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator makeSeries(SourcePosition position) {
        List<Property> options = new ArrayList<>();
        while ((t.check("kind") && t.peek(1).is("=")) || (t.check("hint") && t.peek(1).is("."))) {
            options.add(parser.property());
        }
        List<TabularOperator.SeriesAggregate> aggregates = new ArrayList<>();
        do {
            aggregates.add(aggregate());
        } while (t.match(","));
        t.expect("on");
        Expression on = axis();
        Expression from = null;
        Expression to = null;
        Expression step;
        if (t.match("in")) {
            t.expect("range");
            t.expect("(");
            from = parser.expression();
            t.expect(",");
            to = parser.expression();
            t.expect(",");
            step = parser.expression();
            t.expect(")");
        } else {
            if (t.match("from")) {
                from = parser.expression();
            }
            if (t.match("to")) {
                to = parser.expression();
            }
            t.expect("step");
            step = parser.expression();
        }
        List<NamedExpression> by = t.match("by") ? parser.namedExpressions() : List.of();
        return new TabularOperator.MakeSeries(position, options, aggregates, on, from, to, step, by);
    }

    /** The axis column; read alone before {@code in range(...)}, which would otherwise parse as an {@code in} test. */
    private Expression axis() {
        if (t.atName() && t.peek(1).is("in") && t.peek(2).is("range")) {
            Token name = t.peek();
            return new Expression.Name(t.position(name), t.expectName("the axis column"));
        }
        return parser.expression();
    }

    private TabularOperator.SeriesAggregate aggregate() {
        Token start = t.peek();
        NamedExpression aggregate = parser.namedExpression();
        Expression defaultValue = null;
        if (t.check("default") && t.peek(1).is("=")) {
            t.advance();
            t.advance();
            defaultValue = parser.expression();
        }
        return new TabularOperator.SeriesAggregate(t.position(start), aggregate.name(), aggregate.expression(), defaultValue);
    }
}
