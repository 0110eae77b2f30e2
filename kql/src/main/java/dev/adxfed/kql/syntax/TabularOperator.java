package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * An operator after a pipe: it takes the rows of its input ({@link TabularExpression.Pipe#input()})
 * and produces new ones. Evaluators implement {@link Visitor} or use {@code instanceof}.
 */
public sealed interface TabularOperator {

    SourcePosition position();

    <R> R accept(Visitor<R> visitor);

    /** {@code where predicate} (also spelled {@code filter}). */
    record Where(SourcePosition position, Expression predicate) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitWhere(this); }
    }

    /** {@code project a, b = expr}. */
    record Project(SourcePosition position, List<NamedExpression> columns) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitProject(this); }
    }

    /** {@code project-away a, b*}: names, possibly with {@code *} wildcards. */
    record ProjectAway(SourcePosition position, List<String> columns) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitProjectAway(this); }
    }

    /** {@code project-rename new1 = old1, new2 = old2}. */
    record ProjectRename(SourcePosition position, List<Rename> renames) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitProjectRename(this); }
    }

    record Rename(SourcePosition position, String newName, String oldName) {}

    /** {@code extend a = expr, expr2}. */
    record Extend(SourcePosition position, List<NamedExpression> columns) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitExtend(this); }
    }

    /** {@code summarize [name =] aggregate(...), ... [by [name =] key, ...]}. */
    record Summarize(SourcePosition position, List<NamedExpression> aggregates, List<NamedExpression> by) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitSummarize(this); }
    }

    /** {@code take n} or {@code limit n}. */
    record Take(SourcePosition position, Expression count) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitTake(this); }
    }

    /** {@code top n by expr [asc|desc] [nulls first|last]}. */
    record Top(SourcePosition position, Expression count, SortKey by) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitTop(this); }
    }

    /** {@code sort by ...} or {@code order by ...}. */
    record Sort(SourcePosition position, List<SortKey> by) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitSort(this); }
    }

    /** {@code distinct a, b} or {@code distinct *} (one {@link Expression.Star}). */
    record Distinct(SourcePosition position, List<Expression> columns) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitDistinct(this); }
    }

    /** {@code count}: one row, one column {@code Count}. */
    record Count(SourcePosition position) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitCount(this); }
    }

    /**
     * {@code join [kind=...] [hint.x=y] (right) on a, $left.b == $right.c}. {@code kind} is null when not
     * written (Kusto's default is innerunique).
     */
    record Join(SourcePosition position, JoinKind kind, List<Property> hints, TabularExpression right,
                List<JoinCondition> on) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitJoin(this); }
    }

    /** {@code on a} is {@code (a, a)}; {@code on $left.a == $right.b} is {@code (a, b)}. */
    record JoinCondition(SourcePosition position, String leftColumn, String rightColumn) {}

    enum JoinKind {
        INNERUNIQUE("innerunique"), INNER("inner"), LEFTOUTER("leftouter"), RIGHTOUTER("rightouter"),
        FULLOUTER("fullouter"), LEFTANTI("leftanti"), RIGHTANTI("rightanti"), LEFTSEMI("leftsemi"),
        RIGHTSEMI("rightsemi"), LEFTANTISEMI("leftantisemi"), RIGHTANTISEMI("rightantisemi");

        private final String text;

        JoinKind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * {@code mv-expand [bagexpansion=bag|array] [with_itemindex=i] [name =] expr [to typeof(type)], ... [limit n]}.
     * Absent parts are null.
     */
    record MvExpand(SourcePosition position, String bagExpansion, String itemIndexColumn, List<MvExpandColumn> columns,
                    Expression limit) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitMvExpand(this); }
    }

    /** {@code type} is null without {@code to typeof(...)}. */
    record MvExpandColumn(SourcePosition position, NamedExpression column, String type) {}

    /** {@code as [hint.materialized=true] Name}: names the input for later use in the query. */
    record As(SourcePosition position, List<Property> hints, String name) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitAs(this); }
    }

    /** {@code getschema}. */
    record GetSchema(SourcePosition position) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitGetSchema(this); }
    }

    /** {@code | union [options] T2, T3}: the input followed by the other tables. */
    record Union(SourcePosition position, TabularExpression.UnionOptions options, List<TabularExpression> tables) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitUnion(this); }
    }

    /**
     * {@code parse [kind=simple|regex|relaxed] [flags=f] source with [*] "text" column[:type] ...} and
     * {@code parse-where} ({@code where} true: rows that do not match are dropped). {@code kind} is SIMPLE
     * when not written; {@code flags} (regex flags such as {@code "Ui"}) is null when absent.
     */
    record Parse(SourcePosition position, boolean where, ParseKind kind, String flags, Expression source,
                 List<ParsePart> pattern) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitParse(this); }
    }

    enum ParseKind { SIMPLE, REGEX, RELAXED }

    /** One element of a parse pattern, in order. */
    sealed interface ParsePart {}

    /** A string constant the text must contain there (a regular expression with kind=regex). */
    record ParseText(String text) implements ParsePart {}

    /** A column that takes the text there; {@code type} is {@code string} when not written. */
    record ParseColumn(SourcePosition position, String name, String type) implements ParsePart {}

    /** {@code *}: any text, not kept. */
    record ParseWildcard() implements ParsePart {}

    /**
     * {@code make-series [kind=nonempty] aggregates on axis [from f] [to t] step s [by keys]}; the form
     * {@code on axis in range(f, t, s)} gives the same node. {@code from} and {@code to} are null when absent.
     */
    record MakeSeries(SourcePosition position, List<Property> options, List<SeriesAggregate> aggregates, Expression on,
                      Expression from, Expression to, Expression step, List<NamedExpression> by) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitMakeSeries(this); }
    }

    /** {@code [name =] aggregate(...) [default = value]}; {@code name} and {@code defaultValue} are null when absent. */
    record SeriesAggregate(SourcePosition position, String name, Expression aggregate, Expression defaultValue) {}

    /**
     * {@code render chart [with (title="t", ycolumns=a,b, ...)]}. The chart type is as written (Microsoft's
     * parser takes any word); a property's value is a String, number, Boolean, or a List of names
     * for {@code xcolumn}/{@code ycolumns}/{@code series}-style lists of more than one name.
     */
    record Render(SourcePosition position, String chart, List<Property> properties) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitRender(this); }
    }

    /** {@code lookup [kind=leftouter|inner] (right) on conditions}; {@code kind} is null when not written (leftouter). */
    record Lookup(SourcePosition position, String kind, List<Property> hints, TabularExpression right,
                  List<JoinCondition> on) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitLookup(this); }
    }

    /** {@code serialize [name = expr, ...]}: marks the rows as ordered, so window functions may run. */
    record Serialize(SourcePosition position, List<NamedExpression> columns) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitSerialize(this); }
    }

    /**
     * {@code mv-apply [with_itemindex=i] [name =] array [to typeof(t)], ... [limit n] on (subquery)}: the
     * subquery runs once per input row over the expanded rows; its source is a
     * {@link TabularExpression.Input}. Absent parts are null.
     */
    record MvApply(SourcePosition position, List<Property> options, String itemIndexColumn, List<MvExpandColumn> columns,
                   Expression limit, TabularExpression subquery) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitMvApply(this); }
    }

    /**
     * {@code evaluate [hint.x=y] plugin(arguments)}: arguments may be {@link Expression.NamedArgument}s,
     * {@link Expression.TypeLiteral}s ({@code typeof(*, x:long)}) or tabular values. Any plugin name
     * parses, as in Microsoft's parser; whether it exists is the engine's question. {@code outputSchema} is the
     * {@code : (*, x:long)} after the call (a column named {@code *} with a null type: the input's columns),
     * empty when not written.
     */
    record Evaluate(SourcePosition position, List<Property> options, String plugin, List<Expression> arguments,
                    List<ColumnDeclaration> outputSchema) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitEvaluate(this); }
    }

    /**
     * Any other operator of the KQL reference (fork, facet, scan, partition, graph operators, sample,
     * top-nested, search, invoke, reduce, ...): its name, its {@code name=value} options, its scalar
     * parts in order, and its subqueries (whose source is a {@link TabularExpression.Input} when they
     * start with an operator). The parser checks its syntax; an engine that does not run it says so.
     */
    record Generic(SourcePosition position, String name, List<Property> options, List<NamedExpression> expressions,
                   List<TabularExpression> subqueries) implements TabularOperator {
        public <R> R accept(Visitor<R> v) { return v.visitGeneric(this); }
    }

    interface Visitor<R> {
        R visitWhere(Where o);
        R visitProject(Project o);
        R visitProjectAway(ProjectAway o);
        R visitProjectRename(ProjectRename o);
        R visitExtend(Extend o);
        R visitSummarize(Summarize o);
        R visitTake(Take o);
        R visitTop(Top o);
        R visitSort(Sort o);
        R visitDistinct(Distinct o);
        R visitCount(Count o);
        R visitJoin(Join o);
        R visitMvExpand(MvExpand o);
        R visitAs(As o);
        R visitGetSchema(GetSchema o);
        R visitUnion(Union o);
        R visitParse(Parse o);
        R visitMakeSeries(MakeSeries o);
        R visitRender(Render o);
        R visitLookup(Lookup o);
        R visitSerialize(Serialize o);
        R visitMvApply(MvApply o);
        R visitEvaluate(Evaluate o);
        R visitGeneric(Generic o);
    }
}
