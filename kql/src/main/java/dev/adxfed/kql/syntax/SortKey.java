package dev.adxfed.kql.syntax;

/** One key of sort, order or top, with Kusto's defaults already applied (descending; nulls last when descending, first when ascending). */
public record SortKey(SourcePosition position, Expression expression, boolean descending, boolean nullsFirst) {}
