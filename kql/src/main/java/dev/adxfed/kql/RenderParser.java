package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code render chart [with (name=value, ycolumns=a,b, ...)]}, and the older form with the properties written bare. */
final class RenderParser {

    private final QueryParser parser;
    private final TokenCursor t;

    RenderParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator render(SourcePosition position) {
        Token chart = t.peek();
        if (chart.kind() != Token.Kind.WORD) {
            throw t.error(chart, "expected the visualization after render, e.g. timechart or barchart");
        }
        t.advance();
        List<Property> properties = new ArrayList<>();
        if (t.check("with") && t.peek(1).is("(")) {
            t.advance();
            t.advance();
            if (!t.check(")")) {
                do {
                    properties.add(property());
                } while (t.match(","));
            }
            t.expect(")");
        } else {
            while (t.peek().kind() == Token.Kind.WORD && t.peek(1).is("=")) {
                properties.add(property());
            }
        }
        return new TabularOperator.Render(position, chart.text(), properties);
    }

    /** {@code name=value}; a value followed by {@code , name} without '=' is a list of names ({@code ycolumns=a, b}). */
    private Property property() {
        Token start = t.peek();
        Property first = parser.property();
        if (!(t.check(",") && t.peek(1).isName() && !t.peek(2).is("="))) {
            return first;
        }
        List<Object> values = new ArrayList<>();
        values.add(first.value());
        while (t.check(",") && t.peek(1).isName() && !t.peek(2).is("=")) {
            t.advance();
            values.add(t.advance().name());
        }
        return new Property(t.position(start), first.name(), List.copyOf(values));
    }
}
