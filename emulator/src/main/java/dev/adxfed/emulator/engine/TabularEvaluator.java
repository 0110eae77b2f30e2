package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.TabularExpression;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates tabular expressions: sources (tables, functions, datatable, print, range, union, macro-expand)
 * and pipes, whose operators {@link TabularOperators} applies.
 */
final class TabularEvaluator implements TabularExpression.Visitor<ResultTable> {
    private static final int MAX_RANGE_ROWS = 10_000_000;
    private final Scope scope;

    TabularEvaluator(Scope scope) {
        this.scope = scope;
    }

    ResultTable evaluate(TabularExpression e) {
        return e.accept(this);
    }

    @Override
    public ResultTable visitPipe(TabularExpression.Pipe e) {
        return TabularOperators.apply(scope, evaluate(e.input()), e.operator(), Serialization.of(e.input()));
    }

    @Override
    public ResultTable visitTableName(TabularExpression.TableName e) {
        var binding = scope.lookup(e.name());
        if (binding.isPresent()) {
            if (binding.get() instanceof Scope.TabularBinding t) {
                return t.value().get();
            }
            if (binding.get() instanceof Scope.LambdaBinding lambda) {
                return Invocations.lambda(scope, e.name(), lambda, List.of());
            }
        }
        return Invocations.resolveTable(scope, scope.location(), e.name());
    }

    @Override
    public ResultTable visitQualifiedTable(TabularExpression.QualifiedTable e) {
        return Invocations.resolveTable(scope, located(e.cluster(), e.database()), e.table());
    }

    @Override
    public ResultTable visitFunctionCall(TabularExpression.FunctionCall e) {
        if (e.function().equals("table")) {
            if (e.arguments().size() != 1 || !(e.arguments().get(0) instanceof Expression.Literal l) || !(l.value() instanceof String name)) {
                throw SemanticErrors.type("table() expects one constant string argument (" + e.position() + ")");
            }
            return Invocations.resolveTable(scope, scope.location(), name);
        }
        if (e.function().equals("materialize")) {
            return materialize(e);
        }
        var binding = scope.lookup(e.function());
        if (binding.isPresent() && binding.get() instanceof Scope.LambdaBinding lambda) {
            return Invocations.lambda(scope, e.function(), lambda, e.arguments());
        }
        return Invocations.storedFunction(scope, scope.location(), e.function(), e.arguments());
    }

    /**
     * {@code materialize(T | ...)}: the result is computed once; every use in the query reads the same rows
     * (a let holding it is evaluated once, and each query reads one snapshot of every cluster).
     */
    private ResultTable materialize(TabularExpression.FunctionCall e) {
        if (e.arguments().size() != 1) {
            throw SemanticErrors.type("materialize() expects one tabular expression, got " + e.arguments().size() + " arguments (" + e.position() + ")");
        }
        Expression argument = e.arguments().get(0);
        if (argument instanceof Expression.TabularValue t) {
            return evaluate(t.tabular());
        }
        if (argument instanceof Expression.Name n) {
            return evaluate(new TabularExpression.TableName(n.position(), n.name()));
        }
        throw SemanticErrors.type("materialize() expects a tabular expression (" + argument.position() + ")");
    }

    @Override
    public ResultTable visitScopedTable(TabularExpression.ScopedTable e) {
        var binding = scope.lookup(e.scope());
        if (binding.isEmpty() || !(binding.get() instanceof Scope.EntityBinding entity)) {
            throw SemanticErrors.unresolvedTable(e.scope() + "." + e.table());
        }
        return Invocations.resolveTable(scope, entity.entity(), e.table());
    }

