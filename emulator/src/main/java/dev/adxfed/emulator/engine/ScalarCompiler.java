package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/**
 * Compiles a scalar expression of the syntax tree, once per operator, against the columns of that operator's
 * input: names resolve to column positions (then to lets and parameters), functions to their built-in
 * implementations, and types are checked here rather than per row.
 */
final class ScalarCompiler implements Expression.Visitor<ScalarExpression> {
    /** A dynamic literal is KQL, not strict JSON: {@code dynamic({'a': 1})} quotes with apostrophes. */
    private static final ObjectReader DYNAMIC_LITERAL = Conversions.JSON.reader()
            .with(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());
    private final Scope scope;
    private final List<Column> columns;
    private final String operator;
    private final RowWindow window;

    ScalarCompiler(Scope scope, List<Column> columns, String operator) {
        this(scope, columns, operator, null);
    }

    /** A compiler whose window functions read {@code window}; null where the operator's input is not serialized. */
    ScalarCompiler(Scope scope, List<Column> columns, String operator, RowWindow window) {
        this.scope = scope;
        this.columns = columns;
        this.operator = operator;
        this.window = window;
    }

    ScalarExpression compile(Expression e) {
        return e.accept(this);
    }

    /** Compiles a predicate, which must be bool (a dynamic is read as bool). */
    ScalarExpression predicate(Expression e) {
        ScalarExpression p = compile(e);
        if (p.type() == BOOL) {
            return p;
        }
        if (p.type() == ScalarType.DYNAMIC) {
            ScalarExpression.Evaluator ev = p.evaluator();
            return ScalarExpression.of(BOOL, row -> Conversions.toBool(ev.evaluate(row)), p);
        }
        throw SemanticErrors.type("'" + operator + "' operator: the predicate must be of type bool, got " + p.type().kqlName()
                + " at " + e.position());
    }

    @Override
    public ScalarExpression visitLiteral(Expression.Literal e) {
        ScalarType type = ScalarType.fromKqlName(e.type().kqlName()).orElseThrow();
        Object value = e.value();
        if (type == ScalarType.DYNAMIC && value instanceof String json) {
            try {
                JsonNode node = DYNAMIC_LITERAL.readTree(json);
                value = node == null || node.isNull() ? null : node;
            } catch (JsonProcessingException ex) {
                throw SemanticErrors.type("Invalid dynamic literal at " + e.position() + ": " + ex.getOriginalMessage());
            }
        }
        return ScalarExpression.constant(type, value);
    }

