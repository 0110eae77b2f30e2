package dev.adxfed.kql.syntax;

/** Where a node starts in the text it was parsed from: 0-based offset, 1-based line and column. */
public record SourcePosition(int offset, int line, int column) {

    @Override
    public String toString() {
        return "[" + line + "," + column + "]";
    }
}