    @Override
    public ResultTable visitDatatable(TabularExpression.Datatable e) {
        List<Column> columns = new ArrayList<>();
        for (ColumnDeclaration c : e.columns()) {
            columns.add(new Column(c.name(), ScalarType.fromKqlName(c.type())
                    .orElseThrow(() -> SemanticErrors.type("datatable: unknown type '" + c.type() + "' of column '" + c.name() + "'"))));
        }
        if (columns.isEmpty() || e.values().size() % columns.size() != 0) {
            throw SemanticErrors.type("datatable: " + e.values().size() + " values do not fill rows of " + columns.size() + " columns ("
                    + e.position() + ")");
        }
        ScalarCompiler compiler = new ScalarCompiler(scope, List.of(), "datatable");
        List<Object[]> rows = new ArrayList<>();
        for (int start = 0; start < e.values().size(); start += columns.size()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                Expression v = e.values().get(start + i);
                ScalarExpression value = compiler.compile(v);
                if (!value.constant()) {
                    throw SemanticErrors.type("datatable: values must be constants (" + v.position() + ")");
                }
                row[i] = Conversions.to(columns.get(i).type(), value.value());
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    @Override
    public ResultTable visitPrint(TabularExpression.Print e) {
        ScalarCompiler compiler = new ScalarCompiler(scope, List.of(), "print");
        List<Column> columns = new ArrayList<>();
        Object[] row = new Object[e.columns().size()];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < row.length; i++) {
            NamedExpression c = e.columns().get(i);
            ScalarExpression value = compiler.compile(c.expression());
            String name = c.name() != null ? c.name() : ColumnNames.unique("print_" + i, taken);
            taken.add(name);
            columns.add(new Column(name, value.type()));
            row[i] = value.evaluate(new Object[0]);
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(row);
        return new ResultTable(columns, rows);
    }

    @Override
    public ResultTable visitRange(TabularExpression.Range e) {
        ScalarCompiler compiler = new ScalarCompiler(scope, List.of(), "range");
        Object from = constant(compiler, e.from());
        Object to = constant(compiler, e.to());
        Object step = constant(compiler, e.step());
        List<Object[]> rows = new ArrayList<>();
        ScalarType type;
        if (from instanceof Instant f && to instanceof Instant t && step instanceof Duration s && !s.isZero() && !s.isNegative()) {
            type = ScalarType.DATETIME;
            for (Instant v = f; !v.isAfter(t); v = v.plus(s)) {
                rows.add(new Object[]{v});
                checkRange(rows);
            }
        } else if (from instanceof Duration f && to instanceof Duration t && step instanceof Duration s && !s.isZero() && !s.isNegative()) {
            type = ScalarType.TIMESPAN;
            for (Duration v = f; v.compareTo(t) <= 0; v = v.plus(s)) {
                rows.add(new Object[]{v});
                checkRange(rows);
            }
        } else if ((from instanceof Long || from instanceof Integer) && (to instanceof Long || to instanceof Integer)
                && (step instanceof Long || step instanceof Integer)) {
            type = ScalarType.LONG;
            long f = ((Number) from).longValue();
            long t = ((Number) to).longValue();
            long s = ((Number) step).longValue();
            if (s == 0) {
                throw SemanticErrors.type("range: step must not be 0");
            }
            for (long v = f; s > 0 ? v <= t : v >= t; v += s) {
                rows.add(new Object[]{v});
                checkRange(rows);
            }
        } else if (from instanceof Number && to instanceof Number && step instanceof Number && !(from instanceof BigDecimal)) {
            type = ScalarType.REAL;
            double f = ((Number) from).doubleValue();
            double t = ((Number) to).doubleValue();
            double s = ((Number) step).doubleValue();
            if (s == 0) {
                throw SemanticErrors.type("range: step must not be 0");
            }
            for (double v = f; s > 0 ? v <= t : v >= t; v += s) {
                rows.add(new Object[]{v});
                checkRange(rows);
            }
        } else {
            throw SemanticErrors.type("range: from, to and step must be numbers, or datetimes/timespans with a positive timespan step ("
                    + e.position() + ")");
        }
        return new ResultTable(List.of(new Column(e.column(), type)), rows);
    }

    private static void checkRange(List<Object[]> rows) {
        if (rows.size() > MAX_RANGE_ROWS) {
            throw SemanticErrors.type("range: more than " + MAX_RANGE_ROWS + " rows");
        }
    }

    private static Object constant(ScalarCompiler compiler, Expression e) {
        ScalarExpression s = compiler.compile(e);
        if (!s.constant()) {
            throw SemanticErrors.type("range: expected a constant at " + e.position());
        }
        return s.value();
    }

    @Override
    public ResultTable visitUnion(TabularExpression.Union e) {
        return Unions.union(scope, e.options(), List.of(), e.tables());
    }

    @Override
    public ResultTable visitMacroExpand(TabularExpression.MacroExpand e) {
        return MacroExpansion.expand(scope, e);
    }

    @Override
    public ResultTable visitQualifiedFunctionCall(TabularExpression.QualifiedFunctionCall e) {
        return Invocations.storedFunction(scope, located(e.cluster(), e.database()), e.function(), e.arguments());
    }

    /** {@code database('d')} on this cluster ({@code cluster} null) or {@code cluster('c').database('d')}. */
    private Location located(String cluster, String database) {
        Location here = scope.location();
        return cluster == null ? new Location(here.clusterEndpoint(), here.snapshot(), database) : scope.session().locate(cluster, database);
    }

    @Override
    public ResultTable visitPatternReference(TabularExpression.PatternReference e) {
        throw SemanticErrors.unsupported("patterns ('" + e.pattern() + "')");
    }

    @Override
    public ResultTable visitInput(TabularExpression.Input e) {
        var binding = scope.lookup(MvApply.INPUT);
        if (binding.isPresent() && binding.get() instanceof Scope.TabularBinding input) {
            return input.value().get();
        }
        throw SemanticErrors.unsupported("subqueries of fork, facet and partition (" + e.position() + ")");
    }

    @Override
    public ResultTable visitStandalone(TabularExpression.Standalone e) {
        throw SemanticErrors.unsupported(NotSupported.describe(e.operator()));
    }
}
