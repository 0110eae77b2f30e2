package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.StoredFunction;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.List;
import java.util.Optional;

/**
 * Resolves a table name at a location and calls functions: a stored function wins over a same-named table,
 * as in Kusto; a remote location is asked over HTTP; a function body runs in its own database and sees only
 * its parameters.
 */
final class Invocations {
    private Invocations() {
    }

    static ResultTable resolveTable(Scope scope, Location at, String name) {
        if (at.isRemote()) {
            return scope.session().remote().query(at.clusterEndpoint(), at.database(), KqlText.identifier(name));
        }
        scope.session().call(at, KqlText.identifier(name));
        Database db = database(at);
        Optional<StoredFunction> function = db.function(name);
        if (function.isPresent()) {
            return callStored(scope, at, function.get(), List.of());
        }
        return db.table(name).map(Table::data).orElseThrow(() -> SemanticErrors.unresolvedTable(name));
    }

    /** Whether {@code name} is a table or function at {@code at}; asks a remote cluster with a zero-row query. */
    static boolean exists(Scope scope, Location at, String name) {
        if (at.isRemote()) {
            try {
                scope.session().remote().query(at.clusterEndpoint(), at.database(), KqlText.identifier(name) + " | take 0");
                return true;
            } catch (KustoError e) {
                if (e.errorCode().equals(SemanticErrors.UNRESOLVED)) {
                    return false;
                }
                throw e;
            }
        }
        scope.session().call(at, KqlText.identifier(name) + " | take 0");
        Optional<Database> db = at.localDatabase();
        return db.isPresent() && (db.get().function(name).isPresent() || db.get().table(name).isPresent());
    }

    static ResultTable storedFunction(Scope scope, Location at, String name, List<Expression> args) {
        if (at.isRemote()) {
            if (!args.isEmpty()) {
                throw SemanticErrors.unsupported("calling a function with arguments on a remote cluster ('" + name + "')");
            }
            return scope.session().remote().query(at.clusterEndpoint(), at.database(), KqlText.identifier(name) + "()");
        }
        scope.session().call(at, KqlText.identifier(name) + "()");
        StoredFunction f = database(at).function(name).orElseThrow(() -> SemanticErrors.unknownFunction(name));
        return callStored(scope, at, f, args);
    }

    private static ResultTable callStored(Scope caller, Location at, StoredFunction f, List<Expression> args) {
        List<Statement> body = FunctionBodies.statements(f);
        List<FunctionParameter> params = FunctionBodies.parameters(f);
        Scope bodyScope = caller.function(at.inside());
        return caller.session().nested("function '" + f.name() + "'", () -> {
            bindArguments(caller, bodyScope, f.name(), params, args);
            return StatementRunner.run(bodyScope, body, f.name());
        });
    }

    static ResultTable lambda(Scope caller, String name, Scope.LambdaBinding lambda, List<Expression> args) {
        Scope bodyScope = lambda.definedIn().child();
        return caller.session().nested("function '" + name + "'", () -> {
            bindArguments(caller, bodyScope, name, lambda.function().parameters(), args);
            return StatementRunner.run(bodyScope, lambda.function().body(), name);
        });
    }

    private static void bindArguments(Scope caller, Scope body, String function, List<FunctionParameter> params, List<Expression> args) {
        if (args.size() > params.size()) {
            throw SemanticErrors.type("Function '" + function + "' expects " + params.size() + " argument(s), got " + args.size());
        }
        ScalarCompiler compiler = new ScalarCompiler(caller, List.of(), function);
        for (int i = 0; i < params.size(); i++) {
            FunctionParameter p = params.get(i);
            Expression arg = i < args.size() ? args.get(i) : p.defaultValue();
            if (arg == null) {
                throw SemanticErrors.type("Function '" + function + "': missing argument '" + p.name() + "'");
            }
            if (p.isTabular()) {
                ResultTable table = tabularArgument(caller, function, p, arg);
                body.bind(p.name(), new Scope.TabularBinding(() -> table));
                continue;
            }
            ScalarType type = ScalarType.fromKqlName(p.type())
                    .orElseThrow(() -> SemanticErrors.type("Function '" + function + "': unknown type '" + p.type() + "' of parameter '" + p.name() + "'"));
            ScalarExpression value = compiler.compile(arg);
            if (!value.constant()) {
                throw SemanticErrors.type("Function '" + function + "': argument '" + p.name() + "' must be a constant");
            }
            body.bind(p.name(), new Scope.ScalarBinding(ScalarExpression.constant(type, Conversions.to(type, value.value()))));
        }
    }

    private static ResultTable tabularArgument(Scope caller, String function, FunctionParameter p, Expression arg) {
        TabularEvaluator evaluator = new TabularEvaluator(caller);
        if (arg instanceof Expression.TabularValue t) {
            return evaluator.evaluate(t.tabular());
        }
        if (arg instanceof Expression.Name n) {
            return evaluator.evaluate(new TabularExpression.TableName(n.position(), n.name()));
        }
        throw SemanticErrors.type("Function '" + function + "': argument '" + p.name() + "' must be a table");
    }

    private static Database database(Location at) {
        return at.localDatabase().orElseThrow(() -> KustoError.semantic(SemanticErrors.UNRESOLVED,
                "Failed to resolve database '" + at.database() + "' in cluster '" + at.clusterEndpoint() + "'"));
    }
}
