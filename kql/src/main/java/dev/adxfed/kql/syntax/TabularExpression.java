package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * An expression that produces a table: a source, or a source followed by {@code | operator}s
 * ({@link Pipe} nests to the left, so {@code T | where a | count} is
 * {@code Pipe(Pipe(T, where a), count)}). Evaluators implement {@link Visitor} or use {@code instanceof}.
 */
public sealed interface TabularExpression {

    SourcePosition position();

    <R> R accept(Visitor<R> visitor);

    /** {@code input | operator}. */
    record Pipe(SourcePosition position, TabularExpression input, TabularOperator operator) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitPipe(this); }
    }

    /**
     * A bare name: a table, a stored function called without parentheses, or a tabular let; which one
     * is for the evaluator to resolve (a stored function wins over a same-named table).
     */
    record TableName(SourcePosition position, String name) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitTableName(this); }
    }

    /** {@code database('d').T} ({@code cluster} null) or {@code cluster('c').database('d').T}. */
    record QualifiedTable(SourcePosition position, String cluster, String database, String table) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitQualifiedTable(this); }
    }

    /** {@code F()} or {@code F(1, "a")}: a stored function, a let lambda, or {@code table('T')}. */
    record FunctionCall(SourcePosition position, String function, List<Expression> arguments) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitFunctionCall(this); }
    }

    /** {@code database('d').F(args)} or {@code cluster('c').database('d').F(args)}: a stored function of another database. */
    record QualifiedFunctionCall(SourcePosition position, String cluster, String database, String function,
                                 List<Expression> arguments) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitQualifiedFunctionCall(this); }
    }

    /** {@code P('a').Path} or {@code P("a").["Path"]}: the definition of a declared pattern for those arguments and path. */
    record PatternReference(SourcePosition position, String pattern, List<Expression> arguments, String path)
            implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitPatternReference(this); }
    }

    /** {@code X.T} inside a macro-expand body: table (or function) {@code T} of the entity {@code X} stands for. */
    record ScopedTable(SourcePosition position, String scope, String table) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitScopedTable(this); }
    }

    /** {@code datatable(a:long, b:string) [1, "x", 2, "y"]}: values row by row. */
    record Datatable(SourcePosition position, List<ColumnDeclaration> columns, List<Expression> values) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitDatatable(this); }
    }

    /** {@code print a = 1, 2}: one row. */
    record Print(SourcePosition position, List<NamedExpression> columns) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitPrint(this); }
    }

    /** {@code range x from 1 to 10 step 1}. */
    record Range(SourcePosition position, String column, Expression from, Expression to, Expression step) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitRange(this); }
    }

    /** {@code union [kind=inner|outer] [withsource=C] [isfuzzy=true] T1, T2} as a source (not after a pipe). */
    record Union(SourcePosition position, UnionOptions options, List<TabularExpression> tables) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitUnion(this); }
    }

    /**
     * {@code macro-expand [kind=...] [isfuzzy=true] [best_effort=true] G as X ( body )}: the body runs once
     * per entity of the group with {@code X} bound to it; results are unioned.
     */
    record MacroExpand(SourcePosition position, MacroExpandOptions options, EntityGroupSource group, String scope,
                       List<Statement> body) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitMacroExpand(this); }
    }

    /** The rows an enclosing operator feeds its subquery: the source of {@code mv-apply ... on (take 1)}, fork, facet and partition branches. */
    record Input(SourcePosition position) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitInput(this); }
    }

    /** An operator that needs no input, used as a source: {@code evaluate sql_request(...)}, {@code find ...}, {@code search ...}. */
    record Standalone(SourcePosition position, TabularOperator operator) implements TabularExpression {
        public <R> R accept(Visitor<R> v) { return v.visitStandalone(this); }
    }

    /** {@code kind} is null when not written (Kusto's default: outer); {@code withSource} null when absent. */
    record UnionOptions(String kind, String withSource, boolean isFuzzy) {}

    /** {@code kind} is null when not written. */
    record MacroExpandOptions(String kind, boolean isFuzzy, boolean bestEffort) {}

    /** The entity group a macro-expand runs over. */
    sealed interface EntityGroupSource {
        SourcePosition position();
    }

    /** A stored entity group or a let-bound one: {@code macro-expand G as X (...)}. */
    record NamedEntityGroup(SourcePosition position, String name) implements EntityGroupSource {}

    /** {@code entity_group [cluster('c').database('d'), ...]} written in the query. */
    record InlineEntityGroup(SourcePosition position, List<EntityReference> entities) implements EntityGroupSource {}

    interface Visitor<R> {
        R visitPipe(Pipe e);
        R visitTableName(TableName e);
        R visitQualifiedTable(QualifiedTable e);
        R visitFunctionCall(FunctionCall e);
        R visitScopedTable(ScopedTable e);
        R visitDatatable(Datatable e);
        R visitPrint(Print e);
        R visitRange(Range e);
        R visitUnion(Union e);
        R visitMacroExpand(MacroExpand e);
        R visitQualifiedFunctionCall(QualifiedFunctionCall e);
        R visitPatternReference(PatternReference e);
        R visitInput(Input e);
        R visitStandalone(Standalone e);
    }
}
