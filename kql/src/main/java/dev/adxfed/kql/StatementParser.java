package dev.adxfed.kql;

import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Statements: let, set, declare query_parameters, function parameters and bodies, and the choice between a scalar and a tabular expression statement. */
final class StatementParser {
    /**
     * The scalar type names of KQL with their aliases; case matters, as in Kusto. Table commands also take
     * .NET-style sizes (int16, uint64, float) that queries refuse; the emulator has no such types.
     */
    private static final Set<String> TYPE_NAMES = Set.of("bool", "boolean", "int", "int32", "long", "int64",
            "real", "double", "decimal", "string", "datetime", "date", "timespan", "time", "guid", "uniqueid", "dynamic");

    /** Scalar functions a let may call without being tabular; any other lone call {@code F()} is taken as tabular. */
    private static final Set<String> SCALAR_FUNCTIONS = Set.of(
            "ago", "now", "bin", "floor", "ceiling", "round", "abs", "datetime_diff", "datetime_add", "startofday",
            "startofweek", "startofmonth", "startofyear", "endofday", "todatetime", "totimespan", "tostring", "toint",
            "tolong", "toreal", "todouble", "todecimal", "tobool", "toboolean", "toguid", "todynamic", "parse_json",
            "isnull", "isnotnull", "isempty", "isnotempty", "iff", "iif", "case", "coalesce", "strcat", "strcat_delim",
            "strlen", "substring", "tolower", "toupper", "split", "replace_string", "replace_regex", "trim", "trim_start",
            "trim_end", "extract", "array_length", "bag_keys", "pack", "bag_pack", "pack_array", "hash", "format_datetime",
            "format_timespan", "not", "sqrt", "pow", "log", "log10", "exp", "min_of", "max_of", "current_database",
            "current_cluster_endpoint", "new_guid", "rand", "indexof", "reverse", "typeof", "gettype", "base64_encode_tostring",
            "base64_decode_tostring", "url_encode", "url_decode", "make_datetime", "make_timespan", "dayofweek",
            "dayofmonth", "dayofyear", "hourofday", "getyear", "getmonth", "range", "array_concat", "array_slice",
            "set_union", "set_intersect", "bag_merge", "zip", "countof", "has_any_index", "unixtime_seconds_todatetime",
            "unixtime_milliseconds_todatetime", "datetime_part", "toscalar");

    /** Operators that are also sources, read as a {@link TabularExpression.Standalone}. */
    static final Set<String> STANDALONE_SOURCES = Set.of("find", "search", "externaldata", "external_data", "graph",
            "inline_external_table");


    private final QueryParser parser;
    private final TokenCursor t;
    private final DeclarationParser declarations;

    StatementParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
        this.declarations = new DeclarationParser(parser);
    }

    /** Statements separated by ';', up to {@code closer} (")" or "}") or the end of the text when null. */
    List<Statement> statements(String closer) {
        List<Statement> statements = new ArrayList<>();
        while (!atStatementsEnd(closer)) {
            statements.add(statement(closer));
            if (!t.match(";")) {
                break;
            }
        }
        if (statements.isEmpty()) {
            throw t.error(t.peek(), "expected a query");
        }
        return statements;
    }

    private boolean atStatementsEnd(String closer) {
        return t.atEnd() || (closer != null && t.check(closer));
    }

    private boolean atStatementEnd() {
        return t.atEnd() || t.check(";") || t.check(")") || t.check("}");
    }

    private Statement statement(String closer) {
        Token first = t.peek();
        if (first.is("let")) {
            return let();
        }
        if (first.is("set") && t.peek(1).kind() == Token.Kind.WORD) {
            return set();
        }
        if (first.is("declare") && t.peek(1).is("query_parameters")) {
            t.advance();
            t.advance();
            List<FunctionParameter> parameters = parameters();
            if (parameters.isEmpty()) {
                throw t.error(t.previous(), "declare query_parameters needs at least one parameter");
            }
            parameters.forEach(p -> parser.scopes().add(p.name()));
            return new Statement.DeclareQueryParameters(t.position(first), parameters);
        }
        if (first.is("alias") && t.peek(1).is("database")) {
            return declarations.alias();
        }
        if (first.is("restrict") && t.peek(1).is("access")) {
            return declarations.restrict();
        }
        if (first.is("declare") && t.peek(1).is("pattern")) {
            return declarations.declarePattern();
        }
        Statement statement = expressionStatement();
        if (t.check("=")) {
            throw t.error(t.peek(), "'=' names a column; to compare, write '=='");
        }
        if (!atStatementEnd()) {
            throw t.error(t.peek(), closer == null ? "expected ';' or the end of the query" : "expected ';' or '" + closer + "'");
        }
        return statement;
    }

    private Statement.Set set() {
        Token set = t.expect("set");
        String option = t.advance().text();
        Object value = null;
        if (t.match("=")) {
            Token token = t.advance();
            if (token.kind() == Token.Kind.LITERAL) {
                value = token.value();
            } else if (token.isName()) {
                value = token.name();
            } else {
                throw t.error(token, "expected the value of the option " + option);
            }
        }
        if (!t.check(";")) {
            throw t.error(t.peek(), "expected ';' after the set statement");
        }
        return new Statement.Set(t.position(set), option, value);
    }

    private Statement.Let let() {
        Token let = t.expect("let");
        String name = t.expectName("the name of the let");
        t.expect("=");
        Statement.LetValue value;
        if (t.check("entity_group") && t.peek(1).is("[")) {
            value = new Statement.EntityGroupValue(parser.inlineEntityGroup());
            parser.scopes().forget(name);
        } else if (startsLambda()) {
            Statement.FunctionValue function = lambda();
            value = function;
            if (function.body().get(function.body().size() - 1) instanceof Statement.Scalar) {
                parser.scopes().add(name);
            } else {
                parser.scopes().forget(name);
            }
        } else {
            Statement statement = expressionStatement();
            if (statement instanceof Statement.Scalar scalar) {
                value = new Statement.ScalarValue(scalar.expression());
                parser.scopes().add(name);
            } else {
                value = new Statement.TabularValue(((Statement.Tabular) statement).expression());
                parser.scopes().forget(name);
            }
        }
        if (!atStatementEnd()) {
            throw t.error(t.peek(), "expected ';' after the let statement");
        }
        return new Statement.Let(t.position(let), name, value);
    }

    private boolean startsLambda() {
        if (t.check("view") && t.peek(1).is("(")) {
            return true;
        }
        return t.check("(") && ((t.peek(1).is(")") && t.peek(2).is("{")) || (t.peek(1).isName() && t.peek(2).is(":")));
    }

    private Statement.FunctionValue lambda() {
        t.match("view");
        List<FunctionParameter> parameters = parameters();
        List<Statement> body = functionBody(parameters);
        return new Statement.FunctionValue(parameters, body);
    }

    /** {@code (x:long, T:(*), y:string = "a")}. */
    List<FunctionParameter> parameters() {
        t.expect("(");
        List<FunctionParameter> parameters = new ArrayList<>();
        if (!t.check(")")) {
            do {
                Token start = t.peek();
                String name = t.expectName("a parameter name");
                t.expect(":");
                String type;
                if (t.check("(")) {
                    type = tabularSchemaText();
                } else {
                    type = typeName();
                }
                Expression defaultValue = t.match("=") ? parser.expression() : null;
                parameters.add(new FunctionParameter(t.position(start), name, type, defaultValue));
            } while (t.match(","));
        }
        t.expect(")");
        return parameters;
    }

    private String tabularSchemaText() {
        Token open = t.expect("(");
        if (t.match("*")) {
            t.expect(")");
            return "(*)";
        }
        List<ColumnDeclaration> columns = new ArrayList<>();
        do {
            columns.add(columnDeclaration());
        } while (t.match(","));
        if (t.check(",") || !t.check(")")) {
            throw t.error(t.peek(), "expected ')' to close the table schema");
        }
        Token close = t.advance();
        return t.source().text().substring(open.start(), close.end());
    }

    /** {@code { statements }} with the scalar parameters in scope. */
    List<Statement> functionBody(List<FunctionParameter> parameters) {
        if (!t.check("{")) {
            throw t.error(t.peek(), "expected '{' to start the function body");
        }
        t.advance();
        Set<String> scope = new HashSet<>();
        for (FunctionParameter p : parameters) {
            if (!p.isTabular()) {
                scope.add(p.name());
            }
        }
        parser.scopes().push(scope);
        try {
            List<Statement> body = t.check("}") ? List.of() : statements("}");
            t.expect("}");
            return body;
        } finally {
            parser.scopes().pop();
        }
    }

    ColumnDeclaration columnDeclaration() {
        Token start = t.peek();
        String name;
        if (start.kind() == Token.Kind.WORD && !start.text().startsWith("!") && t.peek(1).is(":")) {
            // A declaration may use a keyword as the name, as datatable(from:datetime, to:datetime) does.
            name = t.advance().text();
        } else {
            name = t.expectName("a column name");
        }
        t.expect(":");
        return new ColumnDeclaration(t.position(start), name, typeName());
    }

    String typeName() {
        Token token = t.peek();
        if (token.kind() != Token.Kind.WORD || !TYPE_NAMES.contains(token.text())) {
            throw t.error(token, "expected a type such as long, string, datetime or dynamic");
        }
        t.advance();
        return token.text();
    }

    /**
     * A statement that is an expression: tabular when it has a pipe, starts with a tabular source, or is a
     * lone name or call that does not denote a known scalar; scalar otherwise.
     */
    Statement expressionStatement() {
        Token start = t.peek();
        SourcePosition position = t.position(start);
        if (startsTabular()) {
            return new Statement.Tabular(position, parser.tabularExpression());
        }
        int mark = t.mark();
        Expression scalar = null;
        KqlSyntaxException scalarError = null;
        try {
            scalar = parser.expression();
        } catch (KqlSyntaxException e) {
            scalarError = e;
        }
        if (scalar != null && atStatementEnd() && !looksTabular(scalar)) {
            return new Statement.Scalar(position, scalar);
        }
        int scalarEnd = scalar != null ? t.peek().start() : -1;
        t.reset(mark);
        try {
            return new Statement.Tabular(position, parser.tabularExpression());
        } catch (KqlSyntaxException tabularError) {
            if (scalarError != null && scalarError.offset() > tabularError.offset()) {
                throw scalarError;
            }
            if (scalar != null && scalarEnd > tabularError.offset()) {
                t.reset(mark);
                parser.expression();
                throw t.error(t.peek(), "expected ';' or the end of the statement");
            }
            throw tabularError;
        }
    }

    private boolean startsTabular() {
        Token first = t.peek();
        if (first.kind() != Token.Kind.WORD) {
            return false;
        }
        return switch (first.text()) {
            case "datatable", "print", "union", "macro-expand" -> true;
            case "range" -> t.peek(1).isName() && t.peek(2).is("from");
            case "database", "cluster", "table" -> t.peek(1).is("(");
            case "evaluate" -> true;
            case "materialize" -> t.peek(1).is("(");
            case "graph" -> t.peek(1).is("(");
            case "inline_external_table" -> t.peek(1).is("(") || t.peek(1).is("kind");
            default -> STANDALONE_SOURCES.contains(first.text());
        };
    }

    boolean looksTabular(Expression e) {
        if (e instanceof Expression.Name name) {
            return !parser.scopes().isScalar(name.name()) && !name.name().startsWith("$");
        }
        if (e instanceof Expression.Call call) {
            return !parser.scopes().isScalar(call.function()) && !SCALAR_FUNCTIONS.contains(call.function());
        }
        if (e instanceof Expression.Member member && member.target() instanceof Expression.Name scope) {
            return !parser.scopes().isScalar(scope.name()) && !member.member().startsWith("$");
        }
        return false;
    }
}