    @Override
    public ScalarExpression visitName(Expression.Name e) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(e.name())) {
                return ScalarExpression.column(columns.get(i).type(), i);
            }
        }
        return scope.lookup(e.name())
                .filter(b -> b instanceof Scope.ScalarBinding)
                .map(b -> ((Scope.ScalarBinding) b).value())
                .orElseThrow(() -> SemanticErrors.unresolvedColumn(operator, e.name()));
    }

    @Override
    public ScalarExpression visitStar(Expression.Star e) {
        throw SemanticErrors.type("'" + operator + "' operator: '*' is not allowed here (" + e.position() + ")");
    }

    @Override
    public ScalarExpression visitBinary(Expression.Binary e) {
        ScalarExpression l = compile(e.left());
        ScalarExpression r = compile(e.right());
        String op = e.operator().text();
        return switch (e.operator()) {
            case AND -> Logic.and(l, r);
            case OR -> Logic.or(l, r);
            case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> Comparison.bind(op, l, r);
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> Arithmetic.bind(op, l, r);
            default -> StringPredicates.bind(op, l, r);
        };
    }

    @Override
    public ScalarExpression visitNegate(Expression.Negate e) {
        ScalarExpression operand = compile(e.operand());
        return e.minus() ? Arithmetic.negate(operand) : operand;
    }

    @Override
    public ScalarExpression visitIn(Expression.In e) {
        ScalarExpression value = compile(e.value());
        List<Object> candidates = new ArrayList<>();
        for (Expression c : e.candidates()) {
            if (c instanceof Expression.TabularValue t) {
                ResultTable table = new TabularEvaluator(scope).evaluate(t.tabular());
                if (table.columns().isEmpty()) {
                    continue;
                }
                table.rows().forEach(row -> candidates.add(row[0]));
                continue;
            }
            ScalarExpression s = compile(c);
            if (!s.constant()) {
                throw SemanticErrors.unsupported("non-constant values in '" + e.operator().text() + "' (" + c.position() + ")");
            }
            Object v = s.value();
            if (v instanceof JsonNode j && j.isArray()) {
                j.forEach(item -> candidates.add(Conversions.unwrap(item)));
            } else {
                candidates.add(v);
            }
        }
        return switch (e.operator()) {
            case IN, NOT_IN -> membership(value, candidates, false, e.operator() == Expression.InOperator.NOT_IN);
            case IN_IGNORE_CASE, NOT_IN_IGNORE_CASE ->
                    membership(value, candidates, true, e.operator() == Expression.InOperator.NOT_IN_IGNORE_CASE);
            case HAS_ANY, HAS_ALL -> hasTerms(value, candidates, e.operator() == Expression.InOperator.HAS_ALL);
        };
    }

    private static ScalarExpression membership(ScalarExpression value, List<Object> candidates, boolean ignoreCase, boolean negated) {
        ScalarType type = value.type() == ScalarType.DYNAMIC ? STRING : value.type();
        boolean numeric = Numbers.isNumeric(type);
        Set<Object> set = new HashSet<>();
        for (Object c : candidates) {
            Object v = numeric ? Conversions.toReal(c) : Conversions.to(type, c);
            if (v != null) {
                set.add(ignoreCase ? ScalarText.format(v).toLowerCase(Locale.ROOT) : v);
            }
        }
        ScalarExpression.Evaluator ev = value.evaluator();
        return ScalarExpression.of(BOOL, row -> {
            Object v = ev.evaluate(row);
            if (v instanceof JsonNode j) {
                v = Conversions.unwrap(j);
            }
            if (v == null) {
                return negated;
            }
            Object key = numeric ? Conversions.toReal(v) : ignoreCase ? ScalarText.format(v).toLowerCase(Locale.ROOT) : v;
            return set.contains(key) != negated;
        }, value);
    }

    private static ScalarExpression hasTerms(ScalarExpression value, List<Object> candidates, boolean all) {
        List<String> terms = candidates.stream().map(ScalarText::format).toList();
        ScalarExpression.Evaluator ev = value.evaluator();
        return ScalarExpression.of(BOOL, row -> {
            String text = ScalarText.format(ev.evaluate(row));
            for (String term : terms) {
                boolean found = StringPredicates.has(text, term, true);
                if (found != all) {
                    return found;
                }
            }
            return all;
        }, value);
    }

    @Override
    public ScalarExpression visitBetween(Expression.Between e) {
        ScalarExpression value = compile(e.value());
        ScalarExpression low = Comparison.bind(">=", value, compile(e.low()));
        ScalarExpression high = Comparison.bind("<=", value, compile(e.high()));
        ScalarExpression inside = Logic.and(low, high);
        return e.negated() ? Logic.not(inside) : inside;
    }

    @Override
    public ScalarExpression visitCall(Expression.Call e) {
        String name = e.function();
        if (name.equals("not")) {
            requireArguments(e, 1);
            return Logic.not(predicate(e.arguments().get(0)));
        }
        if (name.equals("toscalar")) {
            requireArguments(e, 1);
            return toscalar(e.arguments().get(0));
        }
        if (Aggregates.isAggregate(name) && ScalarFunctions.find(name).isEmpty()) {
            throw SemanticErrors.type("'" + operator + "' operator: the aggregate function '" + name
                    + "' is only allowed in summarize (" + e.position() + ")");
        }
        var binding = scope.lookup(name);
        if (binding.isPresent() && binding.get() instanceof Scope.LambdaBinding lambda) {
            return callLambda(e, lambda);
        }
        if (WindowFunctions.isWindowFunction(name)) {
            return WindowFunctions.bind(name, compileAll(e.arguments()), window);
        }
        var builtIn = ScalarFunctions.find(name);
        if (builtIn.isPresent()) {
            return builtIn.get().bind(new FunctionCall(name, compileAll(e.arguments()), scope.session().now()));
        }
        var stored = scope.location().localDatabase().flatMap(db -> db.function(name));
        if (stored.isPresent()) {
            var function = new Statement.FunctionValue(FunctionBodies.parameters(stored.get()), FunctionBodies.statements(stored.get()));
            return callLambda(e, new Scope.LambdaBinding(function, scope.function(scope.location())));
        }
        throw SemanticErrors.unknownFunction(name);
    }

    private List<ScalarExpression> compileAll(List<Expression> arguments) {
        List<ScalarExpression> args = new ArrayList<>();
        for (Expression a : arguments) {
            args.add(compile(a));
        }
        return args;
    }

    private ScalarExpression toscalar(Expression argument) {
        if (!(argument instanceof Expression.TabularValue t)) {
            return compile(argument);
        }
        ResultTable table = new TabularEvaluator(scope).evaluate(t.tabular());
        if (table.columns().isEmpty()) {
            throw SemanticErrors.type("toscalar(): the tabular expression has no columns");
        }
        Object value = table.rows().isEmpty() ? null : table.rows().get(0)[0];
        return ScalarExpression.constant(table.columns().get(0).type(), value);
    }

    /** A scalar let lambda: its body compiled with the parameters bound to the compiled arguments. */
    private ScalarExpression callLambda(Expression.Call e, Scope.LambdaBinding lambda) {
        List<FunctionParameter> params = lambda.function().parameters();
        if (e.arguments().size() > params.size()) {
            throw SemanticErrors.type("Function '" + e.function() + "' expects " + params.size() + " argument(s), got " + e.arguments().size());
        }
        Scope body = lambda.definedIn().child();
        for (int i = 0; i < params.size(); i++) {
            FunctionParameter p = params.get(i);
            Expression arg = i < e.arguments().size() ? e.arguments().get(i) : p.defaultValue();
            if (arg == null) {
                throw SemanticErrors.type("Function '" + e.function() + "': missing argument '" + p.name() + "'");
            }
            ScalarExpression value = compile(arg);
            ScalarType declared = ScalarType.fromKqlName(p.type())
                    .orElseThrow(() -> SemanticErrors.type("Function '" + e.function() + "': parameter '" + p.name() + "' is not scalar"));
            body.bind(p.name(), new Scope.ScalarBinding(value.type() == declared ? value : convert(value, declared)));
        }
        List<Statement> statements = lambda.function().body();
        ScalarCompiler inner = new ScalarCompiler(body, columns, operator, window);
        for (int i = 0; i < statements.size() - 1; i++) {
            StatementRunner.bindLet(body, statements.get(i), inner);
        }
        Statement last = statements.get(statements.size() - 1);
        if (!(last instanceof Statement.Scalar s)) {
            throw SemanticErrors.type("Function '" + e.function() + "' is tabular and cannot be used as a scalar (" + e.position() + ")");
        }
        return inner.compile(s.expression());
    }

    private static ScalarExpression convert(ScalarExpression value, ScalarType to) {
        ScalarExpression.Evaluator ev = value.evaluator();
        return ScalarExpression.of(to, row -> Conversions.to(to, ev.evaluate(row)), value);
    }

    @Override
    public ScalarExpression visitMember(Expression.Member e) {
        if (e.target() instanceof Expression.Name n && columnIndex(n.name()) < 0) {
            var binding = scope.lookup(n.name());
            if (binding.isPresent() && binding.get() instanceof Scope.EntityBinding entity) {
                return switch (e.member()) {
                    case "$current_database" -> ScalarExpression.constant(STRING, entity.entity().database());
                    case "$current_cluster_endpoint" -> ScalarExpression.constant(STRING, entity.entity().clusterEndpoint());
                    default -> throw SemanticErrors.type("'" + n.name() + "." + e.member() + "' is a table of the entity, not a scalar ("
                            + e.position() + ")");
                };
            }
        }
        return DynamicFunctions.property(compile(e.target()), e.member());
    }

    @Override
    public ScalarExpression visitIndex(Expression.Index e) {
        return DynamicFunctions.element(compile(e.target()), compile(e.index()));
    }

    @Override
    public ScalarExpression visitTabularValue(Expression.TabularValue e) {
        throw SemanticErrors.type("A tabular expression cannot be used as a scalar here (" + e.position() + "); use toscalar()");
    }

    private int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireArguments(Expression.Call e, int n) {
        if (e.arguments().size() != n) {
            throw SemanticErrors.type("Function '" + e.function() + "' expects " + n + " argument(s), got " + e.arguments().size());
        }
    }

    @Override
    public ScalarExpression visitQualifiedCall(Expression.QualifiedCall e) {
        throw SemanticErrors.unsupported("calling a function of another database ('" + e.function() + "', at " + e.position() + ")");
    }

    @Override
    public ScalarExpression visitNamedArgument(Expression.NamedArgument e) {
        throw SemanticErrors.unsupported("named arguments (" + e.name() + " = ..., at " + e.position() + ")");
    }

    @Override
    public ScalarExpression visitTypeLiteral(Expression.TypeLiteral e) {
        throw SemanticErrors.unsupported("typeof(...) as a value (" + e.position() + ")");
    }
}
