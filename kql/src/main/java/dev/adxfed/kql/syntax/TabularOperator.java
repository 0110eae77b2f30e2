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
    }
}
