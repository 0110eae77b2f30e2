package dev.adxfed.kql.syntax;

import java.util.List;

/** A whole query text: its statements in order. */
public record Query(SourcePosition position, List<Statement> statements) implements Script {}
