package dev.adxfed.kql;

import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Tabular expressions: a source (a table, a call, datatable, print, range, union, macro-expand) followed by piped operators. */
final class SourceParser {

    private final QueryParser parser;
    private final TokenCursor t;

    SourceParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    // ---- tabular expressions

    TabularExpression tabularExpression() {
        TabularExpression e = tabularSource();
        while (t.check("|")) {
            Token bar = t.advance();
            e = new TabularExpression.Pipe(t.position(bar), e, parser.operator());
        }
        return e;
    }

    TabularExpression tabularSource() {
        Token first = t.peek();
        SourcePosition position = t.position(first);
        if (first.is("(")) {
            t.advance();
            TabularExpression inner = tabularExpression();
            t.expect(")");
            return inner;
        }
        if (first.kind() == Token.Kind.WORD) {
            switch (first.text()) {
                case "datatable":
                    return datatable();
                case "print":
                    t.advance();
                    return new TabularExpression.Print(position, parser.namedExpressions());
                case "range":
                    if (t.peek(1).isName() && t.peek(2).is("from")) {
                        return range();
                    }
                    break;
                case "union":
                    t.advance();
                    TabularExpression.UnionOptions options = unionOptions();
                    return new TabularExpression.Union(position, options, unionTables());
                case "macro-expand":
                    return macroExpand();
                case "materialize":
                    if (t.peek(1).is("(")) {
                        t.advance();
                        Token open = t.expect("(");
                        TabularExpression materialized = tabularExpression();
                        t.expect(")");
                        return new TabularExpression.FunctionCall(position, "materialize",
                                List.of(new Expression.TabularValue(t.position(open), materialized)));
                    }
                    break;
                case "evaluate":
                    t.advance();
                    return new TabularExpression.Standalone(position, parser.evaluate(position));
                case "cluster":
                case "database":
                    if (t.peek(1).is("(")) {
                        return qualifiedTable();
                    }
                    break;
                default:
                    if (StatementParser.STANDALONE_SOURCES.contains(first.text()) && !t.peek(1).is("=")
                            && !(first.is("graph") && !t.peek(1).is("("))
                            && !(first.is("inline_external_table") && !t.peek(1).is("(") && !t.peek(1).is("kind"))) {
                        t.advance();
                        return new TabularExpression.Standalone(position, parser.standalone(position, first.text()));
                    }
            }
        }
        if (!t.atName()) {
            if (first.kind() == Token.Kind.WORD && !Keywords.usableAsName(first.text())) {
                throw t.error(first, "'" + first.text() + "' is a keyword: write ['" + first.text() + "'] to use it as a table name");
            }
            throw t.error(first, "expected a table, a function call, or a source such as print, range, datatable or union");
        }
        String name = t.expectName("a table name");
        if (t.check("(")) {
            List<Expression> arguments = parser.arguments();
            if (t.check(".") && t.peek(1).isName()) {
                t.advance();
                return new TabularExpression.PatternReference(position, name, arguments, t.advance().name());
            }
            return new TabularExpression.FunctionCall(position, name, arguments);
        }
        if (t.check(".") && !t.peek(1).is(".")) {
            t.advance();
            String member = t.expectName("a table name after '" + name + ".'");
            if (t.check("(")) {
                throw t.error(t.peek(), "calling a function through '" + name + ".' is not supported");
            }
            return new TabularExpression.ScopedTable(position, name, member);
        }
        return new TabularExpression.TableName(position, name);
    }

    private TabularExpression qualifiedTable() {
        Token first = t.peek();
        Qualifier qualifier = qualifier();
        String table = namePattern("a table name");
        if (t.check("(")) {
            return new TabularExpression.QualifiedFunctionCall(t.position(first), qualifier.cluster(), qualifier.database(),
                    table, parser.arguments());
        }
        return new TabularExpression.QualifiedTable(t.position(first), qualifier.cluster(), qualifier.database(), table);
    }

