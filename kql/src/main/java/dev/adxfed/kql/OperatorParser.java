package dev.adxfed.kql;

import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SortKey;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The operators after a pipe, one method per operator; the larger ones have their own classes. */
final class OperatorParser {
    /** Operators read into a {@link TabularOperator.Generic}: the engine runs none of them. */
    private static final Set<String> GENERIC_OPERATORS = Set.of(
            "project-keep", "project-reorder", "project-smart", "project-by-names", "make-graph", "parse-kv",
            "top-nested", "top-hitters", "sample", "sample-distinct", "invoke", "fork", "facet", "partition", "reduce",
            "scan", "consume", "search", "assert-schema", "execute-and-cache", "graph-match", "graph-to-table",
            "graph-shortest-paths", "graph-mark-components", "graph-where-nodes", "graph-where-edges");

    /** Every operator name the dispatch below knows, so that a subquery can tell {@code (take 1)} from {@code (T)}. */
    private static final Set<String> NAMES = Set.of("where", "filter", "project", "project-away", "project-rename",
            "extend", "summarize", "take", "limit", "top", "sort", "order", "distinct", "count", "join", "mv-expand",
            "lookup", "mv-apply", "parse", "parse-where", "make-series", "render", "serialize", "evaluate", "as",
            "getschema", "union");

    private final QueryParser parser;
    private final TokenCursor t;

    private final JoinParser joins;
    private final MvExpandParser mvExpands;
    private final ParseOperatorParser parses;
    private final SeriesParser series;
    private final RenderParser renders;
    private final GenericOperatorParser generics;

    OperatorParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
        this.joins = new JoinParser(parser);
        this.mvExpands = new MvExpandParser(parser);
        this.parses = new ParseOperatorParser(parser);
        this.series = new SeriesParser(parser);
        this.renders = new RenderParser(parser);
        this.generics = new GenericOperatorParser(parser);
    }

    TabularOperator operator() {
        Token op = t.peek();
        SourcePosition position = t.position(op);
        if (op.kind() != Token.Kind.WORD) {
            throw t.error(op, "expected a query operator after '|'");
        }
        switch (op.text()) {
            case "where":
            case "filter":
                t.advance();
                return new TabularOperator.Where(position, parser.expression());
            case "project":
                t.advance();
                return new TabularOperator.Project(position, atOperatorEnd() ? List.of() : namedExpressions());
            case "project-away":
                t.advance();
                return new TabularOperator.ProjectAway(position, atOperatorEnd() ? List.of() : columnPatterns());
            case "project-rename":
                t.advance();
                return atOperatorEnd() ? new TabularOperator.ProjectRename(position, List.of()) : projectRename(position);
            case "extend":
                t.advance();
                return new TabularOperator.Extend(position, namedExpressions());
            case "summarize":
                t.advance();
                return summarize(position);
            case "take":
            case "limit":
                t.advance();
                return new TabularOperator.Take(position, parser.expression());
            case "top":
                t.advance();
                Expression count = parser.expression();
                t.expect("by");
                return new TabularOperator.Top(position, count, sortKey());
            case "sort":
            case "order":
                t.advance();
                t.expect("by");
                List<SortKey> keys = new ArrayList<>();
                do {
                    keys.add(sortKey());
                } while (t.match(","));
                return new TabularOperator.Sort(position, keys);
            case "distinct":
                t.advance();
                return distinct(position);
            case "count":
                t.advance();
                return new TabularOperator.Count(position);
            case "join":
                t.advance();
                return joins.join(position);
            case "mv-expand":
                t.advance();
                return mvExpands.mvExpand(position);
            case "lookup":
                t.advance();
                return joins.lookup(position);
            case "mv-apply":
                t.advance();
                return mvExpands.mvApply(position);
            case "parse":
            case "parse-where":
                t.advance();
                return parses.parse(position, op.is("parse-where"));
            case "make-series":
                t.advance();
                return series.makeSeries(position);
            case "render":
                t.advance();
                return renders.render(position);
            case "serialize":
                t.advance();
                return new TabularOperator.Serialize(position, atOperatorEnd() ? List.of() : namedExpressions());
            case "evaluate":
                t.advance();
                return evaluate(position);
            case "as":
                t.advance();
                List<Property> hints = new ArrayList<>();
                while (t.check("hint") && t.peek(1).is(".")) {
                    hints.add(parser.property());
                }
                return new TabularOperator.As(position, hints, t.expectName("a name after 'as'"));
            case "getschema":
                t.advance();
                return new TabularOperator.GetSchema(position);
            case "union":
                t.advance();
                TabularExpression.UnionOptions options = parser.unionOptions();
                return new TabularOperator.Union(position, options, parser.unionTables());
            default:
                if (GENERIC_OPERATORS.contains(op.text())) {
                    t.advance();
                    return generics.generic(position, op.text());
                }
                throw t.error(op, "expected a query operator after '|' (where, project, extend, summarize, ...)");
        }
    }

    /** {@code find}, {@code search}, {@code graph('G')} or {@code externaldata} as the source of a query. */
    TabularOperator.Generic standalone(SourcePosition position, String name) {
        return generics.generic(position, name);
    }

    static boolean isOperatorName(Token token) {
        return token.kind() == Token.Kind.WORD && (NAMES.contains(token.text()) || GENERIC_OPERATORS.contains(token.text()));
    }

    /** Whether the operator's text ends here: the next pipe, the end of a subquery or statement. */
    boolean atOperatorEnd() {
        return t.atEnd() || t.check("|") || t.check(")") || t.check(";") || t.check("}");
    }

    /** {@code evaluate [hint.x=y] plugin(arguments)}. */
    TabularOperator.Evaluate evaluate(SourcePosition position) {
        List<Property> options = new ArrayList<>();
        while (t.peek().kind() == Token.Kind.WORD && (t.peek(1).is("=") || (t.check("hint") && t.peek(1).is(".")))) {
            options.add(parser.property());
        }
        Token plugin = t.peek();
        if (!plugin.isName() || !t.peek(1).is("(")) {
            throw t.error(plugin, "expected a plugin call after evaluate, e.g. bag_unpack(Column)");
        }
        t.advance();
        List<Expression> arguments = parser.arguments();
        List<ColumnDeclaration> schema = new ArrayList<>();
        if (t.match(":")) {
            t.expect("(");
            do {
                Token column = t.peek();
                schema.add(t.match("*") ? new ColumnDeclaration(t.position(column), "*", null) : parser.columnDeclaration());
            } while (t.match(","));
            t.expect(")");
        }
        return new TabularOperator.Evaluate(position, options, plugin.name(), arguments, schema);
    }

    private List<String> columnPatterns() {
        List<String> columns = new ArrayList<>();
        do {
            StringBuilder pattern = new StringBuilder();
            if (t.check("*")) {
                t.advance();
                pattern.append('*');
                if (t.atName() && !t.peek().spaceBefore()) {
                    pattern.append(t.expectName("a column name"));
                }
            } else {
                pattern.append(t.expectName("a column name"));
            }
            while (t.check("*") && !t.peek().spaceBefore()) {
                t.advance();
                pattern.append('*');
                if (t.atName() && !t.peek().spaceBefore()) {
                    pattern.append(t.expectName("a column name"));
                }
            }
            columns.add(pattern.toString());
        } while (t.match(","));
        return columns;
    }

    private TabularOperator projectRename(SourcePosition position) {
        List<TabularOperator.Rename> renames = new ArrayList<>();
        do {
            Token start = t.peek();
            String newName = t.expectName("the new column name");
            t.expect("=");
            String oldName = t.expectName("the column to rename");
            renames.add(new TabularOperator.Rename(t.position(start), newName, oldName));
        } while (t.match(","));
        return new TabularOperator.ProjectRename(position, renames);
    }

    private TabularOperator summarize(SourcePosition position) {
        while (t.check("hint") && t.peek(1).is(".")) {
            parser.property();
        }
        // An empty summarize (or project) is syntax Microsoft's parser accepts; what it means is the engine's question.
        List<NamedExpression> aggregates = t.check("by") || atOperatorEnd() ? List.of() : namedExpressions();
        List<NamedExpression> by = t.match("by") ? namedExpressions() : List.of();
        return new TabularOperator.Summarize(position, aggregates, by);
    }

    private SortKey sortKey() {
        Token start = t.peek();
        Expression e = parser.expression();
        boolean descending = true;
        if (t.match("asc")) {
            descending = false;
        } else {
            t.match("desc");
        }
        boolean nullsFirst = !descending;
        if (t.match("nulls")) {
            nullsFirst = parser.oneOf("nulls first or nulls last", "first", "last").equals("first");
        }
        return new SortKey(t.position(start), e, descending, nullsFirst);
    }

    private TabularOperator distinct(SourcePosition position) {
        if (t.check("*")) {
            Token star = t.advance();
            return new TabularOperator.Distinct(position, List.of(new Expression.Star(t.position(star))));
        }
        List<Expression> columns = new ArrayList<>();
        do {
            columns.add(parser.expression());
        } while (t.match(","));
        return new TabularOperator.Distinct(position, columns);
    }

    List<NamedExpression> namedExpressions() {
        List<NamedExpression> list = new ArrayList<>();
        do {
            list.add(namedExpression());
        } while (t.match(","));
        return list;
    }

    NamedExpression namedExpression() {
        Token start = t.peek();
        if ((start.kind() == Token.Kind.BRACKETED_NAME || start.kind() == Token.Kind.WORD && Keywords.declarable(start.text()))
                && t.peek(1).is("=")) {
            String name = start.name();
            t.advance();
            t.advance();
            return new NamedExpression(t.position(start), name, parser.expression());
        }
        if (start.is("(") && t.peek(1).isName() && (t.peek(2).is(",") || t.peek(2).is(")"))) {
            int mark = t.mark();
            t.advance();
            List<String> names = new ArrayList<>();
            while (t.peek().isName()) {
                names.add(t.advance().name());
                if (!t.match(",")) {
                    break;
                }
            }
            if (t.match(")") && t.match("=")) {
                return new NamedExpression(t.position(start), names.get(0), parser.expression(), List.copyOf(names));
            }
            t.reset(mark);
        }
        return new NamedExpression(t.position(start), null, parser.expression());
    }

}
