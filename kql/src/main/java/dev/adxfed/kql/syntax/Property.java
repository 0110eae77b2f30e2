package dev.adxfed.kql.syntax;

/**
 * One {@code name=value} of a {@code with (...)} clause or an operator's options such as
 * {@code hint.strategy=broadcast}. The value is a String (quoted or a bare word as written),
 * Boolean, Long, Double, java.time.Duration or java.time.Instant.
 */
public record Property(SourcePosition position, String name, Object value) {}
