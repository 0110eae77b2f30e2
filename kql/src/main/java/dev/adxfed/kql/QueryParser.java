package dev.adxfed.kql;

import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.List;

/**
 * Recursive descent over the query grammar. The rules live in one class per part of the grammar
 * (statements, tabular sources, operators, scalar expressions, options); this class wires them
 * together and is the entry point the other parsers call, so each part names the rules it uses
 * as {@code parser.rule()} without knowing which class holds them.
 */
final class QueryParser {

    private final TokenCursor t;
    private final ScalarScopes scopes = new ScalarScopes();
    private final StatementParser statements;
    private final SourceParser sources;
    private final OperatorParser operators;
    private final ExpressionParser expressions;
    private final OptionParser options;

    QueryParser(TokenCursor cursor) {
        this.t = cursor;
        this.statements = new StatementParser(this);
        this.sources = new SourceParser(this);
        this.operators = new OperatorParser(this);
        this.expressions = new ExpressionParser(this);
        this.options = new OptionParser(this);
    }

    TokenCursor cursor() {
        return t;
    }

    ScalarScopes scopes() {
        return scopes;
    }

    Query query() {
        SourcePosition start = t.position(t.peek());
        List<Statement> list = statements(null);
        if (!t.atEnd()) {
            throw t.error(t.peek(), "expected ';' or the end of the query");
        }
        return new Query(start, list);
    }

    // ---- statements

    List<Statement> statements(String closer) {
        return statements.statements(closer);
    }

    Statement expressionStatement() {
        return statements.expressionStatement();
    }

    List<FunctionParameter> parameters() {
        return statements.parameters();
    }

    List<Statement> functionBody(List<FunctionParameter> parameters) {
        return statements.functionBody(parameters);
    }

    ColumnDeclaration columnDeclaration() {
        return statements.columnDeclaration();
    }

    String typeName() {
        return statements.typeName();
    }

    boolean looksTabular(Expression e) {
        return statements.looksTabular(e);
    }

    // ---- tabular expressions

    TabularExpression tabularExpression() {
        return sources.tabularExpression();
    }

    TabularExpression tabularSource() {
        return sources.tabularSource();
    }

    TabularExpression subquery() {
        return sources.subquery();
    }

    TabularExpression parenthesizedTabular() {
        return sources.parenthesizedTabular();
    }

    TabularExpression.UnionOptions unionOptions() {
        return sources.unionOptions();
    }

    List<TabularExpression> unionTables() {
        return sources.unionTables();
    }

    SourceParser.Qualifier qualifier() {
        return sources.qualifier();
    }

    TabularExpression.InlineEntityGroup inlineEntityGroup() {
        return sources.inlineEntityGroup();
    }

    List<EntityReference> entityReferences(String closer) {
        return sources.entityReferences(closer);
    }

    EntityReference onlyEntityReference() {
        return sources.onlyEntityReference();
    }

    // ---- operators

    TabularOperator operator() {
        return operators.operator();
    }

    /** {@code | operator}, as after a management command. */
    TabularOperator pipeOperator() {
        t.expect("|");
        return operators.operator();
    }

    TabularOperator.Evaluate evaluate(SourcePosition position) {
        return operators.evaluate(position);
    }

    TabularOperator.Generic standalone(SourcePosition position, String name) {
        return operators.standalone(position, name);
    }

    List<NamedExpression> namedExpressions() {
        return operators.namedExpressions();
    }

    NamedExpression namedExpression() {
        return operators.namedExpression();
    }

    // ---- scalar expressions

    Expression expression() {
        return expressions.expression();
    }

    List<Expression> arguments() {
        return expressions.arguments();
    }

    // ---- options

    String oneOf(String what, String... allowed) {
        return options.oneOf(what, allowed);
    }

    boolean booleanValue(String what) {
        return options.booleanValue(what);
    }

    Property property() {
        return options.property();
    }

    Property commandProperty() {
        return options.commandProperty();
    }
}