    /** {@code cluster} is null when only {@code database('d').} is written. */
    record Qualifier(String cluster, String database) {}

    /** {@code [cluster('c').]database('d').}, up to the name of the table or function. */
    Qualifier qualifier() {
        String cluster = null;
        if (t.match("cluster")) {
            t.expect("(");
            cluster = t.expectString("the cluster");
            t.expect(")");
            t.expect(".");
            if (!t.check("database")) {
                throw t.error(t.peek(), "expected database('...') after cluster('...')");
            }
        }
        t.expect("database");
        t.expect("(");
        String database = t.expectString("the database name");
        t.expect(")");
        t.expect(".");
        return new Qualifier(cluster, database);
    }

    private TabularExpression datatable() {
        Token start = t.expect("datatable");
        t.expect("(");
        List<ColumnDeclaration> columns = new ArrayList<>();
        do {
            columns.add(parser.columnDeclaration());
        } while (t.match(","));
        t.expect(")");
        List<Expression> values = new ArrayList<>();
        if (t.peek().kind() == Token.Kind.BRACKETED_NAME) {
            // ['x'] lexes as a bracketed name: here it is a one-value row of strings.
            Token only = t.advance();
            values.add(new Expression.Literal(t.source().position(only.start() + 1), LiteralType.STRING, only.name()));
            return new TabularExpression.Datatable(t.position(start), columns, values);
        }
        t.expect("[");
        if (!t.check("]")) {
            do {
                if (t.check("]")) {
                    break;
                }
                values.add(parser.expression());
            } while (t.match(","));
        }
        t.expect("]");
        return new TabularExpression.Datatable(t.position(start), columns, values);
    }

    private TabularExpression range() {
        Token start = t.expect("range");
        String column = t.expectName("the range column name");
        t.expect("from");
        Expression from = parser.expression();
        t.expect("to");
        Expression to = parser.expression();
        t.expect("step");
        Expression step = parser.expression();
        return new TabularExpression.Range(t.position(start), column, from, to, step);
    }

    TabularExpression.UnionOptions unionOptions() {
        String kind = null;
        String withSource = null;
        boolean fuzzy = false;
        while (t.peek(1).is("=") || (t.check("hint") && t.peek(1).is("."))) {
            Token option = t.peek();
            switch (option.text()) {
                case "kind" -> {
                    t.advance();
                    t.expect("=");
                    kind = parser.oneOf("union kind", "inner", "outer");
                }
                case "withsource", "with_source" -> {
                    t.advance();
                    t.expect("=");
                    withSource = t.expectName("the withsource column name");
                }
                case "isfuzzy" -> {
                    t.advance();
                    t.expect("=");
                    fuzzy = parser.booleanValue("isfuzzy");
                }
                default -> {
                    if (!option.text().equals("hint")) {
                        throw t.error(option, "unknown union option '" + option.text() + "'");
                    }
                    parser.property();
                }
            }
        }
        return new TabularExpression.UnionOptions(kind, withSource, fuzzy);
    }

    List<TabularExpression> unionTables() {
        List<TabularExpression> tables = new ArrayList<>();
        do {
            Token start = t.peek();
            if (start.is("*") || (t.atName() && t.peek(1).is("*") && !t.peek(1).spaceBefore())) {
                tables.add(new TabularExpression.TableName(t.position(start), namePattern("a table name")));
                continue;
            }
            tables.add(t.check("(") ? parenthesizedTabular() : tabularSource());
        } while (t.match(","));
        return tables;
    }

    /**
     * The subquery of mv-apply, fork, facet or partition: operators over the enclosing operator's rows
     * (a pipeline whose source is {@link TabularExpression.Input}), or a whole tabular expression.
     */
    TabularExpression subquery() {
        Token first = t.peek();
        if (!OperatorParser.isOperatorName(first) || t.peek(1).is(".") || (t.peek(1).is("(") && !first.is("fork"))) {
            return tabularExpression();
        }
        TabularExpression e = new TabularExpression.Pipe(t.position(first), new TabularExpression.Input(t.position(first)),
                parser.operator());
        while (t.check("|")) {
            Token bar = t.advance();
            e = new TabularExpression.Pipe(t.position(bar), e, parser.operator());
        }
        return e;
    }

