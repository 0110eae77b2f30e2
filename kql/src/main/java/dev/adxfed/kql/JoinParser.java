package dev.adxfed.kql;

import dev.adxfed.kql.syntax.BinaryOperator;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code join [kind=...] [hint.x=y] (right) on conditions} and {@code lookup}, which is written the same way. */
final class JoinParser {

    private final QueryParser parser;
    private final TokenCursor t;

    JoinParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator join(SourcePosition position) {
        TabularOperator.JoinKind kind = null;
        List<Property> hints = new ArrayList<>();
        while (t.peek(1).is("=") || (t.check("hint") && t.peek(1).is("."))) {
            Token option = t.peek();
            if (option.is("kind")) {
                t.advance();
                t.expect("=");
                kind = joinKind();
            } else if (option.is("hint")) {
                hints.add(parser.property());
            } else {
                throw t.error(option, "unknown join option '" + option.text() + "'");
            }
        }
        TabularExpression right = t.check("(") ? parser.parenthesizedTabular() : parser.tabularSource();
        if (!t.check("on")) {
            throw t.error(t.peek(), "expected 'on' and the join columns");
        }
        t.advance();
        List<TabularOperator.JoinCondition> on = new ArrayList<>();
        do {
            joinConditions(parser.expression(), on);
        } while (t.match(","));
        return new TabularOperator.Join(position, kind, hints, right, on);
    }

    /** {@code lookup [kind=...] [hint.x=y] (right) on conditions}: the same conditions as join. */
    TabularOperator lookup(SourcePosition position) {
        String kind = null;
        List<Property> hints = new ArrayList<>();
        while ((t.check("kind") && t.peek(1).is("=")) || (t.check("hint") && t.peek(1).is("."))) {
            Property option = parser.property();
            if (option.name().equals("kind")) {
                kind = String.valueOf(option.value());
            } else {
                hints.add(option);
            }
        }
        TabularExpression right = t.check("(") ? parser.parenthesizedTabular() : parser.tabularSource();
        t.expect("on");
        List<TabularOperator.JoinCondition> on = new ArrayList<>();
        do {
            joinConditions(parser.expression(), on);
        } while (t.match(","));
        return new TabularOperator.Lookup(position, kind, hints, right, on);
    }

    private TabularOperator.JoinKind joinKind() {
        Token token = t.peek();
        for (TabularOperator.JoinKind kind : TabularOperator.JoinKind.values()) {
            if (token.is(kind.text())) {
                t.advance();
                return kind;
            }
        }
        throw t.error(token, "unknown join kind: expected inner, innerunique, leftouter, rightouter, fullouter, leftanti, leftsemi, ...");
    }

    private void joinConditions(Expression e, List<TabularOperator.JoinCondition> into) {
        if (e instanceof Expression.Name name && !name.name().startsWith("$")) {
            into.add(new TabularOperator.JoinCondition(e.position(), name.name(), name.name()));
            return;
        }
        if (e instanceof Expression.Binary b && b.operator() == BinaryOperator.AND) {
            joinConditions(b.left(), into);
            joinConditions(b.right(), into);
            return;
        }
        if (e instanceof Expression.Binary b && b.operator() == BinaryOperator.EQUAL) {
            String left = sideColumn(b.left(), "$left");
            String right = sideColumn(b.right(), "$right");
            if (left != null && right != null) {
                into.add(new TabularOperator.JoinCondition(e.position(), left, right));
                return;
            }
            left = sideColumn(b.right(), "$left");
            right = sideColumn(b.left(), "$right");
            if (left != null && right != null) {
                into.add(new TabularOperator.JoinCondition(e.position(), left, right));
                return;
            }
        }
        throw t.source().error(e.position().offset(), e.position().offset() + 1,
                "join conditions must be column names or $left.column == $right.column");
    }

    private static String sideColumn(Expression e, String side) {
        if (e instanceof Expression.Member m && m.target() instanceof Expression.Name n && n.name().equals(side)) {
            return m.member();
        }
        return null;
    }
}
