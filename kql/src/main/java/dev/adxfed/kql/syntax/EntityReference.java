package dev.adxfed.kql.syntax;

/** {@code cluster('c').database('d')}, one member of an entity group; {@code cluster} is null for {@code database('d')} alone, {@code database} null for {@code cluster('c')} alone. */
public record EntityReference(SourcePosition position, String cluster, String database) {}
