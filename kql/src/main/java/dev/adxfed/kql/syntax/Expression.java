package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * A scalar expression: evaluates to one value per row (or once, outside a row context).
 * Evaluators either implement {@link Visitor} and call {@link #accept}, or test the nested records
 * with {@code instanceof}. Function calls such as {@code ago(1h)}, {@code iff(...)} and aggregates
 * such as {@code count()} are all {@link Call}s: the parser knows no function names.
 */
public sealed interface Expression {

    SourcePosition position();

    <R> R accept(Visitor<R> visitor);

    /** A literal of any type; {@code value} is null for typed nulls such as {@code long(null)}. */
    record Literal(SourcePosition position, LiteralType type, Object value) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitLiteral(this); }
    }

    /** A column, a let name or a parameter; also {@code $left} and {@code $right} in join conditions. */
    record Name(SourcePosition position, String name) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitName(this); }
    }

    /** {@code *} as an argument, as in {@code arg_max(Timestamp, *)} or {@code distinct *}. */
    record Star(SourcePosition position) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitStar(this); }
    }

    record Binary(SourcePosition position, BinaryOperator operator, Expression left, Expression right) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitBinary(this); }
    }

    /** Unary {@code -x} or {@code +x}; {@code not(x)} is a {@link Call}. */
    record Negate(SourcePosition position, boolean minus, Expression operand) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitNegate(this); }
    }

    /** {@code x in (...)}, {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all}. */
    record In(SourcePosition position, InOperator operator, Expression value, List<Expression> candidates) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitIn(this); }
    }

    /** {@code x between (low .. high)} and {@code !between}. */
    record Between(SourcePosition position, boolean negated, Expression value, Expression low, Expression high) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitBetween(this); }
    }

    /** {@code f(a, b)}: a built-in function, an aggregate, a let lambda or a stored scalar function. */
    record Call(SourcePosition position, String function, List<Expression> arguments) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitCall(this); }
    }

    /** {@code target.member}: a dynamic property, {@code $left.a}, or {@code X.$current_database}. */
    record Member(SourcePosition position, Expression target, String member) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitMember(this); }
    }

    /** {@code target[index]}: a dynamic property by name ({@code x['a']}) or an array element ({@code x[0]}). */
    record Index(SourcePosition position, Expression target, Expression index) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitIndex(this); }
    }

    /** {@code toscalar(T | ...)} and other tabular expressions used where a scalar is expected. */
    record TabularValue(SourcePosition position, TabularExpression tabular) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitTabularValue(this); }
    }

    /** {@code database('d').F(x)} or {@code cluster('c').database('d').F(x)}: a stored scalar function of another database. */
    record QualifiedCall(SourcePosition position, String cluster, String database, String function,
                         List<Expression> arguments) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitQualifiedCall(this); }
    }

    /** {@code name = value} as an argument of a call, as in {@code evaluate autocluster(SizeWeight=0.5)}. */
    record NamedArgument(SourcePosition position, String name, Expression value) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitNamedArgument(this); }
    }

    /**
     * {@code typeof(long)} (one column with a null name) or a schema such as {@code typeof(*, x:long)}
     * (a column named {@code *} with a null type stands for the input's columns).
     */
    record TypeLiteral(SourcePosition position, List<ColumnDeclaration> columns) implements Expression {
        public <R> R accept(Visitor<R> v) { return v.visitTypeLiteral(this); }
    }

    enum InOperator {
        IN("in"), NOT_IN("!in"), IN_IGNORE_CASE("in~"), NOT_IN_IGNORE_CASE("!in~"), HAS_ANY("has_any"), HAS_ALL("has_all");

        private final String text;

        InOperator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    interface Visitor<R> {
        R visitLiteral(Literal e);
        R visitName(Name e);
        R visitStar(Star e);
        R visitBinary(Binary e);
        R visitNegate(Negate e);
        R visitIn(In e);
        R visitBetween(Between e);
        R visitCall(Call e);
        R visitMember(Member e);
        R visitIndex(Index e);
        R visitTabularValue(TabularValue e);
        R visitQualifiedCall(QualifiedCall e);
        R visitNamedArgument(NamedArgument e);
        R visitTypeLiteral(TypeLiteral e);
    }
}
