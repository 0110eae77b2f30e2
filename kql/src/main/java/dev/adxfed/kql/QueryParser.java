package dev.adxfed.kql;

import dev.adxfed.kql.syntax.BinaryOperator;
import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.SortKey;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over the query grammar: statements, tabular expressions and operators, then one
 * method per scalar precedence level (or, and, equality and string operators, relational, additive,
 * multiplicative, unary, postfix, primary).
 */
final class QueryParser {

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

    private static final Set<String> UNSUPPORTED_SOURCES = Set.of(
            "find", "search", "evaluate", "externaldata", "external_data", "materialize", "view", "graph");

    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of(
            "project-keep", "project-reorder", "project-smart", "project-by-names", "mv-apply", "make-series",
            "make-graph", "parse", "parse-where", "parse-kv", "top-nested", "top-hitters", "sample", "sample-distinct",
            "serialize", "render", "evaluate", "lookup", "invoke", "fork", "facet", "partition", "reduce", "scan",
            "consume", "search", "find", "assert-schema", "execute-and-cache", "graph-match", "graph-to-table",
            "macro-expand", "extend-schema", "partition-by");

    private static final Set<String> UNSUPPORTED_STATEMENTS = Set.of("alias", "pattern", "restrict");

    private static final Map<String, BinaryOperator> WORD_OPERATORS = new HashMap<>();

    static {
        for (BinaryOperator op : BinaryOperator.values()) {
            if (Character.isLetter(op.text().charAt(0)) || op.text().startsWith("!") && op.text().length() > 2) {
                WORD_OPERATORS.put(op.text(), op);
            }
        }
        WORD_OPERATORS.remove("and");
        WORD_OPERATORS.remove("or");
        WORD_OPERATORS.remove("matches regex");
    }

    private final TokenCursor t;
    private final Deque<Set<String>> scalarScopes = new ArrayDeque<>();

    QueryParser(TokenCursor cursor) {
        this.t = cursor;
        scalarScopes.push(new HashSet<>());
    }

