package dev.adxfed.kql.syntax;

/** {@code name:type} in a table schema, a datatable or a function parameter list; type as written in KQL (e.g. {@code long}). */
public record ColumnDeclaration(SourcePosition position, String name, String type) {}
