package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Statement;

import java.util.List;
import java.util.function.Supplier;

/** Runs the statements of a query or function body: binds its lets and evaluates its tabular statement. */
final class StatementRunner {
    private StatementRunner() {
    }

    /** The result of the first tabular statement, after the lets before it. */
    static ResultTable run(Scope scope, List<Statement> statements, String what) {
        ScalarCompiler compiler = new ScalarCompiler(scope, List.of(), "let");
        ResultTable result = null;
        for (Statement s : statements) {
            if (s instanceof Statement.Tabular t) {
                ResultTable table = new TabularEvaluator(scope).evaluate(t.expression());
                if (result == null) {
                    result = table;
                }
            } else if (s instanceof Statement.Scalar sc) {
                throw SemanticErrors.type(what + ": a scalar expression is not a tabular result (" + sc.position() + ")");
            } else {
                bindLet(scope, s, compiler);
            }
        }
        if (result == null) {
            throw SemanticErrors.type(what + " has no tabular expression to return");
        }
        return result;
    }

    static void bindLet(Scope scope, Statement statement, ScalarCompiler compiler) {
        if (statement instanceof Statement.DeclareQueryParameters) {
            throw SemanticErrors.unsupported("query parameters ('declare query_parameters', " + statement.position() + ")");
        }
        if (statement instanceof Statement.Alias alias) {
            throw SemanticErrors.unsupported("the 'alias database " + alias.name() + "' statement (" + statement.position() + ")");
        }
        if (statement instanceof Statement.Restrict) {
            throw SemanticErrors.unsupported("the 'restrict access' statement (" + statement.position() + ")");
        }
        if (statement instanceof Statement.DeclarePattern pattern) {
            throw SemanticErrors.unsupported("the 'declare pattern " + pattern.name() + "' statement (" + statement.position() + ")");
        }
        if (!(statement instanceof Statement.Let let)) {
            throw SemanticErrors.type("Only let statements may come before the last statement (" + statement.position() + ")");
        }
        Statement.LetValue value = let.value();
        if (value instanceof Statement.ScalarValue s) {
            scope.bind(let.name(), new Scope.ScalarBinding(compiler.compile(s.expression())));
        } else if (value instanceof Statement.TabularValue t) {
            scope.bind(let.name(), new Scope.TabularBinding(memoized(() -> new TabularEvaluator(scope).evaluate(t.expression()))));
        } else if (value instanceof Statement.EntityGroupValue g) {
            String here = scope.location().clusterEndpoint();
            scope.bind(let.name(), new Scope.GroupBinding(g.group().entities().stream()
                    .map(e -> new EntityReference(e.cluster() == null ? here : e.cluster(), e.database()))
                    .toList()));
        } else if (value instanceof Statement.FunctionValue f) {
            scope.bind(let.name(), new Scope.LambdaBinding(f, scope));
        }
    }

    private static Supplier<ResultTable> memoized(Supplier<ResultTable> supplier) {
        return new Supplier<>() {
            private ResultTable value;

            @Override
            public ResultTable get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
