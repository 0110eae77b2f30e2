package dev.adxfed.kql;

/**
 * One token. {@code text} is the source text; {@code value} is the decoded value for names (without
 * brackets) and literals (a Java value of {@code literalType}); {@code spaceBefore} tells whether
 * blanks or comments separate it from the previous token (dashed words and wildcards need adjacency).
 */
record Token(Kind kind, String text, Object value, dev.adxfed.kql.syntax.LiteralType literalType,
             int start, int end, boolean spaceBefore) {

    enum Kind { WORD, BRACKETED_NAME, LITERAL, PUNCTUATION, REST_OF_TEXT, END }

    boolean is(String word) {
        return (kind == Kind.WORD || kind == Kind.PUNCTUATION) && text.equals(word);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.BRACKETED_NAME;
    }

    /** The name this token stands for: the word itself or the bracketed name's content. */
    String name() {
        return kind == Kind.BRACKETED_NAME ? (String) value : text;
    }
}