    /** A name with {@code *} wildcards, as union and restrict take them: {@code *}, {@code Log*}, {@code *Table}. */
    String namePattern(String what) {
        StringBuilder pattern = new StringBuilder();
        do {
            if (t.match("*")) {
                pattern.append('*');
            } else {
                pattern.append(t.expectName(what));
            }
        } while ((t.check("*") || t.atName()) && !t.peek().spaceBefore());
        return pattern.toString();
    }

    TabularExpression parenthesizedTabular() {
        t.expect("(");
        TabularExpression inner = tabularExpression();
        t.expect(")");
        return inner;
    }

    private TabularExpression macroExpand() {
        Token start = t.expect("macro-expand");
        String kind = null;
        boolean fuzzy = false;
        boolean bestEffort = false;
        while (t.peek(1).is("=") && t.peek().kind() == Token.Kind.WORD) {
            Token option = t.advance();
            t.expect("=");
            switch (option.text()) {
                case "kind" -> kind = parser.oneOf("macro-expand kind", "inner", "outer");
                case "isfuzzy" -> fuzzy = parser.booleanValue("isfuzzy");
                case "best_effort" -> bestEffort = parser.booleanValue("best_effort");
                default -> throw t.error(option, "unknown macro-expand option '" + option.text() + "'");
            }
        }
        TabularExpression.EntityGroupSource group;
        if (t.check("entity_group") && t.peek(1).is("[")) {
            group = inlineEntityGroup();
        } else {
            Token name = t.peek();
            group = new TabularExpression.NamedEntityGroup(t.position(name), t.expectName("an entity group name"));
        }
        t.expect("as");
        String scope = t.expectName("the macro-expand scope name");
        if (t.check("{")) {
            throw t.error(t.peek(), "macro-expand takes its body in parentheses: expected '(' but found '{'");
        }
        t.expect("(");
        parser.scopes().push(new HashSet<>());
        try {
            List<Statement> body = parser.statements(")");
            t.expect(")");
            return new TabularExpression.MacroExpand(t.position(start),
                    new TabularExpression.MacroExpandOptions(kind, fuzzy, bestEffort), group, scope, body);
        } finally {
            parser.scopes().pop();
        }
    }

    TabularExpression.InlineEntityGroup inlineEntityGroup() {
        Token start = t.expect("entity_group");
        t.expect("[");
        List<EntityReference> entities = entityReferences("]");
        t.expect("]");
        return new TabularExpression.InlineEntityGroup(t.position(start), entities);
    }

    /** {@code cluster('c').database('d'), database('e')}: one or more, up to {@code closer}. */
    List<EntityReference> entityReferences(String closer) {
        List<EntityReference> entities = new ArrayList<>();
        if (t.check(closer)) {
            throw t.error(t.peek(), "an entity group needs at least one entity");
        }
        do {
            entities.add(entityReference());
        } while (t.match(","));
        return entities;
    }

    /** The whole text as one entity reference, as {@code .show entity_groups} lists them. */
    EntityReference onlyEntityReference() {
        EntityReference entity = entityReference();
        if (!t.atEnd()) {
            throw t.error(t.peek(), "expected the end of the entity reference");
        }
        return entity;
    }

    private EntityReference entityReference() {
        String cluster = null;
        if (t.match("cluster")) {
            t.expect("(");
            cluster = t.expectString("the cluster");
            t.expect(")");
            if (!t.match(".")) {
                return new EntityReference(cluster, null);
            }
        }
        if (!t.check("database")) {
            throw t.error(t.peek(), "expected database('...') in an entity reference");
        }
        t.advance();
        t.expect("(");
        String database = t.expectString("the database name");
        t.expect(")");
        return new EntityReference(cluster, database);
    }
}
