package dev.adxfed.kql;

/**
 * A text that is not valid KQL (or uses syntax this parser does not support), with where it went wrong:
 * 0-based offset, 1-based line and column. The message reads like Kusto's:
 * {@code SYN0002: Query could not be parsed at 'x' on line [1,5]: expected ')'}.
 */
public final class KqlSyntaxException extends RuntimeException {

    private final String detail;
    private final int offset;
    private final int line;
    private final int column;

    KqlSyntaxException(String detail, String near, int offset, int line, int column) {
        super("SYN0002: Query could not be parsed at '" + near + "' on line [" + line + "," + column + "]: " + detail);
        this.detail = detail;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without the position prefix. */
    public String detail() {
        return detail;
    }

    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
