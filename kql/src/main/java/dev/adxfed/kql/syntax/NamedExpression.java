package dev.adxfed.kql.syntax;

/** {@code name = expression} in project, extend, summarize or print; {@code name} is null when not written. */
public record NamedExpression(SourcePosition position, String name, Expression expression) {}