    Query query() {
        SourcePosition start = t.position(t.peek());
        List<Statement> statements = statements(null);
        if (!t.atEnd()) {
            throw t.error(t.peek(), "expected ';' or the end of the query");
        }
        return new Query(start, statements);
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
            scalarScopes.peek().addAll(parameters.stream().map(FunctionParameter::name).toList());
            return new Statement.DeclareQueryParameters(t.position(first), parameters);
        }
        if (first.kind() == Token.Kind.WORD && UNSUPPORTED_STATEMENTS.contains(first.text()) && t.peek(1).isName()) {
            throw t.error(first, "the '" + first.text() + "' statement is not supported");
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
            value = new Statement.EntityGroupValue(inlineEntityGroup());
            forgetScalar(name);
        } else if (startsLambda()) {
            Statement.FunctionValue function = lambda();
            value = function;
            if (function.body().get(function.body().size() - 1) instanceof Statement.Scalar) {
                scalarScopes.peek().add(name);
            } else {
                forgetScalar(name);
            }
        } else {
            Statement statement = expressionStatement();
            if (statement instanceof Statement.Scalar scalar) {
                value = new Statement.ScalarValue(scalar.expression());
                scalarScopes.peek().add(name);
            } else {
                value = new Statement.TabularValue(((Statement.Tabular) statement).expression());
                forgetScalar(name);
            }
        }
        if (!atStatementEnd()) {
            throw t.error(t.peek(), "expected ';' after the let statement");
        }
        return new Statement.Let(t.position(let), name, value);
    }

    private void forgetScalar(String name) {
        scalarScopes.peek().remove(name);
    }

    private boolean isScalarName(String name) {
        for (Set<String> scope : scalarScopes) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return false;
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
                Expression defaultValue = t.match("=") ? expression() : null;
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
        scalarScopes.push(scope);
        try {
            List<Statement> body = t.check("}") ? List.of() : statements("}");
            t.expect("}");
            return body;
        } finally {
            scalarScopes.pop();
        }
    }

    ColumnDeclaration columnDeclaration() {
        Token start = t.peek();
        String name = t.expectName("a column name");
        t.expect(":");
        return new ColumnDeclaration(t.position(start), name, typeName());
    }

    private String typeName() {
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
            return new Statement.Tabular(position, tabularExpression());
        }
        int mark = t.mark();
        Expression scalar = null;
        KqlSyntaxException scalarError = null;
        try {
            scalar = expression();
        } catch (KqlSyntaxException e) {
            scalarError = e;
        }
        if (scalar != null && atStatementEnd() && !looksTabular(scalar)) {
            return new Statement.Scalar(position, scalar);
        }
        int scalarEnd = scalar != null ? t.peek().start() : -1;
        t.reset(mark);
        try {
            return new Statement.Tabular(position, tabularExpression());
        } catch (KqlSyntaxException tabularError) {
            if (scalarError != null && scalarError.offset() > tabularError.offset()) {
                throw scalarError;
            }
            if (scalar != null && scalarEnd > tabularError.offset()) {
                t.reset(mark);
                expression();
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
            default -> UNSUPPORTED_SOURCES.contains(first.text());
        };
    }

    private boolean looksTabular(Expression e) {
        if (e instanceof Expression.Name name) {
            return !isScalarName(name.name()) && !name.name().startsWith("$");
        }
        if (e instanceof Expression.Call call) {
            return !isScalarName(call.function()) && !SCALAR_FUNCTIONS.contains(call.function());
        }
        if (e instanceof Expression.Member member && member.target() instanceof Expression.Name scope) {
            return !isScalarName(scope.name()) && !member.member().startsWith("$");
        }
        return false;
    }

    // ---- tabular expressions

    TabularExpression tabularExpression() {
        TabularExpression e = tabularSource();
        while (t.check("|")) {
            Token bar = t.advance();
            e = new TabularExpression.Pipe(t.position(bar), e, operator());
        }
        return e;
    }

    private TabularExpression tabularSource() {
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
                    return new TabularExpression.Print(position, namedExpressions());
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
                case "cluster":
                case "database":
                    if (t.peek(1).is("(")) {
                        return qualifiedTable();
                    }
                    break;
                default:
                    if (UNSUPPORTED_SOURCES.contains(first.text()) && !t.peek(1).is("=")) {
                        throw t.error(first, "'" + first.text() + "' is not supported by adxfed's KQL parser");
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
            return new TabularExpression.FunctionCall(position, name, arguments());
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
        String table = t.expectName("a table name");
        if (t.check("(")) {
            throw t.error(t.peek(), "calling a function in another database is not supported");
        }
        return new TabularExpression.QualifiedTable(t.position(first), cluster, database, table);
    }

    private TabularExpression datatable() {
        Token start = t.expect("datatable");
        t.expect("(");
        List<ColumnDeclaration> columns = new ArrayList<>();
        do {
            columns.add(columnDeclaration());
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
                values.add(expression());
            } while (t.match(","));
        }
        t.expect("]");
        return new TabularExpression.Datatable(t.position(start), columns, values);
    }

    private TabularExpression range() {
        Token start = t.expect("range");
        String column = t.expectName("the range column name");
        t.expect("from");
        Expression from = expression();
        t.expect("to");
        Expression to = expression();
        t.expect("step");
        Expression step = expression();
        return new TabularExpression.Range(t.position(start), column, from, to, step);
    }

    private TabularExpression.UnionOptions unionOptions() {
        String kind = null;
        String withSource = null;
        boolean fuzzy = false;
        while (t.peek(1).is("=") || (t.check("hint") && t.peek(1).is("."))) {
            Token option = t.peek();
            switch (option.text()) {
                case "kind" -> {
                    t.advance();
                    t.expect("=");
                    kind = oneOf("union kind", "inner", "outer");
                }
                case "withsource", "with_source" -> {
                    t.advance();
                    t.expect("=");
                    withSource = t.expectName("the withsource column name");
                }
                case "isfuzzy" -> {
                    t.advance();
                    t.expect("=");
                    fuzzy = booleanValue("isfuzzy");
                }
                default -> {
                    if (!option.text().equals("hint")) {
                        throw t.error(option, "unknown union option '" + option.text() + "'");
                    }
                    property();
                }
            }
        }
        return new TabularExpression.UnionOptions(kind, withSource, fuzzy);
    }

    private List<TabularExpression> unionTables() {
        List<TabularExpression> tables = new ArrayList<>();
        do {
            TabularExpression table = t.check("(") ? parenthesizedTabular() : tabularSource();
            if (t.check("*") && !t.peek().spaceBefore()) {
                throw t.error(t.peek(), "wildcard table names in union are not supported");
            }
            tables.add(table);
        } while (t.match(","));
        return tables;
    }

    private TabularExpression parenthesizedTabular() {
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
                case "kind" -> kind = oneOf("macro-expand kind", "inner", "outer");
                case "isfuzzy" -> fuzzy = booleanValue("isfuzzy");
                case "best_effort" -> bestEffort = booleanValue("best_effort");
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
        scalarScopes.push(new HashSet<>());
        try {
            List<Statement> body = statements(")");
            t.expect(")");
            return new TabularExpression.MacroExpand(t.position(start),
                    new TabularExpression.MacroExpandOptions(kind, fuzzy, bestEffort), group, scope, body);
        } finally {
            scalarScopes.pop();
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

    private String oneOf(String what, String... allowed) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.WORD && Arrays.asList(allowed).contains(token.text())) {
            t.advance();
            return token.text();
        }
        throw t.error(token, "expected " + what + ": one of " + String.join(", ", allowed));
    }

    private boolean booleanValue(String what) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.LITERAL && token.literalType() == LiteralType.BOOL) {
            t.advance();
            return (Boolean) token.value();
        }
        throw t.error(token, "expected true or false for " + what);
    }

    /** {@code name=value} or {@code hint.name=value}: a word, a literal or a name as the value. */
    Property property() {
        return property(true);
    }

    /** A property of a command's with (...) clause: Kusto wants literals there, not bare words. */
    Property commandProperty() {
        return property(false);
    }

    private Property property(boolean wordValues) {
        Token start = t.peek();
        if (start.kind() != Token.Kind.WORD) {
            throw t.error(start, "expected a property name");
        }
        StringBuilder name = new StringBuilder(t.advance().text());
        while (t.check(".") && t.peek(1).kind() == Token.Kind.WORD) {
            t.advance();
            name.append('.').append(t.advance().text());
        }
        t.expect("=");
        return new Property(t.position(start), name.toString(), propertyValue(wordValues));
    }

    private Object propertyValue(boolean wordValues) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.LITERAL && token.literalType() != LiteralType.DYNAMIC) {
            t.advance();
            return token.value();
        }
        if (token.is("-") && t.peek(1).kind() == Token.Kind.LITERAL && t.peek(1).value() instanceof Number) {
            t.advance();
            Object n = t.advance().value();
            return n instanceof Long l ? (Object) (-l) : (Object) (-((Double) n));
        }
        if (token.isName() && wordValues) {
            t.advance();
            return token.name();
        }
        throw t.error(token, wordValues ? "expected a property value" : "expected a literal property value, e.g. \"csv\" or true");
    }

    // ---- tabular operators

    /** {@code | operator}, as after a management command. */
    TabularOperator pipeOperator() {
        t.expect("|");
        return operator();
    }

    private TabularOperator operator() {
        Token op = t.peek();
        SourcePosition position = t.position(op);
        if (op.kind() != Token.Kind.WORD) {
            throw t.error(op, "expected a query operator after '|'");
        }
        switch (op.text()) {
            case "where":
            case "filter":
                t.advance();
                return new TabularOperator.Where(position, expression());
            case "project":
                t.advance();
                return new TabularOperator.Project(position, namedExpressions());
            case "project-away":
                t.advance();
                return new TabularOperator.ProjectAway(position, columnPatterns());
            case "project-rename":
                t.advance();
                return projectRename(position);
            case "extend":
                t.advance();
                return new TabularOperator.Extend(position, namedExpressions());
            case "summarize":
                t.advance();
                return summarize(position);
            case "take":
            case "limit":
                t.advance();
                return new TabularOperator.Take(position, expression());
            case "top":
                t.advance();
                Expression count = expression();
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
                return join(position);
            case "mv-expand":
                t.advance();
                return mvExpand(position);
            case "as":
                t.advance();
                List<Property> hints = new ArrayList<>();
                while (t.check("hint") && t.peek(1).is(".")) {
                    hints.add(property());
                }
                return new TabularOperator.As(position, hints, t.expectName("a name after 'as'"));
            case "getschema":
                t.advance();
                return new TabularOperator.GetSchema(position);
            case "union":
                t.advance();
                TabularExpression.UnionOptions options = unionOptions();
                return new TabularOperator.Union(position, options, unionTables());
            default:
                if (UNSUPPORTED_OPERATORS.contains(op.text())) {
                    throw t.error(op, "the '" + op.text() + "' operator is not supported by adxfed's KQL parser");
                }
                throw t.error(op, "expected a query operator after '|' (where, project, extend, summarize, ...)");
        }
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
            property();
        }
        List<NamedExpression> aggregates = t.check("by") ? List.of() : namedExpressions();
        List<NamedExpression> by = t.match("by") ? namedExpressions() : List.of();
        if (aggregates.isEmpty() && by.isEmpty()) {
            throw t.error(t.peek(), "summarize needs an aggregate or a 'by' clause");
        }
        return new TabularOperator.Summarize(position, aggregates, by);
    }

    private SortKey sortKey() {
        Token start = t.peek();
        Expression e = expression();
        boolean descending = true;
        if (t.match("asc")) {
            descending = false;
        } else {
            t.match("desc");
        }
        boolean nullsFirst = !descending;
        if (t.match("nulls")) {
            nullsFirst = oneOf("nulls first or nulls last", "first", "last").equals("first");
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
            columns.add(expression());
        } while (t.match(","));
        return new TabularOperator.Distinct(position, columns);
    }

    private TabularOperator join(SourcePosition position) {
        TabularOperator.JoinKind kind = null;
        List<Property> hints = new ArrayList<>();
        while (t.peek(1).is("=") || (t.check("hint") && t.peek(1).is("."))) {
            Token option = t.peek();
            if (option.is("kind")) {
                t.advance();
                t.expect("=");
                kind = joinKind();
            } else if (option.is("hint")) {
                hints.add(property());
            } else {
                throw t.error(option, "unknown join option '" + option.text() + "'");
            }
        }
        TabularExpression right = t.check("(") ? parenthesizedTabular() : tabularSource();
        if (!t.check("on")) {
            throw t.error(t.peek(), "expected 'on' and the join columns");
        }
        t.advance();
        List<TabularOperator.JoinCondition> on = new ArrayList<>();
        do {
            joinConditions(expression(), on);
        } while (t.match(","));
        return new TabularOperator.Join(position, kind, hints, right, on);
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

    private TabularOperator mvExpand(SourcePosition position) {
        String bagExpansion = null;
        String itemIndex = null;
        while (t.peek(1).is("=") && (t.check("bagexpansion") || t.check("with_itemindex") || t.check("kind"))) {
            Token option = t.advance();
            t.expect("=");
            if (option.is("bagexpansion")) {
                bagExpansion = oneOf("bagexpansion", "bag", "array");
            } else if (option.is("with_itemindex")) {
                itemIndex = t.expectName("the item index column name");
            } else {
                throw t.error(option, "mv-expand kind= is not supported");
            }
        }
        List<TabularOperator.MvExpandColumn> columns = new ArrayList<>();
        do {
            Token start = t.peek();
            NamedExpression column = namedExpression();
            String type = null;
            if (t.match("to")) {
                t.expect("typeof");
                t.expect("(");
                type = typeName();
                t.expect(")");
            }
            columns.add(new TabularOperator.MvExpandColumn(t.position(start), column, type));
        } while (t.match(","));
        Expression limit = t.match("limit") ? expression() : null;
        return new TabularOperator.MvExpand(position, bagExpansion, itemIndex, columns, limit);
    }

    List<NamedExpression> namedExpressions() {
        List<NamedExpression> list = new ArrayList<>();
        do {
            list.add(namedExpression());
        } while (t.match(","));
        return list;
    }

    private NamedExpression namedExpression() {
        Token start = t.peek();
        if ((start.kind() == Token.Kind.BRACKETED_NAME || start.kind() == Token.Kind.WORD && Keywords.declarable(start.text()))
                && t.peek(1).is("=")) {
            String name = start.name();
            t.advance();
            t.advance();
            return new NamedExpression(t.position(start), name, expression());
        }
        if (start.is("(") && t.peek(1).isName() && (t.peek(2).is(",") || t.peek(2).is(")"))) {
            int mark = t.mark();
            t.advance();
            while (t.peek().isName() || t.check(",")) {
                t.advance();
            }
            if (t.match(")") && t.check("=")) {
                throw t.error(start, "naming several columns at once with (a, b) = ... is not supported");
            }
            t.reset(mark);
        }
        return new NamedExpression(t.position(start), null, expression());
    }

    // ---- scalar expressions, one method per precedence level

    Expression expression() {
        return or();
    }

    private Expression or() {
        Expression left = and();
        while (t.check("or")) {
            Token op = t.advance();
            left = new Expression.Binary(t.position(op), BinaryOperator.OR, left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = equality();
        while (t.check("and")) {
            Token op = t.advance();
            left = new Expression.Binary(t.position(op), BinaryOperator.AND, left, equality());
        }
        return left;
    }

    private Expression equality() {
        Expression left = relational();
        while (true) {
            Token op = t.peek();
            SourcePosition position = t.position(op);
            if (op.is("==") || op.is("!=") || op.is("=~") || op.is("!~")) {
                t.advance();
                BinaryOperator operator = switch (op.text()) {
                    case "==" -> BinaryOperator.EQUAL;
                    case "!=" -> BinaryOperator.NOT_EQUAL;
                    case "=~" -> BinaryOperator.EQUAL_IGNORE_CASE;
                    default -> BinaryOperator.NOT_EQUAL_IGNORE_CASE;
                };
                left = new Expression.Binary(position, operator, left, relational());
            } else if (op.kind() == Token.Kind.WORD && WORD_OPERATORS.containsKey(op.text())) {
                t.advance();
                left = new Expression.Binary(position, WORD_OPERATORS.get(op.text()), left, relational());
            } else if (op.is("matches") && t.peek(1).is("regex")) {
                t.advance();
                t.advance();
                left = new Expression.Binary(position, BinaryOperator.MATCHES_REGEX, left, relational());
            } else if (op.kind() == Token.Kind.WORD && inOperator(op.text()) != null) {
                t.advance();
                left = new Expression.In(position, inOperator(op.text()), left, inCandidates());
            } else if (op.is("between") || op.is("!between")) {
                t.advance();
                t.expect("(");
                Expression low = relational();
                t.expect("..");
                Expression high = relational();
                t.expect(")");
                left = new Expression.Between(position, op.is("!between"), left, low, high);
            } else {
                return left;
            }
        }
    }

    private static Expression.InOperator inOperator(String word) {
        for (Expression.InOperator op : Expression.InOperator.values()) {
            if (op.text().equals(word)) {
                return op;
            }
        }
        return null;
    }

    /** {@code (a, b, c)} or a tabular expression in parentheses, {@code (T | project x)}. */
    private List<Expression> inCandidates() {
        Token open = t.expect("(");
        int mark = t.mark();
        try {
            List<Expression> candidates = new ArrayList<>();
            do {
                candidates.add(expression());
            } while (t.match(","));
            if (t.check(")") && !(candidates.size() == 1 && looksTabular(candidates.get(0)))) {
                t.advance();
                return candidates;
            }
        } catch (KqlSyntaxException e) {
            // not a list of scalars: try a tabular expression below
        }
        t.reset(mark);
        TabularExpression tabular = tabularExpression();
        t.expect(")");
        return List.of(new Expression.TabularValue(t.position(open), tabular));
    }

    private Expression relational() {
        Expression left = additive();
        while (t.check("<") || t.check("<=") || t.check(">") || t.check(">=")) {
            Token op = t.advance();
            BinaryOperator operator = switch (op.text()) {
                case "<" -> BinaryOperator.LESS;
                case "<=" -> BinaryOperator.LESS_OR_EQUAL;
                case ">" -> BinaryOperator.GREATER;
                default -> BinaryOperator.GREATER_OR_EQUAL;
            };
            left = new Expression.Binary(t.position(op), operator, left, additive());
        }
        return left;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (t.check("+") || t.check("-")) {
            Token op = t.advance();
            BinaryOperator operator = op.is("+") ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
            left = new Expression.Binary(t.position(op), operator, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (t.check("*") || t.check("/") || t.check("%")) {
            Token op = t.advance();
            BinaryOperator operator = switch (op.text()) {
                case "*" -> BinaryOperator.MULTIPLY;
                case "/" -> BinaryOperator.DIVIDE;
                default -> BinaryOperator.MODULO;
            };
            left = new Expression.Binary(t.position(op), operator, left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (t.check("-") || t.check("+")) {
            Token op = t.advance();
            if (t.check("-") || t.check("+")) {
                throw t.error(t.peek(), "expected an expression after '" + op.text() + "'");
            }
            Expression operand = unary();
            if (op.is("-") && operand instanceof Expression.Literal literal && literal.value() != null) {
                Object negated = negatedNumber(literal.value());
                if (negated != null) {
                    return new Expression.Literal(t.position(op), literal.type(), negated);
                }
            }
            return new Expression.Negate(t.position(op), op.is("-"), operand);
        }
        return postfix();
    }

    /** {@code -1}, {@code -1.5}, {@code -1h} become negative literals, so that datatable rows hold plain values. */
    private static Object negatedNumber(Object value) {
        if (value instanceof Long l) {
            return -l;
        }
        if (value instanceof Integer i) {
            return -i;
        }
        if (value instanceof Double d) {
            return -d;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.negate();
        }
        if (value instanceof java.time.Duration d) {
            return d.negated();
        }
        return null;
    }

    private Expression postfix() {
        Expression e = primary();
        while (true) {
            if (t.check(".") && !t.peek(1).is("(")) {
                Token dot = t.advance();
                e = new Expression.Member(t.position(dot), e, t.expectName("a property name after '.'"));
            } else if (t.peek().kind() == Token.Kind.BRACKETED_NAME) {
                Token index = t.advance();
                e = new Expression.Index(t.position(index), e,
                        new Expression.Literal(t.source().position(index.start() + 1), LiteralType.STRING, index.name()));
            } else if (t.check("[")) {
                Token open = t.advance();
                Expression index = expression();
                t.expect("]");
                e = new Expression.Index(t.position(open), e, index);
            } else {
                return e;
            }
        }
    }

    private Expression primary() {
        Token token = t.peek();
        SourcePosition position = t.position(token);
        if (token.kind() == Token.Kind.LITERAL) {
            t.advance();
            if (token.literalType() == LiteralType.STRING) {
                StringBuilder value = new StringBuilder((String) token.value());
                while (t.peek().kind() == Token.Kind.LITERAL && t.peek().literalType() == LiteralType.STRING) {
                    value.append((String) t.advance().value());
                }
                return new Expression.Literal(position, LiteralType.STRING, value.toString());
            }
            return new Expression.Literal(position, token.literalType(), token.value());
        }
        if (token.is("(")) {
            t.advance();
            Expression inner = expression();
            t.expect(")");
            return inner;
        }
        if (token.is("*")) {
            t.advance();
            return new Expression.Star(position);
        }
        if (token.is("toscalar") && t.peek(1).is("(")) {
            t.advance();
            Token open = t.expect("(");
            TabularExpression tabular = tabularExpression();
            t.expect(")");
            return new Expression.Call(position, "toscalar", List.of(new Expression.TabularValue(t.position(open), tabular)));
        }
        if (token.kind() == Token.Kind.WORD && t.peek(1).is("(") && !token.text().startsWith("!")) {
            t.advance();
            return new Expression.Call(position, token.text(), arguments());
        }
        if (t.atName()) {
            return new Expression.Name(position, t.expectName("a name"));
        }
        if (token.kind() == Token.Kind.END) {
            throw t.error(token, "expected an expression but the text ended");
        }
        if (token.kind() == Token.Kind.WORD && !Keywords.usableAsName(token.text())) {
            throw t.error(token, "expected an expression; '" + token.text() + "' is a keyword (write ['" + token.text() + "'] for a name)");
        }
        throw t.error(token, "expected an expression");
    }

    List<Expression> arguments() {
        t.expect("(");
        List<Expression> arguments = new ArrayList<>();
        if (!t.check(")")) {
            do {
                arguments.add(argument());
            } while (t.match(","));
        }
        t.expect(")");
        return arguments;
    }

    private Expression argument() {
        if (t.peek().isName() && t.peek(1).is("=")) {
            throw t.error(t.peek(), "named arguments are not supported");
        }
        int mark = t.mark();
        try {
            Expression e = expression();
            if (t.check(",") || t.check(")")) {
                return e;
            }
        } catch (KqlSyntaxException e) {
            t.reset(mark);
            if (!mayBeTabularArgument()) {
                throw e;
            }
        }
        t.reset(mark);
        if (!mayBeTabularArgument()) {
            expression();
            throw t.error(t.peek(), "expected ',' or ')'");
        }
        Token start = t.peek();
        return new Expression.TabularValue(t.position(start), tabularExpression());
    }

    private boolean mayBeTabularArgument() {
        int mark = t.mark();
        try {
            tabularExpression();
            return t.check(",") || t.check(")");
        } catch (KqlSyntaxException e) {
            return false;
        } finally {
            t.reset(mark);
        }
    }
}
