package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * One statement of a query or of a function body, separated by {@code ;}. A query is usually some
 * {@link Let}s followed by one {@link Tabular} statement whose rows are the result.
 */
public sealed interface Statement {

    SourcePosition position();

    /** {@code let name = value}. */
    record Let(SourcePosition position, String name, LetValue value) implements Statement {}

    /** A tabular expression whose rows are a result of the query. */
    record Tabular(SourcePosition position, TabularExpression expression) implements Statement {}

    /** {@code set option [= value]}: a request option such as {@code notruncation}; {@code value} is null when absent. */
    record Set(SourcePosition position, String option, Object value) implements Statement {}

    /** {@code declare query_parameters(name:type [= default], ...)}: values the request supplies. */
    record DeclareQueryParameters(SourcePosition position, List<FunctionParameter> parameters) implements Statement {}

    /** {@code alias database Name = cluster('c').database('d')}. */
    record Alias(SourcePosition position, String name, EntityReference database) implements Statement {}

    /** {@code restrict access to (T, database('d').*, ...)}: each entity as written. */
    record Restrict(SourcePosition position, List<String> entities) implements Statement {}

    /**
     * {@code declare pattern P = (arg:type)[path:type] { ... }}; {@code path} is empty without {@code [...]}, and
     * {@code definitions} (the braces as written) null when only {@code declare pattern P} is written.
     */
    record DeclarePattern(SourcePosition position, String name, List<FunctionParameter> parameters,
                          List<FunctionParameter> path, String definitions) implements Statement {}

    /** A scalar expression: the last statement of a scalar function body such as {@code { x + 1 }}. */
    record Scalar(SourcePosition position, Expression expression) implements Statement {}

    /**
     * What a let binds. The parser decides scalar versus tabular from the text: anything with a pipe or a
     * tabular source keyword is tabular; a lone name is scalar if an earlier let or parameter bound it to a
     * scalar, tabular otherwise; a lone call {@code F(...)} is tabular unless {@code F} is a scalar let lambda
     * or a known scalar function.
     */
    sealed interface LetValue {}

    record ScalarValue(Expression expression) implements LetValue {}

    record TabularValue(TabularExpression expression) implements LetValue {}

    /** {@code let G = entity_group [cluster('c').database('d'), ...]}. */
    record EntityGroupValue(TabularExpression.InlineEntityGroup group) implements LetValue {}

    /** {@code let f = (x:long, T:(*)) { body }}; a tabular parameter's type is written as {@code (*)} or {@code (a:long, ...)}. */
    record FunctionValue(List<FunctionParameter> parameters, List<Statement> body) implements LetValue {}
}
