package dev.adxfed.kql.syntax;

/**
 * A parameter of a function: {@code x:long}, {@code x:long = 5} ({@code defaultValue} null when absent),
 * or a tabular one {@code T:(*)} / {@code T:(a:long)} whose {@code type} is that parenthesised text.
 */
public record FunctionParameter(SourcePosition position, String name, String type, Expression defaultValue) {

    public boolean isTabular() {
        return type.startsWith("(");
    }
}
