package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code mv-expand [bagexpansion=...] [with_itemindex=i] columns [limit n]} and {@code mv-apply ... on (subquery)}, which expand the same way. */
final class MvExpandParser {

    private final QueryParser parser;
    private final TokenCursor t;

    MvExpandParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator mvExpand(SourcePosition position) {
        String bagExpansion = null;
        String itemIndex = null;
        while (t.peek(1).is("=") && (t.check("bagexpansion") || t.check("with_itemindex") || t.check("kind"))) {
            Token option = t.advance();
            t.expect("=");
            if (option.is("with_itemindex")) {
                itemIndex = t.expectName("the item index column name");
            } else {
                bagExpansion = parser.oneOf(option.text(), "bag", "array");
            }
        }
        List<TabularOperator.MvExpandColumn> columns = columns();
        Expression limit = t.match("limit") ? parser.expression() : null;
        return new TabularOperator.MvExpand(position, bagExpansion, itemIndex, columns, limit);
    }

    /** {@code mv-apply [with_itemindex=i] [kind=...] columns [limit n] on (subquery)}. */
    TabularOperator mvApply(SourcePosition position) {
        List<Property> options = new ArrayList<>();
        String itemIndex = null;
        while (t.peek(1).is("=") && (t.check("with_itemindex") || t.check("kind") || t.check("bagexpansion")
                || t.check("context_id"))) {
            if (t.check("with_itemindex")) {
                t.advance();
                t.advance();
                itemIndex = t.expectName("the item index column name");
            } else {
                options.add(parser.property());
            }
        }
        List<TabularOperator.MvExpandColumn> columns = columns();
        Expression limit = t.match("limit") ? parser.expression() : null;
        t.expect("on");
        t.expect("(");
        TabularExpression subquery = parser.subquery();
        t.expect(")");
        return new TabularOperator.MvApply(position, options, itemIndex, columns, limit, subquery);
    }

    private List<TabularOperator.MvExpandColumn> columns() {
        List<TabularOperator.MvExpandColumn> columns = new ArrayList<>();
        do {
            Token start = t.peek();
            NamedExpression column = parser.namedExpression();
            String type = null;
            if (t.match("to")) {
                t.expect("typeof");
                t.expect("(");
                type = parser.typeName();
                t.expect(")");
            }
            columns.add(new TabularOperator.MvExpandColumn(t.position(start), column, type));
        } while (t.match(","));
        return columns;
    }
}
