package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * {@code name = expression} in project, extend, summarize or print; {@code name} is null when not written.
 * {@code (a, b) = expression} names several columns at once (for a function that returns several, such
 * as {@code arg_max} or {@code series_stats}): then {@code names} holds them and {@code name} is the first.
 */
public record NamedExpression(SourcePosition position, String name, Expression expression, List<String> names) {

    public NamedExpression(SourcePosition position, String name, Expression expression) {
        this(position, name, expression, name == null ? List.of() : List.of(name));
    }

    public boolean namesSeveral() {
        return names.size() > 1;
    }
}
