package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.SortKey;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operators after a pipe. Each compiles its expressions once against its input's columns, then makes one
 * pass over the rows; input rows are shared, not copied, where the operator keeps them as they are.
 */
final class TabularOperators implements TabularOperator.Visitor<ResultTable> {
    private final Scope scope;
    private final ResultTable input;
    private final boolean serialized;

    private TabularOperators(Scope scope, ResultTable input, boolean serialized) {
        this.scope = scope;
        this.input = input;
        this.serialized = serialized;
    }

    /** Applies {@code operator}; {@code serialized} says whether the input's order is one window functions may use. */
    static ResultTable apply(Scope scope, ResultTable input, TabularOperator operator, boolean serialized) {
        return operator.accept(new TabularOperators(scope, input, serialized));
    }

    private ScalarCompiler compiler(String operator) {
        return new ScalarCompiler(scope, input.columns(), operator);
    }

    /** The window over {@code rows} for window functions, or null when the input is not serialized. */
    private RowWindow window(List<Object[]> rows) {
        return serialized ? new RowWindow(rows) : null;
    }

    @Override
    public ResultTable visitWhere(TabularOperator.Where o) {
        RowWindow window = window(input.rows());
        ScalarExpression.Evaluator p = new ScalarCompiler(scope, input.columns(), "where", window).predicate(o.predicate()).evaluator();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < input.rows().size(); i++) {
            Object[] row = input.rows().get(i);
            moveTo(window, i);
            if (p.evaluate(row) == Boolean.TRUE) {
                rows.add(row);
            }
        }
        return new ResultTable(input.columns(), rows);
    }

    private static void moveTo(RowWindow window, int i) {
        if (window != null) {
            window.moveTo(i);
        }
    }

    @Override
    public ResultTable visitProject(TabularOperator.Project o) {
        RowWindow window = window(input.rows());
        ScalarCompiler compiler = new ScalarCompiler(scope, input.columns(), "project", window);
        List<Column> columns = new ArrayList<>();
        List<ScalarExpression.Evaluator> values = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (NamedExpression c : o.columns()) {
            ScalarExpression value = compiler.compile(c.expression());
            String name;
            if (c.name() != null) {
                name = c.name();
                if (taken.contains(name)) {
                    throw SemanticErrors.type("'project' operator: a column with the name '" + name + "' is already declared (" + c.position() + ")");
                }
            } else {
                name = ColumnNames.derived(c.expression()).map(n -> ColumnNames.unique(n, taken)).orElseGet(() -> ColumnNames.generated(taken));
            }
            taken.add(name);
            columns.add(new Column(name, value.type()));
            values.add(value.evaluator());
        }
        return compute(columns, values, window);
    }

    private ResultTable compute(List<Column> columns, List<ScalarExpression.Evaluator> values) {
        return compute(columns, values, null);
    }

    private ResultTable compute(List<Column> columns, List<ScalarExpression.Evaluator> values, RowWindow window) {
        ScalarExpression.Evaluator[] evaluators = values.toArray(ScalarExpression.Evaluator[]::new);
        List<Object[]> rows = new ArrayList<>(input.rows().size());
        for (int r = 0; r < input.rows().size(); r++) {
            Object[] row = input.rows().get(r);
            moveTo(window, r);
            Object[] out = new Object[evaluators.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = evaluators[i].evaluate(row);
            }
            rows.add(out);
        }
        return new ResultTable(columns, rows);
    }

    @Override
    public ResultTable visitProjectAway(TabularOperator.ProjectAway o) {
        List<Pattern> patterns = new ArrayList<>();
        for (String name : o.columns()) {
            Pattern p = wildcard(name);
            if (!name.contains("*") && input.indexOf(name).isEmpty()) {
                throw SemanticErrors.unresolvedColumn("project-away", name);
            }
            patterns.add(p);
        }
        List<Column> columns = new ArrayList<>();
        List<ScalarExpression.Evaluator> values = new ArrayList<>();
        for (int i = 0; i < input.columns().size(); i++) {
            Column c = input.columns().get(i);
            if (patterns.stream().noneMatch(p -> p.matcher(c.name()).matches())) {
                columns.add(c);
                values.add(ScalarExpression.column(c.type(), i).evaluator());
            }
        }
        return compute(columns, values);
    }

    private static Pattern wildcard(String glob) {
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    @Override
    public ResultTable visitProjectRename(TabularOperator.ProjectRename o) {
        List<Column> columns = new ArrayList<>(input.columns());
        for (TabularOperator.Rename r : o.renames()) {
            int i = input.indexOf(r.oldName()).orElseThrow(() -> SemanticErrors.unresolvedColumn("project-rename", r.oldName()));
            columns.set(i, new Column(r.newName(), columns.get(i).type()));
        }
        return new ResultTable(columns, input.rows());
    }

    @Override
    public ResultTable visitExtend(TabularOperator.Extend o) {
        return extend(o.columns(), "extend");
    }

    /**
     * Adds or replaces columns, one expression at a time over all rows, so that each sees the columns before it
     * and a window function reads the other rows as they were before this expression.
     */
    private ResultTable extend(List<NamedExpression> expressions, String operator) {
        List<Object[]> rows = new ArrayList<>(input.rows().size());
        RowWindow window = window(rows);
        List<Column> columns = new ArrayList<>(input.columns());
        List<Integer> targets = new ArrayList<>();
        List<ScalarExpression.Evaluator> values = new ArrayList<>();
        for (NamedExpression c : expressions) {
            ScalarExpression value = new ScalarCompiler(scope, List.copyOf(columns), operator, window).compile(c.expression());
            List<String> names = columns.stream().map(Column::name).toList();
            String name = c.name() != null ? c.name() : ColumnNames.derived(c.expression()).orElseGet(() -> ColumnNames.generated(names));
            int at = names.indexOf(name);
            Column column = new Column(name, value.type());
            if (at >= 0) {
                columns.set(at, column);
            } else {
                at = columns.size();
                columns.add(column);
            }
            targets.add(at);
            values.add(value.evaluator());
        }
        int width = columns.size();
        for (Object[] row : input.rows()) {
            rows.add(Arrays.copyOf(row, width));
        }
        Object[] computed = new Object[rows.size()];
        for (int e = 0; e < values.size(); e++) {
            ScalarExpression.Evaluator ev = values.get(e);
            for (int i = 0; i < computed.length; i++) {
                moveTo(window, i);
                computed[i] = ev.evaluate(rows.get(i));
            }
            int target = targets.get(e);
            for (int i = 0; i < computed.length; i++) {
                rows.get(i)[target] = computed[i];
            }
        }
        return new ResultTable(columns, rows);
    }

    @Override
    public ResultTable visitSummarize(TabularOperator.Summarize o) {
        return Summarize.apply(scope, input, o);
    }

    @Override
    public ResultTable visitTake(TabularOperator.Take o) {
        long n = count(o.count(), "take");
        return new ResultTable(input.columns(), input.rows().subList(0, (int) Math.min(n, input.rows().size())));
    }

    private long count(Expression e, String operator) {
        ScalarExpression value = compiler(operator).compile(e);
        Long n = value.constant() ? Conversions.toLong(value.value()) : null;
        if (n == null || n < 0) {
            throw SemanticErrors.type("'" + operator + "' operator: expected a constant non-negative count (" + e.position() + ")");
        }
        return n;
    }

    @Override
    public ResultTable visitTop(TabularOperator.Top o) {
        long n = count(o.count(), "top");
        List<Object[]> sorted = sorted(List.of(o.by()), "top");
        return new ResultTable(input.columns(), sorted.subList(0, (int) Math.min(n, sorted.size())));
    }

    @Override
    public ResultTable visitSort(TabularOperator.Sort o) {
        return new ResultTable(input.columns(), sorted(o.by(), "sort"));
    }

    private List<Object[]> sorted(List<SortKey> keys, String operator) {
        ScalarCompiler compiler = compiler(operator);
        Comparator<Object[]> order = null;
        for (SortKey key : keys) {
            ScalarExpression value = compiler.compile(key.expression());
            ScalarExpression.Evaluator ev = value.evaluator();
            Comparator<Object> values = ValueOrder.sorting(value.type(), !key.descending(), key.nullsFirst());
            Comparator<Object[]> byKey = (a, b) -> values.compare(ev.evaluate(a), ev.evaluate(b));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        List<Object[]> rows = new ArrayList<>(input.rows());
        if (order != null) {
            rows.sort(order);
        }
        return rows;
    }

    @Override
    public ResultTable visitDistinct(TabularOperator.Distinct o) {
        List<Column> columns = new ArrayList<>();
        List<ScalarExpression.Evaluator> values = new ArrayList<>();
        if (o.columns().size() == 1 && o.columns().get(0) instanceof Expression.Star) {
            columns.addAll(input.columns());
            for (int i = 0; i < columns.size(); i++) {
                values.add(ScalarExpression.column(columns.get(i).type(), i).evaluator());
            }
        } else {
            ScalarCompiler compiler = compiler("distinct");
            Set<String> taken = new HashSet<>();
            for (Expression e : o.columns()) {
                ScalarExpression value = compiler.compile(e);
                String name = ColumnNames.derived(e).map(n -> ColumnNames.unique(n, taken)).orElseGet(() -> ColumnNames.generated(taken));
                taken.add(name);
                columns.add(new Column(name, value.type()));
                values.add(value.evaluator());
            }
        }
        Set<List<Object>> seen = new LinkedHashSet<>();
        for (Object[] row : input.rows()) {
            Object[] key = new Object[values.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = values.get(i).evaluate(row);
            }
            seen.add(Arrays.asList(key));
        }
        List<Object[]> rows = new ArrayList<>(seen.size());
        seen.forEach(k -> rows.add(k.toArray()));
        return new ResultTable(columns, rows);
    }

    @Override
    public ResultTable visitCount(TabularOperator.Count o) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{(long) input.rows().size()});
        return new ResultTable(List.of(new Column("Count", ScalarType.LONG)), rows);
    }

    @Override
    public ResultTable visitJoin(TabularOperator.Join o) {
        return Join.apply(scope, input, o);
    }

    @Override
    public ResultTable visitMvExpand(TabularOperator.MvExpand o) {
        return MvExpand.apply(scope, input, o);
    }

    @Override
    public ResultTable visitAs(TabularOperator.As o) {
        ResultTable named = input;
        scope.bind(o.name(), new Scope.TabularBinding(() -> named));
        return input;
    }

    @Override
    public ResultTable visitGetSchema(TabularOperator.GetSchema o) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < input.columns().size(); i++) {
            Column c = input.columns().get(i);
            rows.add(new Object[]{c.name(), (long) i, c.type() == ScalarType.BOOL ? "System.Boolean" : c.type().dotnetName(), c.type().kqlName()});
        }
        return new ResultTable(List.of(
                new Column("ColumnName", ScalarType.STRING), new Column("ColumnOrdinal", ScalarType.LONG),
                new Column("DataType", ScalarType.STRING), new Column("ColumnType", ScalarType.STRING)), rows);
    }

    @Override
    public ResultTable visitUnion(TabularOperator.Union o) {
        return Unions.union(scope, o.options(), List.of(new Unions.Part("union_arg0", input)), o.tables());
    }

    @Override
    public ResultTable visitParse(TabularOperator.Parse o) {
        return ParseOperator.apply(scope, input, o);
    }

    @Override
    public ResultTable visitMakeSeries(TabularOperator.MakeSeries o) {
        return MakeSeries.apply(scope, input, o);
    }

    /** The data is unchanged; what to draw goes to the response's properties, as ADX sends it. */
    @Override
    public ResultTable visitRender(TabularOperator.Render o) {
        scope.session().render(Visualization.of(o, serialized));
        return input;
    }

    @Override
    public ResultTable visitLookup(TabularOperator.Lookup o) {
        return Lookup.apply(scope, input, o);
    }

    /** Marks the rows as ordered (so window functions may run) and computes its columns as extend does. */
    @Override
    public ResultTable visitSerialize(TabularOperator.Serialize o) {
        return o.columns().isEmpty() ? input : new TabularOperators(scope, input, true).extend(o.columns(), "serialize");
    }

    @Override
    public ResultTable visitMvApply(TabularOperator.MvApply o) {
        return MvApply.apply(scope, input, o);
    }

    @Override
    public ResultTable visitEvaluate(TabularOperator.Evaluate o) {
        throw SemanticErrors.unsupported(NotSupported.describe(o));
    }

    @Override
    public ResultTable visitGeneric(TabularOperator.Generic o) {
        throw SemanticErrors.unsupported(NotSupported.describe(o));
    }
}
